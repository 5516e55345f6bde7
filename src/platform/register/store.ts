import { expressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit, entityHistory } from '../audit-log/audit-log.js';
import { type Db, type Executor, forUpdate, nowIso } from '../db/db.js';
import { applyKeyset, keysetPage } from '../db/keyset.js';
import { executeShaped, inList, type QueryTemplate, queryTemplate } from '../db/statement-cache.js';
import type { DB } from '../db/tables.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { etagOf, isStale, laterThan, StaleMarker, StaleWrite } from './concurrency.js';
import type { LinkKind, LinkTarget } from '../refs/index.js';
import { fold } from '../text.js';
import type { ListQueryBase, RegisterDefinition, RegisterTable, RowOf } from './definition.js';

// The register kit's use cases. Every statement carries org_id; every write
// is one transaction that locks the row it changes before reading the
// audit "before", so two app processes editing one record never lose an
// acknowledged change or write a history whose "before" is not the previous
// "after".

// biome-ignore lint/suspicious/noExplicitAny: one definition type for every register
export type AnyRegister = RegisterDefinition<any, any, any, any>;
type TableOf<D> = D extends RegisterDefinition<infer T, object, unknown, unknown> ? T : never;
type InputOf<D> = D extends RegisterDefinition<RegisterTable, infer I, unknown, unknown> ? I : never;
type ItemOf<D> = D extends RegisterDefinition<RegisterTable, object, infer I, unknown> ? I : never;

// The kit reads every register through the columns they all share.
interface Shared {
  id: string;
  org_id: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}
const shared = (db: Executor) => db as unknown as Kysely<{ register: Shared }>;

/** The register's rows of one organization: every statement of the kit starts here. */
function select<D extends AnyRegister>(db: Executor, def: D, orgId: string) {
  return shared(db)
    .selectFrom(def.table as 'register')
    .selectAll()
    .where('org_id', '=', orgId);
}

// A record by id is every get's statement: compiled once per register.
const byId = new WeakMap<AnyRegister, QueryTemplate<'orgId' | 'id', unknown>>();

export async function findRow<D extends AnyRegister>(db: Executor, def: D, orgId: string, id: string) {
  let template = byId.get(def);
  if (!template) {
    template = queryTemplate(['orgId', 'id'], (db, p) => select(db, def, p.orgId).where('id', '=', p.id));
    byId.set(def, template);
  }
  const [row] = await template.run(db, { orgId, id });
  return row as (RowOf<TableOf<D>> & Shared) | undefined;
}

/**
 * The row, locked until the transaction ends: FOR UPDATE on PostgreSQL; on
 * SQLite the write transaction (BEGIN IMMEDIATE) already holds the lock.
 */
export async function lockRow<D extends AnyRegister>(tx: Executor, def: D, orgId: string, id: string) {
  const row = (await forUpdate(tx, select(tx, def, orgId).where('id', '=', id)).executeTakeFirst()) as
    | (RowOf<TableOf<D>> & Shared)
    | undefined;
  if (!row) throw notFound(upperFirst(def.noun));
  return row;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A weak validator of a record's state, for ETag and If-Match. */
const rowEtag = (row: { updated_at: string }) => etagOf(row.updated_at);

const auditView = <D extends AnyRegister>(def: D, id: string, input: InputOf<D>, row: RowOf<TableOf<D>> | null) =>
  def.auditView ? def.auditView(id, input, row) : { id, ...input };

async function prepared<D extends AnyRegister>(tx: Executor, def: D, orgId: string, input: InputOf<D>, id: string) {
  if (!def.prepare) return input;
  const ctx = await def.context(tx, orgId);
  const { value, errors } = await def.prepare(tx, orgId, input, ctx, id);
  if (errors.length) throw invalid(errors);
  return value as InputOf<D>;
}

export async function getRecord<D extends AnyRegister>(db: Executor, def: D, orgId: string, id: string) {
  // The row and the context do not depend on each other: one round trip on PostgreSQL, not two.
  const [row, ctx] = await Promise.all([findRow(db, def, orgId, id), def.context(db, orgId)]);
  if (!row) throw notFound(upperFirst(def.noun));
  const [item] = await def.present(db, orgId, [row], ctx);
  return { item: item as ItemOf<D>, etag: rowEtag(row as unknown as Shared) };
}

export async function listRecords<D extends AnyRegister>(
  db: Executor,
  def: D,
  orgId: string,
  q: ListQueryBase & Record<string, unknown>,
) {
  const ctx = await def.context(db, orgId, q);
  const sortKey = q.sort ?? def.list.defaultSort;
  const direction = sortKey.startsWith('-') ? 'desc' : 'asc';
  const sort = def.list.sorts[sortKey.replace(/^-/, '')];
  if (!sort) throw invalid([{ field: 'querystring.sort', message: `must be one of ${Object.keys(def.list.sorts).join(', ')}` }]);
  let base = select(db, def, orgId);
  if (!q.includeArchived) base = base.where('archived_at', 'is', null);
  // From here the definition's own types: its filters name its columns.
  let query = base as unknown as SelectQueryBuilder<DB, TableOf<D>, RowOf<TableOf<D>>>;
  if (def.list.filter) query = def.list.filter(query, q, ctx) as typeof query;
  const expression = sort.expression(expressionBuilder<DB, TableOf<D>>(), ctx);
  const rows = (await executeShaped(
    db,
    applyKeyset(query, def.table as TableOf<D>, { expression, direction }, q.cursor, q.limit),
  )) as RowOf<TableOf<D>>[];
  const page = keysetPage(rows as unknown as Shared[], q.limit, (r) => sort.value(r as never, ctx));
  return { items: (await def.present(db, orgId, page.items as never, ctx)) as ItemOf<D>[], nextCursor: page.nextCursor };
}

/**
 * Inserts a record inside the caller's transaction (imports add many in one)
 * and appends its audit entry. Returns the stored row.
 */
export async function insertRecord<D extends AnyRegister>(tx: Executor, actor: Actor, def: D, orgId: string, input: InputOf<D>) {
  const id = uuidv7();
  const value = await prepared(tx, def, orgId, { ...def.defaults, ...input }, id);
  const now = nowIso();
  const row = { id, org_id: orgId, ...def.toColumns(value), created_at: now, updated_at: now, archived_at: null };
  await shared(tx)
    .insertInto(def.table as 'register')
    .values(row)
    .execute();
  await def.afterWrite?.(tx, orgId, row.id, value, null);
  await appendAudit(tx, actor, {
    orgId,
    entityType: def.entityType,
    entityId: row.id,
    action: 'create',
    after: auditView(def, row.id, value, row as RowOf<TableOf<D>>),
  });
  return row as RowOf<TableOf<D>> & Shared;
}

export async function createRecord<D extends AnyRegister>(db: Db, actor: Actor, def: D, orgId: string, input: InputOf<D>) {
  const row = await db.transaction().execute((tx) => insertRecord(tx, actor, def, orgId, input));
  return getRecord(db, def, orgId, row.id);
}

export interface UpdateOptions {
  /** the ETag the client last saw; a different current one is a 409 with the current record (StaleWrite) */
  ifMatch?: string;
}

/**
 * Merges a patch into the record under a row lock, checks the whole record,
 * writes it and its audit entry. A client that sends If-Match learns of a
 * concurrent change instead of overwriting it.
 */
export async function updateRecord<D extends AnyRegister>(
  db: Db,
  actor: Actor,
  def: D,
  orgId: string,
  id: string,
  patch: Partial<InputOf<D>>,
  opts: UpdateOptions = {},
) {
  try {
    await db.transaction().execute(async (tx) => {
      const row = await lockRow(tx, def, orgId, id);
      if (isStale(opts.ifMatch, row.updated_at)) throw new StaleMarker();
      const blocked = def.editBlocked
        ? def.editBlocked(row)
        : row.archived_at
          ? `This ${def.noun} is archived; restore it before editing.`
          : null;
      if (blocked) throw conflict(blocked);
      const [before] = (await def.toInput(tx, orgId, [row])) as InputOf<D>[];
      const value = await prepared(tx, def, orgId, { ...before, ...patch }, id);
      const now = laterThan(row.updated_at);
      await shared(tx)
        .updateTable(def.table as 'register')
        .set({ ...def.toColumns(value), updated_at: now })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
      await def.afterWrite?.(tx, orgId, id, value, before);
      await appendAudit(tx, actor, {
        orgId,
        entityType: def.entityType,
        entityId: id,
        action: 'update',
        before: auditView(def, id, before, row),
        after: auditView(def, id, value, { ...row, updated_at: now }),
      });
    });
  } catch (e) {
    if (!(e instanceof StaleMarker)) throw e;
    const { item, etag } = await getRecord(db, def, orgId, id);
    throw new StaleWrite(def.noun, item, etag);
  }
  return getRecord(db, def, orgId, id);
}

/** A stale If-Match, for a register's own writes: 409 with the current record. */
export async function changedSince<D extends AnyRegister>(db: Executor, def: D, orgId: string, id: string) {
  const { item, etag } = await getRecord(db, def, orgId, id);
  return new StaleWrite(def.noun, item, etag);
}

/** Archive (kept with its history) or restore. Archiving twice keeps the first date. */
export async function setArchived<D extends AnyRegister>(
  db: Db,
  actor: Actor,
  def: D,
  orgId: string,
  id: string,
  archived: boolean,
) {
  await db.transaction().execute(async (tx) => {
    const row = await lockRow(tx, def, orgId, id);
    if (!archived && row.archived_at) {
      const blocked = def.restoreBlocked?.(row);
      if (blocked) throw conflict(blocked);
    }
    const now = laterThan(row.updated_at);
    const archivedAt = archived ? (row.archived_at ?? now) : null;
    await shared(tx)
      .updateTable(def.table as 'register')
      .set({ archived_at: archivedAt, updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    const [input] = (await def.toInput(tx, orgId, [row])) as InputOf<D>[];
    await appendAudit(tx, actor, {
      orgId,
      entityType: def.entityType,
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: { ...auditView(def, id, input, row), archivedAt: row.archived_at },
      after: { ...auditView(def, id, input, { ...row, archived_at: archivedAt, updated_at: now }), archivedAt },
    });
  });
  return getRecord(db, def, orgId, id);
}

/** The record's change history from the audit log, oldest first (with records merged into it). */
export async function recordHistory<D extends AnyRegister>(db: Executor, def: D, orgId: string, id: string) {
  if (!(await findRow(db, def, orgId, id))) throw notFound(upperFirst(def.noun));
  const ids = [id, ...((await def.historyIds?.(db, orgId, id)) ?? [])];
  return entityHistory(db, orgId, def.entityType, ids);
}

/** What a link kind's lookup reads of a record: the columns its label names, with id and archived_at. */
type LinkRow<D extends AnyRegister, C extends keyof RowOf<TableOf<D>>> = Pick<RowOf<TableOf<D>>, C> &
  Pick<Shared, 'id' | 'archived_at'>;

/**
 * The link kind of a register's records (platform/refs): other modules label
 * and validate links to them, archived ones included, in one query.
 * `columns` are the ones `label` reads, and the only ones the lookup reads
 * besides id and archived_at: a page of 50 AI systems labels ~70 suppliers,
 * and their whole rows took 0.27 ms on SQLite and 0.62 ms on PostgreSQL
 * where these columns take 0.16 and 0.42 (issue 17).
 */
export function registerLinkKindOf<D extends AnyRegister, C extends keyof RowOf<TableOf<D>> & string>(
  def: D,
  opts: {
    kind: string;
    noun: string;
    columns: readonly C[];
    label(row: LinkRow<D, C>): string;
    /** the column holding fold(name): given, other modules may match records by name (matchLinksByName) */
    nameKey?: string;
  },
): LinkKind {
  const nameKey = opts.nameKey;
  const read = [...new Set(['id', 'archived_at', ...opts.columns])] as (keyof Shared)[];
  // Every page that shows links reads their labels here: compiled once.
  const byIds = queryTemplate(
    ['orgId', 'ids'],
    (db, p) =>
      shared(db)
        .selectFrom(def.table as 'register')
        .select(read)
        .where('org_id', '=', p.orgId)
        .where(inList(db, 'id', p.ids)),
    { lists: ['ids'] },
  );
  return {
    kind: opts.kind,
    noun: opts.noun,
    async hasCurrent(db, orgId) {
      return !!(await select(db, def, orgId).where('archived_at', 'is', null).limit(1).executeTakeFirst());
    },
    ...(nameKey
      ? {
          async matchNames(db: Executor, orgId: string, names: string[]) {
            const keys = [...new Set(names.map(fold).filter(Boolean))];
            const found = new Map<string, string>();
            if (keys.length === 0) return found;
            const rows = (await select(db, def, orgId)
              .where('archived_at', 'is', null)
              .where(nameKey as 'id', 'in', keys)
              .orderBy('id')
              .execute()) as unknown as Record<string, string>[];
            const byKey = new Map<string, string>();
            for (const r of rows) if (!byKey.has(r[nameKey])) byKey.set(r[nameKey], r.id);
            for (const n of names) {
              const id = byKey.get(fold(n));
              if (id) found.set(n, id);
            }
            return found;
          },
        }
      : {}),
    async lookup(db, orgId, ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map<string, LinkTarget>();
      const rows = (await byIds.run(db, { orgId, ids: unique })) as unknown as LinkRow<D, C>[];
      return new Map(rows.map((r) => [r.id, { label: opts.label(r), archived: r.archived_at !== null, linkable: true }]));
    },
  };
}
