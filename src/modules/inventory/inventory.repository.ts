import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { recordNames } from '../../platform/db/names.js';
import { applyKeyset, type KeysetSort } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import type { AiSystemListQuery } from './inventory.schemas.js';

type Eb = ExpressionBuilder<DB, 'ai_systems'>;

export function findAiSystem(db: Executor, orgId: string, id: string) {
  return db.selectFrom('ai_systems').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export function findAiSystems(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('ai_systems').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute();
}

/** Names of AI systems by id (archived ones too), for records that link to them. */
export const aiSystemNames = (db: Executor, orgId: string, ids: string[]) => recordNames(db, 'ai_systems', orgId, ids);

export function findByExternalIds(db: Executor, orgId: string, externalIds: string[]) {
  if (externalIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('ai_systems').selectAll().where('org_id', '=', orgId).where('external_id', 'in', externalIds).execute();
}

/** Supplier links with supplier names, for a page of systems in one query. */
export async function supplierLinks(db: Executor, orgId: string, aiSystemIds: string[]) {
  const out = new Map<string, { supplierId: string; name: string; dependency: string }[]>();
  for (let i = 0; i < aiSystemIds.length; i += 500) {
    const rows = await db
      .selectFrom('ai_system_suppliers')
      .innerJoin('suppliers', 'suppliers.id', 'ai_system_suppliers.supplier_id')
      .select([
        'ai_system_suppliers.ai_system_id',
        'ai_system_suppliers.supplier_id',
        'ai_system_suppliers.dependency',
        'suppliers.name',
      ])
      .where('ai_system_suppliers.org_id', '=', orgId)
      .where('ai_system_suppliers.ai_system_id', 'in', aiSystemIds.slice(i, i + 500))
      .orderBy('suppliers.name_key')
      .execute();
    for (const r of rows) {
      const list = out.get(r.ai_system_id) ?? [];
      list.push({ supplierId: r.supplier_id, name: r.name, dependency: r.dependency });
      out.set(r.ai_system_id, list);
    }
  }
  return out;
}

/** SQL for "missing X", the same conditions the flags use (inventory.rules). */
export function missingCondition(eb: Eb, missing: string, reviewCutoff: string) {
  switch (missing) {
    case 'owner':
      return eb.or([
        eb.and([eb('business_owner_user_id', 'is', null), eb('business_owner_name', 'is', null)]),
        eb.and([eb('technical_owner_user_id', 'is', null), eb('technical_owner_name', 'is', null)]),
      ]);
    case 'risk':
      return eb('risk_level', 'is', null);
    case 'monitoring':
      return eb(sql`trim(monitoring_method)`, '=', '');
    case 'supplier':
      return eb.and([
        eb('kind', '=', 'third-party-saas'),
        eb.not(
          eb.exists(
            eb
              .selectFrom('ai_system_suppliers as l')
              .select(sql.lit(1).as('one'))
              .whereRef('l.ai_system_id', '=', 'ai_systems.id'),
          ),
        ),
      ]);
    default:
      return eb.or([eb('last_review_date', 'is', null), eb('last_review_date', '<', reviewCutoff)]);
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listAiSystems(db: Executor, orgId: string, q: AiSystemListQuery, sort: KeysetSort, reviewCutoff: string) {
  let query = db.selectFrom('ai_systems').selectAll().where('org_id', '=', orgId);
  if (q.includeArchived !== 'true') query = query.where('archived_at', 'is', null);
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
  return applyKeyset(query, 'ai_systems', sort, q.cursor, q.limit).execute();
}

export async function countWhere(db: Executor, orgId: string, where?: (eb: Eb) => ReturnType<Eb['and']> | ReturnType<Eb['or']>) {
  let query = db
    .selectFrom('ai_systems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null);
  if (where) query = query.where((eb) => where(eb));
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export function riskCounts(db: Executor, orgId: string) {
  return db
    .selectFrom('ai_systems')
    .select(['risk_level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .groupBy('risk_level')
    .execute();
}

/** Everything duplicate detection needs for every active system, in two queries. */
export async function duplicateCandidates(db: Executor, orgId: string) {
  const [systems, links] = await Promise.all([
    db
      .selectFrom('ai_systems')
      .select(['id', 'name', 'name_key', 'purpose'])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .execute(),
    db
      .selectFrom('ai_system_suppliers')
      .innerJoin('ai_systems', 'ai_systems.id', 'ai_system_suppliers.ai_system_id')
      .select(['ai_system_suppliers.ai_system_id', 'ai_system_suppliers.supplier_id'])
      .where('ai_system_suppliers.org_id', '=', orgId)
      .where('ai_systems.archived_at', 'is', null)
      .execute(),
  ]);
  const bySystem = new Map<string, string[]>();
  for (const l of links) {
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
