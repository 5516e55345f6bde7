// Issue 17: every filter of the audit-log list is answered from migration
// 0042's index for it, read in the list's order (org, column, seq), so a
// filter that matches nothing is one index probe, not a scan of the
// organization's rows. The plans are the databases' own (EXPLAIN) for the
// statement the route runs; the timings at a million rows are in
// bench/audit-log.ts.
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditLogQuery, auditLogListQuery } from '../../src/platform/audit-log/audit-log.js';
import type { DB } from '../../src/platform/db/tables.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/db.js';

const ORG = '01900000-0000-7000-8000-000000000001';
// no row has this actor (the rows' actors end in 0 to 6)
const ACTOR = '01900000-0000-7000-8000-0000000000ff';

const FILTERS: { name: string; q: Omit<AuditLogQuery, 'limit'>; index: string; sqlite: string }[] = [
  { name: 'action', q: { action: 'archive' }, index: 'audit_log_org_action_idx', sqlite: 'org_id=? AND action=?' },
  { name: 'actor', q: { actorUserId: ACTOR }, index: 'audit_log_org_actor_idx', sqlite: 'org_id=? AND actor_user_id=?' },
  {
    name: 'entity type',
    q: { entityType: 'nothing' },
    index: 'audit_log_org_entity_type_idx',
    sqlite: 'org_id=? AND entity_type=?',
  },
  { name: 'entity id', q: { entityId: 'nothing' }, index: 'audit_log_org_entity_id_idx', sqlite: 'org_id=? AND entity_id=?' },
  {
    name: 'time range',
    q: { from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z' },
    index: 'audit_log_org_at_idx',
    sqlite: 'org_id=? AND at>? AND at<?',
  },
];

async function plan(database: TestDatabase, q: Omit<AuditLogQuery, 'limit'>): Promise<string> {
  const db = database.db as Kysely<DB>;
  const compiled = auditLogListQuery(db, ORG, { ...q, limit: 51 }).compile();
  if (database.dialect === 'sqlite') {
    const rows = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return rows.rows.map((r) => r.detail).join('\n');
  }
  // An empty table is cheapest to read whole: as on a large one, the planner
  // is told a sequential scan costs too much, and then must find an index.
  return db.transaction().execute(async (tx) => {
    await tx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
    const rows = await tx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe.each(testDialects())('audit-log list plans (%s)', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // A year of one organization's changes, and the statistics a live
    // database gathers, so the planner weighs the indexes as it would there.
    const start = Date.parse('2025-01-01T00:00:00Z');
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      seq: i + 1,
      id: `row-${i}`,
      at: new Date(start + i * 3 * 3600 * 1000).toISOString(),
      org_id: ORG,
      actor_user_id: `01900000-0000-7000-8000-${String(i % 7).padStart(12, '0')}`,
      actor: 'member@example.com',
      entity_type: ['ai_system', 'risk', 'evidence'][i % 3],
      entity_id: `entity-${i % 500}`,
      action: ['create', 'update', 'delete'][i % 3],
      before: null,
      after: null,
      prev_hash: '0'.repeat(64),
      hash: '0'.repeat(64),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await database.db
        .insertInto('audit_log')
        .values(rows.slice(i, i + 500))
        .execute();
    await database.db.executeQuery(CompiledQuery.raw('analyze'));
  });
  afterAll(() => database.destroy());

  it.each(FILTERS)('a $name that matches nothing is a probe of its own index', async ({ q, index, sqlite }) => {
    const text = await plan(database, q);
    if (dialect === 'sqlite') expect(text).toContain(`SEARCH audit_log USING INDEX ${index} (${sqlite})`);
    else {
      expect(text).toMatch(new RegExp(`Index Scan (Backward )?using ${index} on audit_log`));
      expect(text).not.toMatch(/Seq Scan/);
    }
  });
});
