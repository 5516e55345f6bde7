import type { Executor } from '../../platform/db/db.js';

/**
 * Active suppliers whose next review falls on or before `until`, soonest
 * first, each with the member who did its latest review (the person a due
 * review falls to). One statement.
 */
export async function supplierReviewsDue(db: Executor, orgId: string, until: string) {
  const rows = await db
    .selectFrom('suppliers as s')
    .select((eb) => [
      's.id',
      's.name',
      's.next_review_date',
      eb
        .selectFrom('supplier_reviews as r')
        .select('r.reviewer_user_id')
        .whereRef('r.supplier_id', '=', 's.id')
        .orderBy('r.review_date', 'desc')
        .orderBy('r.created_at', 'desc')
        .limit(1)
        .as('last_reviewer_user_id'),
    ])
    .where('s.org_id', '=', orgId)
    .where('s.archived_at', 'is', null)
    .where('s.next_review_date', '<=', until)
    .orderBy('s.next_review_date')
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nextReviewDate: r.next_review_date as string,
    lastReviewerUserId: r.last_reviewer_user_id ?? null,
  }));
}
