import { appendAudit } from '../../platform/audit-log/audit-log.js';
import type { Executor } from '../../platform/db/db.js';
import { forbidden } from '../../platform/http/errors.js';
import { laterThan } from '../../platform/register/index.js';
import * as repo from './documents.repository.js';
import { reviewDateAfterApproval } from './documents.rules.js';

// What a change of a document's versions does to its register row, run by
// the versioned kit inside every save, approve and discard (afterWrite), so
// both commit together or not at all. The kit tells us the organization, not
// which document; the rows that need it are the ones out of step: an
// approved version the row has not taken up yet, a review request whose
// draft is gone. Usually none or one.

export async function syncDocuments(tx: Executor, orgId: string): Promise<void> {
  const approvals = await tx
    .selectFrom('document_versions as v')
    .innerJoin('documents as d', 'd.id', 'v.document_id')
    .leftJoin('users as u', 'u.id', 'v.approved_by')
    .select([
      'v.id as version_id',
      'v.version',
      'v.created_by',
      'v.approved_at',
      'v.approved_by',
      'u.email as approver_email',
      'd.id',
      'd.review_interval_months',
      'd.next_review_date',
      'd.next_review_explicit',
      'd.review_requested_at',
      'd.updated_at',
    ])
    .where('v.org_id', '=', orgId)
    .where('v.status', '=', 'approved')
    .where((eb) => eb.or([eb('d.approved_version_id', 'is', null), eb('d.approved_version_id', '!=', eb.ref('v.id'))]))
    .execute();
  if (approvals.length && (await repo.requireSecondApprover(tx, orgId))) {
    for (const a of approvals) {
      const authors = await repo.draftAuthors(tx, orgId, a.version_id, a.created_by);
      // Throwing here rolls the approval back: nothing is approved.
      if (a.approved_by && authors.has(a.approved_by))
        throw forbidden(
          'This organization requires a second approver: someone who did not write or save this draft must approve it.',
        );
    }
  }
  for (const a of approvals) {
    const set = {
      approved_version_id: a.version_id,
      next_review_date: reviewDateAfterApproval(a.approved_at ?? new Date().toISOString(), Number(a.review_interval_months), {
        date: a.next_review_date,
        explicit: Number(a.next_review_explicit) === 1,
      }),
      next_review_explicit: 0,
      review_requested_at: null,
      review_requested_by: null,
      updated_at: laterThan(a.updated_at),
    };
    await tx.updateTable('documents').set(set).where('org_id', '=', orgId).where('id', '=', a.id).execute();
    await appendAudit(
      tx,
      { userId: a.approved_by, label: a.approver_email ?? 'system' },
      {
        orgId,
        entityType: 'document',
        entityId: a.id,
        action: 'approve',
        before: { nextReviewDate: a.next_review_date, reviewRequestedAt: a.review_requested_at },
        after: { approvedVersion: Number(a.version), nextReviewDate: set.next_review_date, reviewRequestedAt: null },
      },
    );
  }
  // A discarded draft takes its review request with it.
  const orphaned = await tx
    .selectFrom('documents as d')
    .select(['d.id', 'd.review_requested_at', 'd.updated_at'])
    .where('d.org_id', '=', orgId)
    .where('d.review_requested_at', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('document_versions as v')
            .select('v.id')
            .whereRef('v.document_id', '=', 'd.id')
            .where('v.status', '=', 'draft'),
        ),
      ),
    )
    .execute();
  for (const o of orphaned) {
    await tx
      .updateTable('documents')
      .set({ review_requested_at: null, review_requested_by: null, updated_at: laterThan(o.updated_at) })
      .where('org_id', '=', orgId)
      .where('id', '=', o.id)
      .execute();
    await appendAudit(
      tx,
      { userId: null, label: 'system' },
      {
        orgId,
        entityType: 'document',
        entityId: o.id,
        action: 'review-withdrawn',
        before: { reviewRequestedAt: o.review_requested_at },
        after: { reviewRequestedAt: null },
      },
    );
  }
}
