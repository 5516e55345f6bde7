import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { DueItem, ReminderJob } from '../../platform/jobs/index.js';
import { rolesOfMember } from '../roles/index.js';
import { coreSet } from './documents.core.js';
import { addDays } from './documents.filters.js';
import { DUE_SOON_DAYS, documentNumber, documentStatus } from './documents.rules.js';
import { audienceColumn } from './documents.tables.js';

// What documents ask of people: members in a policy's audience to
// acknowledge its current version, owners to review their documents when the
// date comes. For the home page's due list, the daily reminder job and the
// summaries other modules show.

export interface DocumentDue {
  kind: 'acknowledge' | 'review';
  id: string;
  number: string;
  title: string;
  /** the version to acknowledge (acknowledge) */
  version: number | null;
  /** the review date (review) */
  dueDate: string | null;
  overdue: boolean;
}

/** Current documents with an approved version, and that version. */
function approvedDocuments(db: Executor) {
  return db
    .selectFrom('documents as d')
    .innerJoin('document_versions as v', (j) => j.onRef('v.document_id', '=', 'd.id').on('v.status', '=', 'approved'))
    .where('d.archived_at', 'is', null)
    .where('d.retired_at', 'is', null);
}

/** What one member has to do about documents: acknowledgements pending, reviews of documents they own due within 30 days. */
export async function documentsDue(db: Executor, orgId: string, userId: string, today = todayUtc()): Promise<DocumentDue[]> {
  const [toAck, toReview, myRoles] = await Promise.all([
    approvedDocuments(db)
      .select(['d.id', 'd.number_seq', 'd.title', 'd.audience', 'v.version'])
      .where('d.org_id', '=', orgId)
      .where('d.requires_acknowledgement', '=', 1)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('document_acknowledgements as a')
              .select('a.id')
              .whereRef('a.document_id', '=', 'd.id')
              .whereRef('a.version', '=', 'v.version')
              .where('a.user_id', '=', userId),
          ),
        ),
      )
      .orderBy('d.number_seq')
      .execute(),
    approvedDocuments(db)
      .select(['d.id', 'd.number_seq', 'd.title', 'd.next_review_date'])
      .where('d.org_id', '=', orgId)
      .where('d.owner_user_id', '=', userId)
      .where('d.next_review_date', '<=', addDays(today, DUE_SOON_DAYS))
      .orderBy('d.next_review_date')
      .execute(),
    rolesOfMember(db, orgId, userId),
  ]);
  const inAudience = (json: string) => {
    const a = audienceColumn.read(json);
    return 'all' in a || a.roleIds.some((id) => myRoles.includes(id));
  };
  return [
    ...toReview.map((r) => ({
      kind: 'review' as const,
      id: r.id,
      number: documentNumber(Number(r.number_seq)),
      title: r.title,
      version: null,
      dueDate: r.next_review_date,
      overdue: (r.next_review_date ?? '') < today,
    })),
    ...toAck
      .filter((r) => inAudience(r.audience))
      .map((r) => ({
        kind: 'acknowledge' as const,
        id: r.id,
        number: documentNumber(Number(r.number_seq)),
        title: r.title,
        version: Number(r.version),
        dueDate: null,
        overdue: false,
      })),
  ];
}

/** Counts for the home page and the gap assessment. */
export async function documentSummary(
  db: Executor,
  orgId: string,
  today = todayUtc(),
  /** the core set when the caller already read it (the readiness rehearsal), so it is not read twice */
  given?: Awaited<ReturnType<typeof coreSet>>,
) {
  const [rows, core] = await Promise.all([
    db
      .selectFrom('documents')
      .select(['retired_at', 'review_requested_at', 'approved_version_id', 'next_review_date'])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .execute(),
    given ?? coreSet(db, orgId),
  ]);
  const s = { total: 0, approved: 0, draft: 0, inReview: 0, retired: 0, reviewOverdue: 0 };
  for (const r of rows) {
    const status = documentStatus({
      retiredAt: r.retired_at,
      reviewRequestedAt: r.review_requested_at,
      approvedVersion: r.approved_version_id ? 1 : null,
    });
    s.total++;
    if (status === 'approved') s.approved++;
    if (status === 'draft') s.draft++;
    if (status === 'in review') s.inReview++;
    if (status === 'retired') s.retired++;
    if (!r.retired_at && r.approved_version_id && r.next_review_date && r.next_review_date < today) s.reviewOverdue++;
  }
  const held = (as: string) => core.filter((c) => c.heldAs === as).length;
  // in force: an approved version, or a live register that stands as it is (not a draft, no vacant role)
  const inForce = core.filter(
    (c) => c.heldAs !== 'missing' && (c.approvedAt || c.status === 'approved' || c.status === 'active'),
  ).length;
  return {
    ...s,
    coreSet: { total: core.length, live: held('live'), document: held('document'), missing: held('missing'), inForce },
  };
}
export type DocumentSummary = Awaited<ReturnType<typeof documentSummary>>;

/** Daily: owners of documents whose review is due within 30 days, and again once it is overdue. */
export const documentReviewJob: ReminderJob = {
  name: 'document-review',
  cron: '0 7 * * *',
  async due(db, now): Promise<DueItem[]> {
    const today = todayUtc(now);
    const rows = await approvedDocuments(db)
      .select(['d.id', 'd.org_id', 'd.number_seq', 'd.title', 'd.next_review_date', 'd.owner_user_id'])
      .where('d.owner_user_id', 'is not', null)
      .where('d.next_review_date', '<=', addDays(today, DUE_SOON_DAYS))
      .orderBy('d.org_id')
      .orderBy('d.next_review_date')
      .execute();
    return rows.map((r) => {
      const date = r.next_review_date as string;
      const overdue = date < today;
      const name = `${documentNumber(Number(r.number_seq))} ${r.title}`;
      return {
        key: `document:${r.id}:review:${date}:${overdue ? 'overdue' : `${DUE_SOON_DAYS}d`}`,
        orgId: r.org_id,
        userIds: [r.owner_user_id as string],
        title: overdue ? `Review of ${name} is overdue since ${date}` : `Review of ${name} is due on ${date}`,
        body: `You own ${name}. Read it again, change what no longer holds, and have the draft approved: approval sets the next review date.`,
        link: `/orgs/${r.org_id}/documents/${r.id}`,
      };
    });
  },
};
