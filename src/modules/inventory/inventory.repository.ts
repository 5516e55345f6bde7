import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { inList, orgRowsIn, queryTemplate } from '../../platform/db/statement-cache.js';
import { type Executor, forUpdate, orgOfIds } from '../../platform/db/db.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { resolveLinks } from '../../platform/refs/index.js';
import { fold, foldRemembered } from '../../platform/text.js';
import { inChunks } from '../../platform/turns.js';
import { MASKED_MISSING } from './inventory.rules.js';
import { type AiSystemListQuery, MISSING } from './inventory.schemas.js';

type Eb = ExpressionBuilder<DB, 'ai_systems'>;

export function findAiSystem(db: Executor, orgId: string, id: string) {
  return db.selectFrom('ai_systems').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export function findAiSystems(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('ai_systems').selectAll().where(orgOfIds(db), '=', orgId).where('id', 'in', ids).execute();
}

/**
 * Systems locked until the transaction ends (FOR UPDATE on PostgreSQL; the
 * SQLite write transaction already holds the lock), in id order so two
 * writers locking overlapping sets never deadlock.
 */
export function lockAiSystems(tx: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return forUpdate(
    tx,
    tx.selectFrom('ai_systems').selectAll().where(orgOfIds(tx), '=', orgId).where('id', 'in', ids).orderBy('id'),
  ).execute();
}

export async function externalIdTaken(tx: Executor, orgId: string, externalId: string | null, exceptId: string) {
  if (!externalId) return false;
  const row = await tx
    .selectFrom('ai_systems')
    .select('id')
    .where('org_id', '=', orgId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return !!row && row.id !== exceptId;
}

/** Replaces a system's supplier links (isNew: there are none to delete). */
export async function writeSupplierLinks(
  tx: Executor,
  orgId: string,
  aiSystemId: string,
  suppliers: { supplierId: string; dependency: Row<'ai_system_suppliers'>['dependency'] }[],
  isNew = false,
) {
  if (!isNew)
    await tx.deleteFrom('ai_system_suppliers').where('org_id', '=', orgId).where('ai_system_id', '=', aiSystemId).execute();
  if (suppliers.length) {
    await tx
      .insertInto('ai_system_suppliers')
      .values(
        suppliers.map((s) => ({ org_id: orgId, ai_system_id: aiSystemId, supplier_id: s.supplierId, dependency: s.dependency })),
      )
      .execute();
  }
}

/** Active AI systems per supplier, for a page of suppliers in one query. */
export async function countBySupplier(db: Executor, orgId: string, supplierIds: string[]): Promise<Map<string, number>> {
  if (supplierIds.length === 0) return new Map();
  const rows = await countBySupplierTemplate.run(db, { orgId, ids: supplierIds });
  return new Map(rows.map((r) => [r.supplier_id, Number(r.n)]));
}

// The supplier list and every supplier page count their systems: compiled once.
const countBySupplierTemplate = queryTemplate(
  ['orgId', 'ids'],
  (db, p) =>
    db
      .selectFrom('ai_system_suppliers')
      .innerJoin('ai_systems', 'ai_systems.id', 'ai_system_suppliers.ai_system_id')
      .select(['ai_system_suppliers.supplier_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('ai_system_suppliers.org_id', '=', p.orgId)
      .where(inList(db, 'ai_system_suppliers.supplier_id', p.ids))
      .where('ai_systems.archived_at', 'is', null)
      .groupBy('ai_system_suppliers.supplier_id'),
  { lists: ['ids'] },
);

const bySupplierTemplate = queryTemplate(['orgId', 'supplierId'], (db, p) =>
  db
    .selectFrom('ai_system_suppliers')
    .innerJoin('ai_systems', 'ai_systems.id', 'ai_system_suppliers.ai_system_id')
    .select(['ai_systems.id', 'ai_systems.name', 'ai_systems.risk_level', 'ai_system_suppliers.dependency'])
    .where('ai_system_suppliers.org_id', '=', p.orgId)
    .where('ai_system_suppliers.supplier_id', '=', p.supplierId)
    .where('ai_systems.archived_at', 'is', null)
    .orderBy('ai_systems.name_key'),
);

/** The active AI systems that depend on one supplier. */
export async function listBySupplier(db: Executor, orgId: string, supplierId: string) {
  const rows = await bySupplierTemplate.run(db, { orgId, supplierId });
  return rows.map((d) => ({ id: d.id, name: d.name, riskLevel: d.risk_level, dependency: d.dependency }));
}

/**
 * Systems by external id. Inside a transaction (an import that will write)
 * they stay locked until it ends, so what the import checked is what it
 * replaces, even with another app process editing one of them meanwhile.
 */
export function findByExternalIds(db: Executor, orgId: string, externalIds: string[]) {
  if (externalIds.length === 0) return Promise.resolve([]);
  const q = db
    .selectFrom('ai_systems')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('external_id', 'in', externalIds)
    .orderBy('id');
  return (db.isTransaction ? forUpdate(db, q) : q).execute();
}

// Every AI system page and list page reads them.
const supplierLinksOf = orgRowsIn('ai_system_suppliers', 'ai_system_id');

/**
 * Supplier links with supplier names (through the suppliers' registered link
 * kind, not their table), for a page of systems in two queries.
 */
export async function supplierLinks(db: Executor, orgId: string, aiSystemIds: string[]) {
  const rows = await supplierLinksOf(db, orgId, aiSystemIds);
  const label = await resolveLinks(
    db,
    orgId,
    rows.map((r) => ({ type: 'supplier', id: r.supplier_id })),
  );
  const out = new Map<string, { supplierId: string; name: string; dependency: Row<'ai_system_suppliers'>['dependency'] }[]>();
  for (const r of rows) {
    const list = out.get(r.ai_system_id) ?? [];
    list.push({
      supplierId: r.supplier_id,
      name: label({ type: 'supplier', id: r.supplier_id })?.label ?? '',
      dependency: r.dependency,
    });
    out.set(r.ai_system_id, list);
  }
  for (const list of out.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => {
      const ka = foldRemembered(a.name);
      const kb = foldRemembered(b.name);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }
  return out;
}

/**
 * SQL for "missing X", the same conditions the flags use: the gaps stored on
 * the row (missing_mask, inventory.rules missingMask), and the two read from
 * their columns.
 */
export function missingCondition(eb: Eb, missing: string, reviewCutoff: string) {
  if (missing === 'risk') return eb('risk_level', 'is', null);
  if (missing === 'review') return eb.or([eb('last_review_date', 'is', null), eb('last_review_date', '<', reviewCutoff)]);
  const bit = MASKED_MISSING[missing as keyof typeof MASKED_MISSING];
  return eb(sql`(missing_mask & ${sql.lit(bit)})`, '!=', 0);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The inventory list's filters, on a query the register kit has scoped to the organization. */
export function filterAiSystems(
  base: SelectQueryBuilder<DB, 'ai_systems', Row<'ai_systems'>>,
  q: Partial<AiSystemListQuery>,
  reviewCutoff: string,
) {
  let query = base;
  if (q.q) {
    const key = `%${fold(q.q)}%`;
    const text = `%${escapeLike(q.q.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb('name_key', 'like', key),
        eb(sql`lower(purpose)`, 'like', sql<string>`${text} escape '\\'`),
        eb(sql`lower(external_id)`, 'like', sql<string>`${text} escape '\\'`),
      ]),
    );
  }
  // The service passes the scale's own spelling, which is what is stored.
  if (q.riskLevel) query = query.where('risk_level', '=', q.riskLevel);
  if (q.lifecycleStage) query = query.where('lifecycle_stage', '=', q.lifecycleStage);
  if (q.inScope)
    query =
      q.inScope === 'undecided'
        ? query.where('in_scope', 'is', null)
        : query.where('in_scope', '=', q.inScope === 'true' ? 1 : 0);
  if (q.owner) {
    const owner = q.owner;
    const name = owner.toLowerCase();
    query = query.where((eb) =>
      eb.or([
        eb('business_owner_user_id', '=', owner),
        eb('technical_owner_user_id', '=', owner),
        eb(sql`lower(business_owner_name)`, '=', name),
        eb(sql`lower(technical_owner_name)`, '=', name),
      ]),
    );
  }
  if (q.supplierId) {
    const supplierId = q.supplierId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ai_system_suppliers as l')
          .select(sql.lit(1).as('one'))
          .whereRef('l.ai_system_id', '=', 'ai_systems.id')
          .where('l.supplier_id', '=', supplierId),
      ),
    );
  }
  if (q.tag) query = query.where('tags', 'like', `%${escapeLike(JSON.stringify(q.tag))}%`);
  if (q.missing) {
    const missing = q.missing;
    query = query.where((eb) => missingCondition(eb, missing, reviewCutoff));
  }
  return query;
}

/**
 * The summary's counts per risk level (null: unrated) over the active
 * systems. Grouped by the columns the counts depend on, all held by the
 * index ai_systems_summary_idx: the organization's rows are never read,
 * and the few groups are added up here.
 */
export async function summaryCounts(db: Executor, orgId: string, reviewCutoff: string) {
  const rows = await db
    .selectFrom('ai_systems')
    .select((eb) => [
      'risk_level',
      'in_scope',
      'missing_mask',
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.or([eb('last_review_date', 'is', null), eb('last_review_date', '<', reviewCutoff)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('unreviewed'),
    ])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .groupBy(['risk_level', 'in_scope', 'missing_mask'])
    .execute();
  const out = new Map<
    string | null,
    { riskLevel: string | null; total: number; inScope: number; missing: Record<(typeof MISSING)[number], number> }
  >();
  for (const r of rows) {
    const level = out.get(r.risk_level) ?? {
      riskLevel: r.risk_level,
      total: 0,
      inScope: 0,
      missing: Object.fromEntries(MISSING.map((m) => [m, 0])) as Record<(typeof MISSING)[number], number>,
    };
    const n = Number(r.total);
    level.total += n;
    if (r.in_scope === 1) level.inScope += n;
    if (r.risk_level === null) level.missing.risk += n;
    level.missing.review += Number(r.unreviewed ?? 0);
    for (const [m, bit] of Object.entries(MASKED_MISSING))
      if (r.missing_mask & bit) level.missing[m as keyof typeof MASKED_MISSING] += n;
    out.set(r.risk_level, level);
  }
  return [...out.values()];
}

export type CandidateRow = { id: string; name: string; name_key: string; purpose: string };

/** Candidate rows with their supplier ids, as duplicate detection compares them. */
async function withSupplierIds(db: Executor, orgId: string, systems: CandidateRow[]) {
  const ids = systems.map((s) => s.id);
  const found = await inChunks(ids, 500, (chunk) =>
    db.selectFrom('ai_system_suppliers').selectAll().where('org_id', '=', orgId).where('ai_system_id', 'in', chunk).execute(),
  );
  const bySystem = new Map<string, string[]>();
  for (const l of found) {
    const list = bySystem.get(l.ai_system_id) ?? [];
    list.push(l.supplier_id);
    bySystem.set(l.ai_system_id, list);
  }
  return systems.map((s) => ({
    id: s.id,
    name: s.name,
    nameKey: s.name_key,
    purpose: s.purpose,
    supplierIds: bySystem.get(s.id) ?? [],
  }));
}

/** What duplicate detection compares, for some systems by id (archived ones too). */
export async function duplicateDetails(db: Executor, orgId: string, ids: string[]) {
  // thousands of ids after a large import
  const rows: CandidateRow[] = await inChunks(ids, 500, (chunk) =>
    db
      .selectFrom('ai_systems')
      .select(['id', 'name', 'name_key', 'purpose'])
      .where(orgOfIds(db), '=', orgId)
      .where('id', 'in', chunk)
      .execute(),
  );
  return withSupplierIds(db, orgId, rows);
}

/** Ids of systems merged into this one, transitively: their history is its history. */
export async function mergedAncestors(db: Executor, orgId: string, id: string): Promise<string[]> {
  const out: string[] = [];
  let frontier = [id];
  while (frontier.length) {
    const rows = await db
      .selectFrom('ai_systems')
      .select('id')
      .where('org_id', '=', orgId)
      .where('merged_into_id', 'in', frontier)
      .execute();
    frontier = rows.map((r) => r.id).filter((x) => !out.includes(x));
    out.push(...frontier);
  }
  return out;
}

/**
 * The names of the suppliers the current in-scope AI systems depend on, each
 * once, sorted: read as distinct supplier ids in SQL, then labelled, so a
 * large inventory costs one grouped read, not every system and link.
 */
export async function inScopeSupplierNames(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ai_system_suppliers as l')
    .innerJoin('ai_systems as a', 'a.id', 'l.ai_system_id')
    .select('l.supplier_id')
    .distinct()
    .where('l.org_id', '=', orgId)
    .where('a.org_id', '=', orgId)
    .where('a.in_scope', '=', 1)
    .where('a.archived_at', 'is', null)
    .execute();
  const label = await resolveLinks(
    db,
    orgId,
    rows.map((r) => ({ type: 'supplier', id: r.supplier_id })),
  );
  const names = new Set(rows.map((r) => label({ type: 'supplier', id: r.supplier_id })?.label ?? ''));
  return [...names].sort((a, b) => a.localeCompare(b));
}
