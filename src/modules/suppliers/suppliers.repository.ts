import type { Executor } from '../../platform/db/db.js';

export function findSupplier(db: Executor, orgId: string, id: string) {
  return db.selectFrom('suppliers').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

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
