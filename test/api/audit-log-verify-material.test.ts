import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditMany, verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import { chainPages } from '../../src/platform/audit-log/audit-log.verify.js';
import { unguardAuditLog } from '../support/audit-tamper.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/db.js';

// verify hashes the material the database builds (json_array on SQLite,
// to_json on PostgreSQL) instead of JSON.stringify per row: it must be the
// same bytes rowHash hashes for any content a row can hold, and a row that
// differs must still be caught.
// every ASCII character but NUL, which PostgreSQL text cannot hold (inside before/after it is JSON-escaped)
let every = '';
for (let c = 1; c < 0x80; c++) every += String.fromCharCode(c);
const TRICKY = [
  every,
  'quotes " and \\ backslashes \\" and \\\\',
  'é ß 中文 😀 \u2028 \u2029 \ufeff \u00a0',
  '{"looks":"like json"}',
  '',
];

describe.each(testDialects())('audit-log verify: material built by the database (%s)', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const actor = { userId: null, label: 'label "with" quotes \\ and\nnewline' };
    await appendAuditMany(
      database.db,
      actor,
      TRICKY.map((text, i) => ({
        orgId: i % 2 ? null : 'org-\t1',
        entityType: `type ${text.slice(0, 20)}`,
        entityId: text,
        action: 'update',
        before: i % 3 ? { text, n: i, nested: [text, null, 1.5, -0, true] } : undefined,
        after: { text, nul: '\u0000', empty: {}, list: [] },
      })),
    );
  });
  afterAll(() => database.destroy());

  it('hashes to each row hash for every character a row may hold, with no row judged again', async () => {
    let rows = 0;
    let rejudged = 0;
    for await (const page of chainPages(database.db, 2)) {
      rows += page.links.length;
      rejudged += page.rejudged;
    }
    expect(rows).toBe(TRICKY.length);
    expect(rejudged).toBe(0);
    expect((await verifyAuditLog(database.db)).ok).toBe(true);
  });

  it('still reports a row whose content was edited', async () => {
    await unguardAuditLog(database);
    await database.db.updateTable('audit_log').set({ entity_id: 'edited' }).where('seq', '=', 3).execute();
    const pages = [];
    for await (const page of chainPages(database.db, 2)) pages.push(page);
    expect(pages.reduce((n, p) => n + p.rejudged, 0)).toBe(1);
    expect((await verifyAuditLog(database.db)).break).toEqual({ seq: 3, reason: 'row content does not match its hash' });
  });
});
