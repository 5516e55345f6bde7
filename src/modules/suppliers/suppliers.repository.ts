import type { Executor } from '../../platform/db/db.js';
import { recordNames } from '../../platform/db/names.js';
import { applyKeyset } from '../../platform/db/keyset.js';
import { fold } from '../../platform/text.js';

export function findSupplier(db: Executor, orgId: string, id: string) {
  return db.selectFrom('suppliers').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Names of suppliers by id (archived ones too), for records that link to them. */
export const supplierNames = (db: Executor, orgId: string, ids: string[]) => recordNames(db, 'suppliers', orgId, ids);

export function activeReviewDates(db: Executor, orgId: string) {
  return db
    .selectFrom('suppliers')
    .select(['last_review_date', 'next_review_date'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .execute();
}

export function findSuppliersByNameKey(db: Executor, orgId: string, nameKeys: string[]) {
  if (nameKeys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('suppliers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('name_key', 'in', nameKeys)
    .where('archived_at', 'is', null)
    .execute();
}

export function listSuppliers(
  db: Executor,
  orgId: string,
  q: { limit: number; cursor?: string; q?: string; overdueBefore?: string; includeArchived?: boolean },
) {
  let query = db.selectFrom('suppliers').selectAll().where('org_id', '=', orgId);
  if (!q.includeArchived) query = query.where('archived_at', 'is', null);
  if (q.q) query = query.where('name_key', 'like', `%${fold(q.q)}%`);
  if (q.overdueBefore) query = query.where('next_review_date', '<', q.overdueBefore);
  return applyKeyset(query, 'suppliers', { expression: 'name_key', direction: 'asc' }, q.cursor, q.limit).execute();
}

/** Active AI systems per supplier, for a page of suppliers in one query. */
export async function countDependents(db: Executor, orgId: string, supplierIds: string[]): Promise<Map<string, number>> {
  if (supplierIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ai_system_suppliers')
    .innerJoin('ai_systems', 'ai_systems.id', 'ai_system_suppliers.ai_system_id')
    .select(['ai_system_suppliers.supplier_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ai_system_suppliers.org_id', '=', orgId)
    .where('ai_system_suppliers.supplier_id', 'in', supplierIds)
    .where('ai_systems.archived_at', 'is', null)
    .groupBy('ai_system_suppliers.supplier_id')
    .execute();
  return new Map(rows.map((r) => [r.supplier_id, Number(r.n)]));
}

export function listDependents(db: Executor, orgId: string, supplierId: string) {
  return db
    .selectFrom('ai_system_suppliers')
    .innerJoin('ai_systems', 'ai_systems.id', 'ai_system_suppliers.ai_system_id')
    .select(['ai_systems.id', 'ai_systems.name', 'ai_systems.risk_level', 'ai_system_suppliers.dependency'])
    .where('ai_system_suppliers.org_id', '=', orgId)
    .where('ai_system_suppliers.supplier_id', '=', supplierId)
    .where('ai_systems.archived_at', 'is', null)
    .orderBy('ai_systems.name_key')
    .execute();
}

export function listReviews(db: Executor, orgId: string, supplierId: string) {
  return db
    .selectFrom('supplier_reviews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('supplier_id', '=', supplierId)
    .orderBy('review_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
