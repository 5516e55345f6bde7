import { type Kysely, PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { appendAudit } from '../audit-log/audit-log.js';
import { jsonColumn } from '../db/columns.js';
import type { Db, Executor } from '../db/db.js';
import { nowIso, orgOfIds } from '../db/db.js';
import { queryTemplate } from '../db/statement-cache.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { deepFreeze, Lru } from '../memo.js';
import { etagOf, StaleMarker, StaleWrite } from '../register/concurrency.js';
import { diffContent } from './versioned.diff.js';
import { acceptExceptions, acceptedExceptionsColumn, readExceptions } from './versioned.exceptions.js';
import type {
  RecordRef,
  VersionColumns,
  VersionedDefinition,
  VersionedRecord,
  VersionView,
  WriteOptions,
} from './versioned.types.js';

// A versioned record: a draft anyone permitted may edit; approval by a
// permitted role turns it into an immutable version and supersedes the one
// before; the next edit after an approval opens a new draft numbered next.
// One row per version in the record's own table. The scope is one; the risk
// method, the Statement of Applicability, documents and policies and
// management review minutes are the same life with other content.
//
// Concurrency: every write takes a lock on the record (org, key) first, so
// two app processes on one PostgreSQL serialise on it even when there is no
// row to lock yet (the first draft), then reads the rows it changes FOR
// UPDATE. SQLite write transactions are BEGIN IMMEDIATE, already serial.
// Unique indexes back this up: (org[, key], version), one draft and one
// approved version per record; a loser gets 409, never a second draft.

type StoredRow = VersionColumns & { [column: string]: string | number | null };
type Row = StoredRow & { approved_by_name: string | null };
// The kit reaches every record's table, also ones a test creates, through one
// untyped view of the schema; rows are typed again as they leave the queries.
// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time
type AnyQuery = SelectQueryBuilder<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time
const loose = (db: Executor) => db as unknown as Kysely<any>;

/** Content as stored, for the audit log: the text as it was, not upgraded. */
const storedContent = jsonColumn(z.json());

function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** One millisecond after `previous` when the clock has not moved past it: updatedAt always changes on a write. */
function laterThan(previous: string | undefined): string {
  const now = nowIso();
  if (!previous || now > previous) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}

export function defineVersionedRecord<C, Ctx = undefined, D extends object = Record<never, never>, F extends string = never>(
  def: VersionedDefinition<C, Ctx, D, F>,
): VersionedRecord<C, D> {
  const { table, entityType, label } = def;
  const title = label.charAt(0).toUpperCase() + label.slice(1);
  const frozenColumns: readonly F[] = def.freeze?.columns ?? [];
  // Stored content is brought up to the current shape, then checked against
  // the content schema: a row holding something else fails at the read.
  const contentColumn = jsonColumn(
    z
      .unknown()
      .transform(def.upgrade ?? ((stored) => stored))
      .pipe(def.content),
  );
  const t = (column: string) => `${table}.${column}`;

  function keyOf(ref: RecordRef): string | undefined {
    if (def.key && ref.key === undefined) throw new Error(`${table} records are keyed by ${def.key}: pass ref.key`);
    return def.key ? ref.key : undefined;
  }

  /** Narrows a query on the table to one record's versions. */
  function scoped(q: AnyQuery, ref: RecordRef): AnyQuery {
    const key = keyOf(ref);
    const w = q.where(t('org_id'), '=', ref.orgId);
    return key === undefined ? w : w.where(t(def.key!), '=', key);
  }

  // Other modules read the approved content on their pages (the scope's AI
  // systems on every AI system page): compiled once, per record key or not.
  // An approved version never changes, so its parsed content is kept by row
  // id and the statement reads only which version is approved: parsing a
  // scope of 500 AI systems on every inventory request cost more than the
  // request itself.
  const approvedQuery = (db: Executor, orgId: string) =>
    loose(db).selectFrom(table).select(['id', 'version']).where(t('org_id'), '=', orgId).where(t('status'), '=', 'approved');
  const approvedOfOrg = queryTemplate(['orgId'], (db, p) => approvedQuery(db, p.orgId));
  const approvedOfKey = queryTemplate(['orgId', 'key'], (db, p) =>
    approvedQuery(db, p.orgId).where(t(def.key ?? 'id'), '=', p.key),
  );
  const approvedContentOf = queryTemplate(['orgId', 'id'], (db, p) =>
    loose(db)
      .selectFrom(table)
      .select(['content'])
      .where(t('org_id'), '=', p.orgId)
      .where(t('id'), '=', p.id)
      .where(t('status'), '=', 'approved'),
  );
  const approvedCache = new Lru<C>(APPROVED_CACHE_SIZE);

  /** Reads versions with the approver's name. */
  function select(db: Executor, ref: RecordRef) {
    const q = loose(db)
      .selectFrom(table)
      .leftJoin('users', 'users.id', t('approved_by'))
      .selectAll(table)
      .select('users.name as approved_by_name');
    return scoped(q, ref);
  }

  /** Reads the one row of a status for a write, locked FOR UPDATE on PostgreSQL. */
  async function lockedByStatus(tx: Executor, ref: RecordRef, status: 'draft' | 'approved'): Promise<StoredRow | undefined> {
    let q = scoped(loose(tx).selectFrom(table).selectAll(), ref).where(t('status'), '=', status);
    if (isPostgres(tx)) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /**
   * Serialises writers of one record across app processes before anything is
   * read: also when there is no row to lock yet. Held until the transaction ends.
   */
  async function lockRecord(tx: Executor, ref: RecordRef) {
    if (!isPostgres(tx)) return;
    const id = `${ref.orgId}:${keyOf(ref) ?? ''}`;
    await sql`select pg_advisory_xact_lock(hashtext(${table}), hashtext(${id}))`.execute(tx);
  }

  function parseContent(json: string): C {
    return contentColumn.read(json);
  }

  function present(row: Row, ctx: Ctx): VersionView<C, D> {
    const content = parseContent(row.content);
    const status = row.status;
    const frozen = Object.fromEntries(frozenColumns.map((c) => [c, (row[c] as string | null) ?? null])) as Record<
      F,
      string | null
    >;
    return {
      id: row.id,
      ...(def.key ? { key: row[def.key] as string } : {}),
      version: row.version,
      status,
      content,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      approvedBy: row.approved_by,
      approvedByName: row.approved_by_name,
      approvedAt: row.approved_at,
      approvalNote: row.approval_note,
      acceptedExceptions: readExceptions(row.accepted_exceptions),
      ...def.derive({ content, status, frozen }, ctx),
    };
  }

  /** What the audit log keeps of a version: its content and state, not derived or frozen text. */
  function auditView(row: StoredRow) {
    return {
      ...(def.key ? { key: row[def.key] } : {}),
      version: row.version,
      status: row.status,
      content: storedContent.read(row.content),
      approvedBy: row.approved_by ?? null,
      approvedAt: row.approved_at ?? null,
      approvalNote: row.approval_note ?? null,
      ...(row.accepted_exceptions ? { acceptedExceptions: readExceptions(row.accepted_exceptions) } : {}),
    };
  }

  const loadContext = (db: Executor, orgId: string, rows: { content: string }[]) =>
    def.context
      ? def.context(
          db,
          orgId,
          rows.map((r) => parseContent(r.content)),
        )
      : Promise.resolve(undefined as Ctx);

  function checkExpected(draft: StoredRow | undefined, opts: WriteOptions | undefined) {
    if (opts?.expectedUpdatedAt === undefined) return;
    if ((draft?.updated_at ?? null) !== opts.expectedUpdatedAt) throw new StaleMarker();
  }

  /**
   * Runs a write; a stale expectedUpdatedAt becomes a 409 (StaleWrite) that
   * carries the current draft (or, with none, the approved version) and the
   * draft's ETag, read after the write's transaction ended.
   */
  async function guarded<T>(db: Db, ref: RecordRef, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (!(e instanceof StaleMarker)) throw e;
      const { approved, draft } = await record.getOverview(db, ref);
      throw new StaleWrite(`${label} draft`, draft ?? approved, etagOf(draft?.updatedAt));
    }
  }

  async function readDraft(tx: Executor, ref: RecordRef) {
    return (await select(tx, ref).where(t('status'), '=', 'draft').executeTakeFirstOrThrow()) as Row;
  }

  function whereId(tx: Executor, id: string) {
    return loose(tx).updateTable(table).where('id', '=', id);
  }

  const record: VersionedRecord<C, D> = {
    definition: { table, entityType, label, ...(def.key ? { key: def.key } : {}) },

    async getOverview(db, ref) {
      const rows = (await select(db, ref).where(t('status'), 'in', ['draft', 'approved']).execute()) as Row[];
      const ctx = await loadContext(db, ref.orgId, rows);
      const approved = rows.find((r) => r.status === 'approved');
      const draft = rows.find((r) => r.status === 'draft');
      return { approved: approved ? present(approved, ctx) : null, draft: draft ? present(draft, ctx) : null };
    },

    async saveDraft(db, actor, ref, content, opts) {
      return guarded(db, ref, () => db.transaction().execute((tx) => record.saveDraftIn(tx, actor, ref, content, opts)));
    },

    async saveDraftIn(tx, actor, ref, content, opts) {
      const parsed = def.content.safeParse(content);
      if (!parsed.success) {
        throw invalid(parsed.error.issues.map((i) => ({ field: ['content', ...i.path].join('.'), message: i.message })));
      }
      const json = contentColumn.write(parsed.data);
      const key = keyOf(ref);
      await lockRecord(tx, ref);
      const draft = await lockedByStatus(tx, ref, 'draft');
      checkExpected(draft, opts);
      await def.validate?.(tx, ref.orgId, parsed.data);
      const now = laterThan(draft?.updated_at);
      if (draft) {
        await whereId(tx, draft.id).set({ content: json, updated_at: now }).execute();
        await appendAudit(tx, actor, {
          orgId: ref.orgId,
          entityType,
          entityId: draft.id,
          action: 'update',
          before: auditView(draft),
          after: auditView({ ...draft, content: json }),
        });
      } else {
        const last = await scoped(
          loose(tx).selectFrom(table).select(sql<number | null>`max(version)`.as('v')),
          ref,
        ).executeTakeFirst();
        const row: StoredRow = {
          id: uuidv7(),
          org_id: ref.orgId,
          ...(def.key ? { [def.key]: key! } : {}),
          version: Number((last as { v: number | null } | undefined)?.v ?? 0) + 1,
          status: 'draft',
          content: json,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
          approved_by: null,
          approved_at: null,
          approval_note: null,
          accepted_exceptions: null,
          ...Object.fromEntries(frozenColumns.map((c) => [c, null])),
        };
        await loose(tx).insertInto(table).values(row).execute();
        await appendAudit(tx, actor, {
          orgId: ref.orgId,
          entityType,
          entityId: row.id,
          action: 'create',
          after: auditView(row),
        });
      }
      await def.afterWrite?.(tx, ref.orgId);
      const saved = await readDraft(tx, ref);
      return present(saved, await loadContext(tx, ref.orgId, [saved]));
    },

    async approve(db, actor, ref, opts) {
      return guarded(db, ref, () =>
        db.transaction().execute(async (tx) => {
          await lockRecord(tx, ref);
          const draft = await lockedByStatus(tx, ref, 'draft');
          if (!draft) throw conflict(`There is no draft to approve; edit the ${label} first.`);
          checkExpected(draft, opts);
          const ctx = await loadContext(tx, ref.orgId, [draft]);
          const content = parseContent(draft.content);
          // Before any write: a refusal changes nothing.
          const { accepted, errors } = acceptExceptions(def.checks?.(content, ctx) ?? [], opts?.exceptions);
          if (errors.length) throw invalid(errors);
          const now = laterThan(draft.updated_at);
          const previous = await lockedByStatus(tx, ref, 'approved');
          if (previous) {
            await whereId(tx, previous.id).set({ status: 'superseded', updated_at: now }).execute();
            await appendAudit(tx, actor, {
              orgId: ref.orgId,
              entityType,
              entityId: previous.id,
              action: 'supersede',
              before: auditView(previous),
              after: auditView({ ...previous, status: 'superseded' }),
            });
          }
          const approval = {
            status: 'approved' as const,
            approved_by: actor.userId,
            approved_at: now,
            approval_note: opts?.note?.trim() || null,
            accepted_exceptions: acceptedExceptionsColumn.write(accepted),
            ...(def.freeze ? def.freeze.compute(content, ctx, { exceptions: accepted }) : {}),
            updated_at: now,
          };
          await whereId(tx, draft.id).set(approval).execute();
          await appendAudit(tx, actor, {
            orgId: ref.orgId,
            entityType,
            entityId: draft.id,
            action: 'approve',
            before: auditView(draft),
            after: auditView({ ...draft, ...approval }),
          });
          await def.afterWrite?.(tx, ref.orgId);
          const approved = (await select(tx, ref).where(t('id'), '=', draft.id).executeTakeFirstOrThrow()) as Row;
          return present(approved, ctx);
        }),
      );
    },

    async discardDraft(db, actor, ref, opts) {
      await guarded(db, ref, () =>
        db.transaction().execute(async (tx) => {
          await lockRecord(tx, ref);
          const draft = await lockedByStatus(tx, ref, 'draft');
          if (!draft) throw notFound(`${title} draft`);
          checkExpected(draft, opts);
          await loose(tx).deleteFrom(table).where('id', '=', draft.id).execute();
          await appendAudit(tx, actor, {
            orgId: ref.orgId,
            entityType,
            entityId: draft.id,
            action: 'delete',
            before: auditView(draft),
          });
          await def.afterWrite?.(tx, ref.orgId);
        }),
      );
    },

    async listVersions(db, ref) {
      const rows = (await select(db, ref).orderBy(t('version'), 'desc').execute()) as Row[];
      const ctx = await loadContext(db, ref.orgId, rows);
      return rows.map((r) => present(r, ctx));
    },

    async getVersion(db, ref, version) {
      const row = (await select(db, ref).where(t('version'), '=', version).executeTakeFirst()) as Row | undefined;
      if (!row) throw notFound(`${title} version`);
      return present(row, await loadContext(db, ref.orgId, [row]));
    },

    async compare(db, ref, from, to) {
      const rows = await scoped(loose(db).selectFrom(table).select(['version', 'content']), ref)
        .where(t('version'), 'in', [from, to])
        .execute();
      const byVersion = new Map((rows as { version: number; content: string }[]).map((r) => [r.version, r.content]));
      const a = byVersion.get(from);
      const b = byVersion.get(to);
      if (a === undefined) throw notFound(`${title} version ${from}`);
      if (b === undefined) throw notFound(`${title} version ${to}`);
      const before = parseContent(a);
      const after = parseContent(b);
      const changes =
        typeof def.diff === 'function' ? def.diff(before, after) : diffContent(before as object, after as object, def.diff ?? {});
      return { from, to, changes };
    },

    async approvedContent(db, ref) {
      const key = keyOf(ref);
      const [row] = (await (key === undefined
        ? approvedOfOrg.run(db, { orgId: ref.orgId })
        : approvedOfKey.run(db, { orgId: ref.orgId, key }))) as { id: string; version: number }[];
      if (!row) return null;
      let content = approvedCache.get(row.id);
      if (!content) {
        const [stored] = (await approvedContentOf.run(db, { orgId: ref.orgId, id: row.id })) as { content: string }[];
        if (!stored) return null; // superseded in between
        // Frozen: every caller shares it, so none may change it.
        content = deepFreeze(parseContent(stored.content));
        approvedCache.set(row.id, content);
      }
      return { id: row.id, version: row.version, content };
    },

    async versionsByIds(db, orgId, ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await loose(db)
        .selectFrom(table)
        .select(['id', 'version', 'status'])
        .where(orgOfIds(db), '=', orgId)
        .where('id', 'in', unique)
        .execute();
      return new Map(
        (rows as Pick<VersionColumns, 'id' | 'version' | 'status'>[]).map((r) => [
          r.id,
          { version: r.version, status: r.status },
        ]),
      );
    },
  };
  return record;
}

/** Approved contents kept per versioned record kind (the least recently read out first). */
const APPROVED_CACHE_SIZE = 256;
