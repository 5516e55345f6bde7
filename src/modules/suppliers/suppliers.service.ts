import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit, entityHistory } from '../../platform/audit-log/audit-log.js';
import { findUserById } from '../../platform/auth/users.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { keysetPage } from '../../platform/db/keyset.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { fold } from '../../platform/text.js';
import { getOrgSettings, matchRiskLevel } from '../organizations/index.js';
import * as repo from './suppliers.repository.js';
import { supplierFlags, todayUtc } from './suppliers.rules.js';
import type { ReviewInput, Supplier, SupplierInput } from './suppliers.schemas.js';

export function toSupplier(r: Row<'suppliers'>, aiSystemCount: number, today = todayUtc()): Supplier {
  const s = {
    id: r.id,
    name: r.name,
    kinds: JSON.parse(r.kinds),
    website: r.website,
    contact: r.contact,
    description: r.description,
    certifications: JSON.parse(r.certifications),
    riskRating: r.risk_rating,
    lastReviewDate: r.last_review_date,
    nextReviewDate: r.next_review_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    aiSystemCount,
  };
  return { ...s, flags: supplierFlags(s, today) };
}

/** What the audit log keeps: the stored fields, without derived flags and counts. */
function auditView(r: Row<'suppliers'>) {
  const { flags: _f, aiSystemCount: _c, ...rest } = toSupplier(r, 0);
  return rest;
}

function toRow(input: SupplierInput) {
  return {
    name: input.name,
    name_key: fold(input.name),
    kinds: JSON.stringify(input.kinds),
    website: input.website,
    contact: input.contact,
    description: input.description,
    certifications: JSON.stringify(input.certifications),
    risk_rating: input.riskRating,
    next_review_date: input.nextReviewDate,
  };
}

async function normalizeRisk(db: Executor, orgId: string, input: Partial<SupplierInput>) {
  if (input.riskRating)
    input.riskRating = matchRiskLevel(input.riskRating, (await getOrgSettings(db, orgId)).riskScale, 'body.riskRating');
}

export async function listSuppliers(
  db: Executor,
  orgId: string,
  q: { limit: number; cursor?: string; q?: string; overdue?: boolean; includeArchived?: boolean },
) {
  const today = todayUtc();
  const rows = await repo.listSuppliers(db, orgId, { ...q, overdueBefore: q.overdue ? today : undefined });
  const page = keysetPage(rows, q.limit, (r) => r.name_key);
  const counts = await repo.countDependents(
    db,
    orgId,
    page.items.map((r) => r.id),
  );
  return { items: page.items.map((r) => toSupplier(r, counts.get(r.id) ?? 0, today)), nextCursor: page.nextCursor };
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

export async function getSupplier(db: Executor, orgId: string, id: string) {
  const row = await repo.findSupplier(db, orgId, id);
  if (!row) throw notFound('Supplier');
  const dependents = await repo.listDependents(db, orgId, id);
  return {
    ...toSupplier(row, dependents.length),
    aiSystems: dependents.map((d) => ({ id: d.id, name: d.name, riskLevel: d.risk_level, dependency: d.dependency })),
  };
}

/** Inserts inside the caller's transaction; imports reuse it for suppliers they meet. */
export async function insertSupplier(tx: Executor, actor: Actor, orgId: string, input: SupplierInput): Promise<Row<'suppliers'>> {
  const now = nowIso();
  const row = {
    id: uuidv7(),
    org_id: orgId,
    ...toRow(input),
    last_review_date: null,
    created_at: now,
    updated_at: now,
    archived_at: null,
  };
  await tx.insertInto('suppliers').values(row).execute();
  await appendAudit(tx, actor, { orgId, entityType: 'supplier', entityId: row.id, action: 'create', after: auditView(row) });
  return row;
}

export async function createSupplier(db: Db, actor: Actor, orgId: string, input: SupplierInput) {
  await normalizeRisk(db, orgId, input);
  const row = await db.transaction().execute((tx) => insertSupplier(tx, actor, orgId, input));
  return toSupplier(row, 0);
}

export async function updateSupplier(db: Db, actor: Actor, orgId: string, id: string, patch: Partial<SupplierInput>) {
  await normalizeRisk(db, orgId, patch);
  await db.transaction().execute(async (tx) => {
    const before = await repo.findSupplier(tx, orgId, id);
    if (!before) throw notFound('Supplier');
    const merged = { ...auditView(before), ...patch } as SupplierInput;
    const set = { ...toRow(merged), updated_at: nowIso() };
    await tx.updateTable('suppliers').set(set).where('id', '=', id).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'supplier',
      entityId: id,
      action: 'update',
      before: auditView(before),
      after: auditView({ ...before, ...set }),
    });
  });
  return getSupplier(db, orgId, id);
}

export async function setSupplierArchived(db: Db, actor: Actor, orgId: string, id: string, archived: boolean) {
  await db.transaction().execute(async (tx) => {
    const before = await repo.findSupplier(tx, orgId, id);
    if (!before) throw notFound('Supplier');
    const now = nowIso();
    const set = { archived_at: archived ? (before.archived_at ?? now) : null, updated_at: now };
    await tx.updateTable('suppliers').set(set).where('id', '=', id).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'supplier',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditView(before),
      after: auditView({ ...before, ...set }),
    });
  });
  return getSupplier(db, orgId, id);
}

function toReview(r: Row<'supplier_reviews'>) {
  return {
    id: r.id,
    supplierId: r.supplier_id,
    reviewDate: r.review_date,
    reviewer: r.reviewer,
    answers: JSON.parse(r.answers),
    riskRating: r.risk_rating,
    nextReviewDate: r.next_review_date,
    notes: r.notes,
    createdAt: r.created_at,
  };
}

export async function listSupplierReviews(db: Executor, orgId: string, supplierId: string) {
  if (!(await repo.findSupplier(db, orgId, supplierId))) throw notFound('Supplier');
  return (await repo.listReviews(db, orgId, supplierId)).map(toReview);
}

/**
 * Records a review and carries its outcome onto the supplier (rating, last
 * and next review dates) in the same transaction.
 */
export async function recordSupplierReview(db: Db, actor: Actor, orgId: string, supplierId: string, input: ReviewInput) {
  const today = todayUtc();
  const errors = [];
  if (input.reviewDate > today) errors.push({ field: 'body.reviewDate', message: 'cannot be in the future' });
  if (input.nextReviewDate <= input.reviewDate)
    errors.push({ field: 'body.nextReviewDate', message: 'must be after the review date' });
  if (errors.length) throw invalid(errors);
  const riskRating = matchRiskLevel(input.riskRating, (await getOrgSettings(db, orgId)).riskScale, 'body.riskRating');
  let reviewer = input.reviewer?.name?.trim() || actor.label;
  if (input.reviewer?.userId) {
    const user = await findUserById(db, input.reviewer.userId);
    if (!user) throw invalid([{ field: 'body.reviewer.userId', message: 'is not a known user' }]);
    reviewer = user.name;
  }
  return db.transaction().execute(async (tx) => {
    const supplier = await repo.findSupplier(tx, orgId, supplierId);
    if (!supplier) throw notFound('Supplier');
    const row = {
      id: uuidv7(),
      org_id: orgId,
      supplier_id: supplierId,
      review_date: input.reviewDate,
      reviewer,
      answers: JSON.stringify(input.answers),
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
        updated_at: nowIso(),
      };
      await tx.updateTable('suppliers').set(set).where('id', '=', supplierId).execute();
      await appendAudit(tx, actor, {
        orgId,
        entityType: 'supplier',
        entityId: supplierId,
        action: 'review',
        before: auditView(supplier),
        after: auditView({ ...supplier, ...set }),
      });
    }
    return toReview(row);
  });
}

export async function supplierHistory(db: Executor, orgId: string, id: string) {
  if (!(await repo.findSupplier(db, orgId, id))) throw notFound('Supplier');
  return entityHistory(db, orgId, 'supplier', [id]);
}
