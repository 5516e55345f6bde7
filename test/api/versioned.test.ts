// The versioned-record kit (src/platform/versioned) on a record type of the
// test's own: "notes", many per organization (keyed by note_id), with a
// derived word count, a validation against another table, and a rendered
// text frozen at approval. Both dialects; on PostgreSQL the races run over
// two connection pools to one database, as two app processes would.
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../src/platform/audit-log/audit-log.js';
import { verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import { type Database, type Executor, openDatabase } from '../../src/platform/db/db.js';
import { AppError, invalid } from '../../src/platform/http/errors.js';
import { acceptExceptions, type VersionCheck } from '../../src/platform/versioned/index.js';
import { defineVersionedRecord, type RecordRef } from '../../src/platform/versioned/index.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/db.js';

const noteContent = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(10_000),
  tags: z.array(z.string()).max(20),
  // added after the first notes were saved: older content reads without it
  audience: z.enum(['internal', 'public']),
});
type Note = z.infer<typeof noteContent>;

// What render and checks read besides the content; a test changes it.
let signature = 'Acme AI';

const notes = defineVersionedRecord({
  table: 'test_note_versions',
  entityType: 'test-note',
  label: 'note',
  key: 'note_id',
  content: noteContent,
  upgrade: (stored) => ({ audience: 'internal' as const, ...(stored as Partial<Note>) }) as Note,
  context: async (db: Executor, orgId: string) => {
    const org = await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst();
    return { org: org?.name ?? '?', signature };
  },
  validate: async (_db, _orgId, content) => {
    if (content.tags.includes('forbidden')) throw invalid([{ field: 'body.content.tags', message: 'is forbidden' }]);
  },
  freeze: {
    columns: ['rendered'],
    compute: (c, ctx, { exceptions }) => ({
      rendered: `${c.title} (${ctx.org}), ${ctx.signature}${exceptions.map((e) => `; accepted ${e.field}: ${e.reason}`).join('')}`,
    }),
  },
  // A "todo" tag is an open warning; a "later" tag a note that never blocks approval.
  checks: (c): VersionCheck[] =>
    c.tags.flatMap((tag, i): VersionCheck[] =>
      tag === 'todo'
        ? [{ code: 'todo', severity: 'warning' as const, field: `tags.${i}`, message: `Tag ${i + 1} says todo.` }]
        : tag === 'later'
          ? [{ code: 'later', severity: 'info' as const, field: `tags.${i}`, message: 'Later.' }]
          : [],
    ),
  derive: ({ content, frozen }, ctx) => ({
    rendered: frozen.rendered ?? `${content.title} (${ctx.org}), ${ctx.signature}`,
    words: content.body.split(/\s+/).filter(Boolean).length,
  }),
  diff: { lists: {} },
});

async function createNotesTable(db: Executor) {
  await db.schema
    .createTable('test_note_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('note_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approval_note', 'text')
    .addColumn('accepted_exceptions', 'text')
    .addColumn('rendered', 'text')
    .addUniqueConstraint('test_note_versions_version_uq', ['org_id', 'note_id', 'version'])
    .execute();
  for (const status of ['draft', 'approved']) {
    await db.schema
      .createIndex(`test_note_versions_one_${status}_uq`)
      .on('test_note_versions')
      .columns(['org_id', 'note_id'])
      .unique()
      .where(sql.ref('status'), '=', status)
      .execute();
  }
}

const content = (over: Partial<Note> = {}): Note => ({
  title: 'Incident notes',
  body: 'Two words',
  tags: [],
  audience: 'internal',
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.status;
    throw err;
  }
  throw new Error('expected the call to be refused');
}

describe.each(testDialects())('versioned-record kit (%s)', (dialect) => {
  let database: TestDatabase;
  /** a second app process on PostgreSQL; the same handle on SQLite */
  let other: Database;
  let orgId: string;
  let actor: Actor;
  const ref = (key: string): RecordRef => ({ orgId, key });

  beforeAll(async () => {
    signature = 'Acme AI';
    database = await createTestDatabase(dialect);
    other =
      dialect === 'postgres'
        ? openDatabase({ dataDir: '/tmp', databaseUrl: process.env.PG_TEST_URL, pgSchema: database.schema })
        : database;
    const db = database.db;
    await createNotesTable(db);
    const now = new Date().toISOString();
    orgId = uuidv7();
    await db
      .insertInto('organizations')
      .values({ id: orgId, slug: 'acme', name: 'Acme', created_at: now, updated_at: now })
      .execute();
    const userId = uuidv7();
    await db
      .insertInto('users')
      .values({ id: userId, email: 'ada@example.com', name: 'Ada Lead', password_hash: 'x', created_at: now, updated_at: now })
      .execute();
    actor = { userId, label: 'ada@example.com' };
  });

  afterAll(async () => {
    if (other !== database) await other.close();
    await database.destroy();
  });

  /** The audit actions on one note, oldest first: each row's before or after names its key. */
  async function auditActions(key: string) {
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'test-note')
      .orderBy('seq')
      .execute();
    return rows.filter((r) => JSON.parse((r.after ?? r.before)!).key === key).map((r) => r.action);
  }

  it('starts empty: nothing to approve (409), no draft to discard (404), no version (404)', async () => {
    const db = database.db;
    expect(await notes.getOverview(db, ref('a'))).toEqual({ approved: null, draft: null });
    expect(await refusal(notes.approve(db, actor, ref('a')))).toBe(409);
    expect(await refusal(notes.discardDraft(db, actor, ref('a')))).toBe(404);
    expect(await refusal(notes.getVersion(db, ref('a'), 1))).toBe(404);
    await expect(notes.getOverview(db, { orgId })).rejects.toThrow(/keyed by note_id/);
  });

  it('saves a draft as version 1, then edits it in place; derived fields follow the context', async () => {
    const db = database.db;
    const first = await notes.saveDraft(db, actor, ref('a'), content());
    expect(first).toMatchObject({
      key: 'a',
      version: 1,
      status: 'draft',
      content: content(),
      createdBy: actor.userId,
      approvedBy: null,
      approvedByName: null,
      acceptedExceptions: [],
      rendered: 'Incident notes (Acme), Acme AI',
      words: 2,
    });
    const second = await notes.saveDraft(db, actor, ref('a'), content({ body: 'Now three words' }), {
      expectedUpdatedAt: first.updatedAt,
    });
    expect(second).toMatchObject({ id: first.id, version: 1, words: 3 });
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(await auditActions('a')).toEqual(['create', 'update']);
  });

  it('refuses a stale edit (409), invalid content (400) and what validate refuses (400), changing nothing', async () => {
    const db = database.db;
    const before = (await notes.getOverview(db, ref('a'))).draft!;
    expect(await refusal(notes.saveDraft(db, actor, ref('a'), content({ body: 'x' }), { expectedUpdatedAt: null }))).toBe(409);
    expect(
      await refusal(
        notes.saveDraft(db, actor, ref('a'), content({ body: 'x' }), { expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }),
      ),
    ).toBe(409);
    expect(await refusal(notes.saveDraft(db, actor, ref('a'), { ...content(), title: '' }))).toBe(400);
    expect(await refusal(notes.saveDraft(db, actor, ref('a'), content({ tags: ['forbidden'] })))).toBe(400);
    expect(await refusal(notes.approve(db, actor, ref('a'), { expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }))).toBe(409);
    expect((await notes.getOverview(db, ref('a'))).draft).toEqual(before);
    expect(await auditActions('a')).toEqual(['create', 'update']);
  });

  it('approves into an immutable version whose frozen text no later context changes', async () => {
    const db = database.db;
    const draft = (await notes.getOverview(db, ref('a'))).draft!;
    const approved = await notes.approve(db, actor, ref('a'), { note: '  signed off  ', expectedUpdatedAt: draft.updatedAt });
    expect(approved).toMatchObject({
      id: draft.id,
      version: 1,
      status: 'approved',
      approvedBy: actor.userId,
      approvedByName: 'Ada Lead',
      approvalNote: 'signed off',
      acceptedExceptions: [],
      rendered: 'Incident notes (Acme), Acme AI',
    });
    signature = 'Acme AI GmbH';
    await notes.saveDraft(db, actor, ref('a'), content({ title: 'Incident notes v2', tags: ['ops'] }));
    const overview = await notes.getOverview(db, ref('a'));
    expect(overview.approved?.rendered).toBe('Incident notes (Acme), Acme AI');
    expect(overview.draft).toMatchObject({ version: 2, status: 'draft', rendered: 'Incident notes v2 (Acme), Acme AI GmbH' });
    expect((await notes.getVersion(db, ref('a'), 1)).rendered).toBe('Incident notes (Acme), Acme AI');
  });

  it('supersedes the previous version on the next approval; lists newest first; compares any two', async () => {
    const db = database.db;
    await notes.approve(db, actor, ref('a'));
    expect((await notes.listVersions(db, ref('a'))).map((v) => [v.version, v.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(await notes.compare(db, ref('a'), 1, 2)).toEqual({
      from: 1,
      to: 2,
      changes: [
        { field: 'title', change: 'changed', before: 'Incident notes', after: 'Incident notes v2' },
        { field: 'body', change: 'changed', before: 'Now three words', after: 'Two words' },
        { field: 'tags', change: 'added', before: null, after: 'ops' },
      ],
    });
    expect(await refusal(notes.compare(db, ref('a'), 1, 9))).toBe(404);
    expect(await notes.approvedContent(db, ref('a'))).toMatchObject({ version: 2, content: { title: 'Incident notes v2' } });
    const ids = (await notes.listVersions(db, ref('a'))).map((v) => v.id);
    const byId = await notes.versionsByIds(db, orgId, ids);
    expect(ids.map((id) => byId.get(id))).toEqual([
      { version: 2, status: 'approved' },
      { version: 1, status: 'superseded' },
    ]);
  });

  it('reads an approved content once per version: the same frozen object, and the next approval on either node at once', async () => {
    const db = database.db;
    await notes.saveDraft(db, actor, ref('cached'), content({ title: 'Cached v1' }));
    await notes.approve(db, actor, ref('cached'));
    const first = await notes.approvedContent(db, ref('cached'));
    const again = await notes.approvedContent(other.db, ref('cached'));
    expect(first).toMatchObject({ version: 1, content: { title: 'Cached v1' } });
    expect(again?.content).toBe(first?.content);
    expect(Object.isFrozen(first?.content)).toBe(true);
    expect(() => {
      (first?.content as { title: string }).title = 'changed by a caller';
    }).toThrow(TypeError);
    await notes.saveDraft(other.db, actor, ref('cached'), content({ title: 'Cached v2' }));
    await notes.approve(other.db, actor, ref('cached'));
    const next = await notes.approvedContent(db, ref('cached'));
    expect(next).toMatchObject({ version: 2, content: { title: 'Cached v2' } });
    expect(next?.content).not.toBe(first?.content);
  });

  it('discards a draft; the next one takes the next number again', async () => {
    const db = database.db;
    await notes.saveDraft(db, actor, ref('a'), content({ title: 'Throwaway' }));
    await notes.discardDraft(db, actor, ref('a'));
    expect((await notes.getOverview(db, ref('a'))).draft).toBeNull();
    expect(await refusal(notes.getVersion(db, ref('a'), 3))).toBe(404);
    expect((await notes.saveDraft(db, actor, ref('a'), content())).version).toBe(3);
    await notes.discardDraft(db, actor, ref('a'));
    expect(await auditActions('a')).toEqual([
      'create',
      'update',
      'approve',
      'create',
      'supersede',
      'approve',
      'create',
      'delete',
      'create',
      'delete',
    ]);
  });

  it('keeps records of one kind apart by key, and reads content saved before a field existed', async () => {
    const db = database.db;
    const b = await notes.saveDraft(db, actor, ref('b'), content({ title: 'Other note' }));
    expect(b.version).toBe(1);
    expect((await notes.getOverview(db, ref('a'))).approved?.version).toBe(2);
    const { audience: _a, ...old } = content({ title: 'Old shape' });
    await db
      .updateTable('test_note_versions' as 'scope_versions')
      .set({ content: JSON.stringify(old) })
      .where('id', '=', b.id)
      .execute();
    expect((await notes.getVersion(db, ref('b'), 1)).content.audience).toBe('internal');
  });

  it('10 simultaneous first saves make one draft (version 1) and 5 simultaneous approvals one approved version', async () => {
    const handles = [database.db, other.db];
    const key = 'race';
    const saves = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => notes.saveDraft(handles[i % 2], actor, ref(key), content({ body: `save ${i}` }))),
    );
    const failed = saves.filter((s) => s.status === 'rejected');
    expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    let rows = await notes.listVersions(database.db, ref(key));
    expect(rows.map((r) => [r.version, r.status])).toEqual([[1, 'draft']]);
    expect(await auditActions(key)).toEqual(['create', ...Array(9).fill('update')]);

    const approvals = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => notes.approve(handles[i % 2], actor, ref(key))),
    );
    const statuses = approvals.map((a) =>
      a.status === 'fulfilled' ? 200 : a.reason instanceof AppError ? a.reason.status : String(a.reason),
    );
    expect(statuses.sort()).toEqual([200, 409, 409, 409, 409]);
    rows = await notes.listVersions(database.db, ref(key));
    expect(rows.map((r) => [r.version, r.status])).toEqual([[1, 'approved']]);

    // then 10 simultaneous edits after the approval open exactly one version 2
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => notes.saveDraft(handles[i % 2], actor, ref(key), content({ body: `edit ${i}` }))),
    );
    rows = await notes.listVersions(database.db, ref(key));
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    expect((await verifyAuditLog(database.db)).ok).toBe(true);
  });

  it('refuses to approve with an open warning and no reason, naming each check; changes nothing', async () => {
    const db = database.db;
    const draft = await notes.saveDraft(db, actor, ref('checks'), content({ tags: ['todo', 'later', 'todo'] }));
    const before = await auditActions('checks');
    for (const exceptions of [
      undefined,
      [],
      [{ code: 'todo', field: 'tags.0', reason: 'Tracked in the backlog' }],
      [{ code: 'todo', field: 'tags.1', reason: 'wrong field' }],
    ]) {
      const err = await notes.approve(db, actor, ref('checks'), { exceptions }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.status).toBe(400);
      for (const e of err.errors) expect(e.field).toBe('body.exceptions');
      expect(err.errors.map((e: { message: string }) => e.message)).toContain(
        'give a reason to approve with the open check "todo" on tags.2: Tag 3 says todo.',
      );
    }
    expect((await notes.getOverview(db, ref('checks'))).draft).toEqual(draft);
    expect(await auditActions('checks')).toEqual(before);
  });

  it('approves with a reason per open warning and keeps them with the version, its history, audit log and frozen text', async () => {
    const db = database.db;
    const approved = await notes.approve(db, actor, ref('checks'), {
      exceptions: [
        { code: 'todo', field: 'tags.2', reason: '  Second pass next quarter  ' },
        { code: 'todo', field: 'tags.0', reason: 'Tracked in the backlog' },
        { code: 'gone', reason: 'a check no longer open is not kept' },
      ],
    });
    const accepted = [
      { code: 'todo', field: 'tags.0', message: 'Tag 1 says todo.', reason: 'Tracked in the backlog' },
      { code: 'todo', field: 'tags.2', message: 'Tag 3 says todo.', reason: 'Second pass next quarter' },
    ];
    expect(approved.acceptedExceptions).toEqual(accepted);
    expect(approved.rendered).toBe(
      'Incident notes (Acme), Acme AI GmbH; accepted tags.0: Tracked in the backlog; accepted tags.2: Second pass next quarter',
    );
    expect((await notes.listVersions(db, ref('checks')))[0].acceptedExceptions).toEqual(accepted);
    expect((await notes.getVersion(db, ref('checks'), 1)).acceptedExceptions).toEqual(accepted);
    const rows = await db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'test-note')
      .where('entity_id', '=', approved.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'approve']);
    expect(JSON.parse(rows[1].after!).acceptedExceptions).toEqual(accepted);
    // one reason without a field covers every open check of its code; a record with no open warning needs none
    await notes.saveDraft(db, actor, ref('checks'), content({ tags: ['todo', 'todo', 'later'] }));
    const v2 = await notes.approve(db, actor, ref('checks'), { exceptions: [{ code: 'todo', reason: 'Both tracked' }] });
    expect(v2.acceptedExceptions.map((e) => e.field)).toEqual(['tags.0', 'tags.1']);
    await notes.saveDraft(db, actor, ref('checks'), content({ tags: ['later'] }));
    expect((await notes.approve(db, actor, ref('checks'))).acceptedExceptions).toEqual([]);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it('matches exceptions to warnings by code and field (pure)', () => {
    const checks = [
      { code: 'a', severity: 'warning' as const, field: 'x', message: 'A on x' },
      { code: 'a', severity: 'warning' as const, field: 'y', message: 'A on y' },
      { code: 'b', severity: 'info' as const, field: 'x', message: 'B' },
    ];
    expect(acceptExceptions(checks, [{ code: 'a', field: 'y', reason: ' ' }]).errors.length).toBe(2);
    expect(acceptExceptions(checks, [{ code: 'a', field: 'y', reason: 'ok' }]).errors).toEqual([
      { field: 'body.exceptions', message: 'give a reason to approve with the open check "a" on x: A on x' },
    ]);
  });
});
