import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { orgRowsIn, queryTemplate } from '../../platform/db/statement-cache.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import { parseReviewNumber } from './management-reviews.rules.js';
import type { ReviewListQuery } from './management-reviews.schemas.js';

// The management review statements. Every one carries org_id.

/**
 * The next MR number. On PostgreSQL a per-organization advisory lock (held
 * to the end of the transaction) serialises creators across processes;
 * SQLite's write transaction already does.
 */
export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('management_reviews.number'), hashtext(${orgId}))`.execute(tx);
  const row = await tx
    .selectFrom('management_reviews')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

type ReviewQuery = SelectQueryBuilder<DB, 'management_reviews', Row<'management_reviews'>>;

export function filterReviews(query: ReviewQuery, q: Partial<ReviewListQuery>) {
  let out = query;
  if (q.q) {
    const n = parseReviewNumber(q.q);
    const key = `%${fold(q.q)}%`;
    out = out.where((eb) =>
      n !== null ? eb.or([eb('number_seq', '=', n), eb('title_key', 'like', key)]) : eb('title_key', 'like', key),
    );
  }
  if (q.status) out = out.where('status', '=', q.status);
  return out;
}

// Every review page and list reads these two: compiled once.
const topManagementOf = queryTemplate(['orgId'], (db, p) =>
  db.selectFrom('management_review_settings').select('top_management_user_ids').where('org_id', '=', p.orgId),
);
const actionsOfReviews = orgRowsIn('management_review_actions', 'review_id', { orderBy: ['created_at', 'id'] });

export async function topManagementIds(db: Executor, orgId: string): Promise<string[]> {
  const [row] = await topManagementOf.run(db, { orgId });
  return row ? (JSON.parse(row.top_management_user_ids) as string[]) : [];
}

export function actionsOf(db: Executor, orgId: string, reviewIds: string[]) {
  return actionsOfReviews(db, orgId, reviewIds);
}

/** The latest approved review met on or before this one's date (other than this one), if any. */
export function previousApproved(db: Executor, orgId: string, exceptId: string, onOrBefore: string) {
  return db
    .selectFrom('management_reviews')
    .select(['id', 'number_seq', 'meeting_date', 'approved_at', 'inputs'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('status', '=', 'approved')
    .where('id', '!=', exceptId)
    .where('meeting_date', '<=', onOrBefore)
    .orderBy('meeting_date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Open actions of current reviews, with their review's number: all of them,
 * or (for a review's inputs) those of the other reviews met on or before its date.
 */
export function openActionsElsewhere(db: Executor, orgId: string, before: { reviewId: string; meetingDate: string } | null) {
  let q = db
    .selectFrom('management_review_actions as a')
    .innerJoin('management_reviews as r', (j) => j.onRef('r.id', '=', 'a.review_id').onRef('r.org_id', '=', 'a.org_id'))
    .select([
      'a.id',
      'a.review_id',
      'a.text',
      'a.owner_user_id',
      'a.owner_name',
      'a.due_date',
      'a.status',
      'r.number_seq',
      'r.meeting_date',
    ])
    .where('a.org_id', '=', orgId)
    .where('a.status', '=', 'open')
    .where('r.archived_at', 'is', null);
  if (before) q = q.where('a.review_id', '!=', before.reviewId).where('r.meeting_date', '<=', before.meetingDate);
  return q.orderBy('a.due_date').orderBy('a.id').execute();
}

export async function actionsDoneSince(db: Executor, orgId: string, since: string) {
  const row = await db
    .selectFrom('management_review_actions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'done')
    .where('done_on', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
