import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { todayUtc } from '../../platform/dates.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { type Person, resolvePeople } from '../../platform/refs/index.js';
import {
  changedSince,
  findRow,
  insertRecord,
  isStale,
  laterThan,
  lockRow,
  StaleMarker,
  StaleWrite,
} from '../../platform/register/index.js';
import { getOrgSettings, matchRiskLevel } from '../organizations/index.js';
import { supplierDependents } from './suppliers.dependents.js';
import { supplierAuditView, supplierRegister, toSupplier } from './suppliers.register.js';
import * as repo from './suppliers.repository.js';
import { supplierFlags } from './suppliers.rules.js';
import type { ReviewInput, Supplier, SupplierInput } from './suppliers.schemas.js';
import { reviewAnswers } from './suppliers.tables.js';

/** A supplier with the active AI systems that depend on it. */
export async function withDependents(db: Executor, orgId: string, supplier: Supplier) {
  const dependents = await supplierDependents().list(db, orgId, supplier.id);
  return { ...supplier, aiSystemCount: dependents.length, aiSystems: dependents };
}

/** Review state of the active register, for facts shown elsewhere (gap assessment); flags decide "overdue". */
export async function supplierReviewSummary(db: Executor, orgId: string) {
  const rows = await repo.activeReviewDates(db, orgId);
  const today = todayUtc();
  let neverReviewed = 0;
  let overdue = 0;
  for (const r of rows) {
    const codes = supplierFlags(
      { lastReviewDate: r.last_review_date, nextReviewDate: r.next_review_date, riskRating: 'n/a' },
      today,
    ).map((f) => f.code);
    if (codes.includes('never-reviewed')) neverReviewed++;
    if (codes.includes('review-overdue')) overdue++;
  }
  return { total: rows.length, neverReviewed, overdue };
}

/** Adds a supplier inside the caller's transaction; imports use it for suppliers they meet. */
export function insertSupplier(tx: Executor, actor: Actor, orgId: string, input: SupplierInput): Promise<Row<'suppliers'>> {
  return insertRecord(tx, actor, supplierRegister, orgId, input);
}

function toReview(r: Row<'supplier_reviews'>) {
  return {
    id: r.id,
    supplierId: r.supplier_id,
    reviewDate: r.review_date,
    reviewer: r.reviewer,
    answers: reviewAnswers.read(r.answers),
    riskRating: r.risk_rating,
    nextReviewDate: r.next_review_date,
    notes: r.notes,
    createdAt: r.created_at,
  };
}

export async function listSupplierReviews(db: Executor, orgId: string, supplierId: string) {
  if (!(await findRow(db, supplierRegister, orgId, supplierId))) throw notFound('Supplier');
  return (await repo.listReviews(db, orgId, supplierId)).map(toReview);
}

/**
 * Records a review and carries its outcome onto the supplier (rating, last
 * and next review dates) in the same transaction, with the supplier locked.
 * With ifMatch (the ETag of the supplier the review was made on) a supplier
 * changed since is a 409 carrying the current one (StaleWrite), nothing recorded.
 */
export async function recordSupplierReview(
  db: Db,
  actor: Actor,
  orgId: string,
  supplierId: string,
  input: ReviewInput,
  opts: { ifMatch?: string } = {},
) {
  const today = todayUtc();
  const errors = [];
  if (input.reviewDate > today) errors.push({ field: 'body.reviewDate', message: 'cannot be in the future' });
  if (input.nextReviewDate <= input.reviewDate)
    errors.push({ field: 'body.nextReviewDate', message: 'must be after the review date' });
  const { people, errors: personErrors } = await resolvePeople(db, orgId, [{ field: 'body.reviewer', person: input.reviewer }]);
  errors.push(...personErrors);
  if (errors.length) throw invalid(errors);
  const riskRating = matchRiskLevel(input.riskRating, (await getOrgSettings(db, orgId)).riskScale, 'body.riskRating');
  // Left out, the reviewer is whoever records the review.
  const person: Person = people[0] ?? { userId: actor.userId, name: actor.label };
  try {
    return await db.transaction().execute(async (tx) => {
      const supplier = await lockRow(tx, supplierRegister, orgId, supplierId);
      if (isStale(opts.ifMatch, supplier.updated_at)) throw new StaleMarker();
      const row = {
        id: uuidv7(),
        org_id: orgId,
        supplier_id: supplierId,
        review_date: input.reviewDate,
        reviewer: person.name,
        reviewer_user_id: person.userId,
        reviewer_email: person.email ?? null,
        answers: reviewAnswers.write(input.answers),
        risk_rating: riskRating,
        next_review_date: input.nextReviewDate,
        notes: input.notes,
        created_at: nowIso(),
      };
      await tx.insertInto('supplier_reviews').values(row).execute();
      await appendAudit(tx, actor, {
        orgId,
        entityType: 'supplier_review',
        entityId: row.id,
        action: 'create',
        after: toReview(row),
      });
      // A back-dated review does not move the supplier's dates backwards.
      if (!supplier.last_review_date || input.reviewDate >= supplier.last_review_date) {
        const set = {
          risk_rating: riskRating,
          last_review_date: input.reviewDate,
          next_review_date: input.nextReviewDate,
          // always later than the last write: the supplier's ETag changes
          updated_at: laterThan(supplier.updated_at),
        };
        await tx.updateTable('suppliers').set(set).where('org_id', '=', orgId).where('id', '=', supplierId).execute();
        await appendAudit(tx, actor, {
          orgId,
          entityType: 'supplier',
          entityId: supplierId,
          action: 'review',
          before: supplierAuditView(supplier),
          after: supplierAuditView({ ...supplier, ...set }),
        });
      }
      return toReview(row);
    });
  } catch (e) {
    if (!(e instanceof StaleMarker)) throw e;
    const stale = await changedSince(db, supplierRegister, orgId, supplierId);
    // the current supplier as a read shows it
    throw new StaleWrite('supplier', await withDependents(db, orgId, stale.current as Supplier), stale.etag);
  }
}

export { toSupplier };
