import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { todayUtc } from '../../platform/dates.js';
import { type Db, type Executor, forUpdate, nowIso } from '../../platform/db/db.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { type PersonRef, personColumns, resolvePeople } from '../../platform/refs/index.js';
import { getRecord, isStale, lockRow, laterThan, StaleMarker, changedSince } from '../../platform/register/index.js';
import { addImprovement } from '../improvements/index.js';
import { gatherFacts } from './management-reviews.gather.js';
import { compileInputs } from './management-reviews.inputs.js';
import { managementReviewRegister as reg, readInputs, toAction } from './management-reviews.register.js';
import * as repo from './management-reviews.repository.js';
import { approvalErrors, reviewNumber } from './management-reviews.rules.js';
import type { InputsSnapshot } from './management-reviews.schemas.js';

// The review's own writes beside the register kit's: who is top management,
// preparing the inputs (a frozen snapshot), approval by top management, and
// the actions a review gives. Each is one transaction with its audit entry,
// under a lock on the review row.

// ---- top management -------------------------------------------------------

/** The members set as top management who are still members, named, in the order set. */
export async function topManagementMembers(db: Executor, orgId: string) {
  const ids = await repo.topManagementIds(db, orgId);
  const { people } = await resolvePeople(
    db,
    orgId,
    ids.map((userId, i) => ({ field: String(i), person: { userId, name: '' } })),
  );
  return people.flatMap((p) => (p?.userId ? [{ userId: p.userId, name: p.name }] : []));
}

export async function getSettings(db: Executor, orgId: string) {
  const members = await topManagementMembers(db, orgId);
  return { topManagementUserIds: members.map((m) => m.userId), members };
}

export async function putSettings(db: Db, actor: Actor, orgId: string, input: { topManagementUserIds: string[] }) {
  await db.transaction().execute(async (tx) => {
    const { errors } = await resolvePeople(
      tx,
      orgId,
      input.topManagementUserIds.map((userId, i) => ({ field: `body.topManagementUserIds.${i}`, person: { userId, name: '' } })),
    );
    if (errors.length) throw invalid(errors.map((e) => ({ ...e, field: e.field.replace(/\.userId$/, '') })));
    const before = await repo.topManagementIds(tx, orgId);
    const values = {
      org_id: orgId,
      top_management_user_ids: JSON.stringify(input.topManagementUserIds),
      updated_at: nowIso(),
    };
    await tx
      .insertInto('management_review_settings')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('org_id')
          .doUpdateSet({ top_management_user_ids: values.top_management_user_ids, updated_at: values.updated_at }),
      )
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'management_review_settings',
      entityId: orgId,
      action: 'update',
      before: { topManagementUserIds: before },
      after: { topManagementUserIds: input.topManagementUserIds },
    });
  });
  return getSettings(db, orgId);
}

// ---- inputs ---------------------------------------------------------------

/**
 * Compiles the inputs now and stores them on the review: later changes in
 * the registers do not change them until someone prepares them again.
 * Refused once the review is approved.
 */
export async function prepareInputs(
  db: Db,
  actor: Actor,
  orgId: string,
  id: string,
  body: { resourceNeeds?: string },
  opts: { ifMatch?: string } = {},
) {
  try {
    await db.transaction().execute(async (tx) => {
      const row = await lockRow(tx, reg, orgId, id);
      if (isStale(opts.ifMatch, row.updated_at)) throw new StaleMarker();
      if (row.archived_at) throw conflict('This management review is archived; restore it before preparing its inputs.');
      if (row.status === 'approved') throw conflict('This management review is approved; its inputs are frozen.');
      const resourceNeeds = body.resourceNeeds ?? row.resource_needs;
      const facts = await gatherFacts(tx, orgId, { id, meetingDate: row.meeting_date }, resourceNeeds);
      const snapshot: InputsSnapshot = {
        preparedAt: nowIso(),
        preparedBy: actor.label,
        since: facts.previous?.meetingDate ?? null,
        sections: compileInputs(facts),
      };
      const status = row.status === 'planned' ? 'prepared' : row.status;
      const now = laterThan(row.updated_at);
      await tx
        .updateTable('management_reviews')
        .set({
          inputs: JSON.stringify(snapshot),
          inputs_prepared_at: snapshot.preparedAt,
          inputs_prepared_by: actor.label,
          resource_needs: resourceNeeds,
          status,
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
      const previous = readInputs(row.inputs);
      await appendAudit(tx, actor, {
        orgId,
        entityType: reg.entityType,
        entityId: id,
        action: previous ? 're-prepare-inputs' : 'prepare-inputs',
        before: { status: row.status, resourceNeeds: row.resource_needs, inputs: previous },
        after: { status, resourceNeeds, inputs: snapshot },
      });
    });
  } catch (e) {
    if (e instanceof StaleMarker) throw await changedSince(db, reg, orgId, id);
    throw e;
  }
  return getRecord(db, reg, orgId, id);
}

// ---- approval -------------------------------------------------------------

/**
 * Approves a held review: only a member set as top management may, and only
 * with minutes and prepared inputs. Each decision to improve is logged in the
 * improvement log in the same transaction.
 */
export async function approveReview(db: Db, actor: Actor, orgId: string, id: string, note: string | null = null) {
  await db.transaction().execute(async (tx) => {
    const row = await lockRow(tx, reg, orgId, id);
    if (row.archived_at) throw conflict('This management review is archived; restore it before approving it.');
    if (row.status === 'approved') throw conflict('This management review is already approved.');
    const top = await topManagementMembers(tx, orgId);
    const me = top.find((m) => m.userId === actor.userId);
    if (!me)
      throw forbidden(
        `Only top management can approve a management review: ${
          top.length === 0
            ? 'no one is set as top management yet (an administrator sets them in the management review settings).'
            : `you are not one of them (top management: ${top.map((m) => m.name).join(', ')}).`
        }`,
      );
    const errors = approvalErrors({ status: row.status, minutes: row.minutes, inputsPrepared: !!row.inputs });
    if (errors.length)
      throw invalid(
        errors.map((e) => ({ field: `review.${e.field}`, message: e.message })),
        `The review cannot be approved yet: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`,
      );
    const at = nowIso();
    const now = laterThan(row.updated_at);
    await tx
      .updateTable('management_reviews')
      .set({ status: 'approved', approved_at: at, approved_by_user_id: me.userId, approved_by_name: me.name, updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    const [record] = await reg.toInput(tx, orgId, [row]);
    const number = reviewNumber(Number(row.number_seq));
    const improvements: { decisionId: string; improvementId: string; number: string }[] = [];
    for (const d of record.decisions) {
      if (d.kind !== 'improvement' || !d.id) continue;
      const firstLine = d.text.split('\n')[0].trim();
      const logged = await addImprovement(tx, actor, orgId, {
        source: { kind: 'management-review', id: d.id, label: `${number} ${row.title}` },
        title: firstLine.length > 200 ? `${firstLine.slice(0, 197)}…` : firstLine,
        description: `${d.text}\n\nDecided at management review ${number} (${row.meeting_date}).`,
      });
      improvements.push({ decisionId: d.id, improvementId: logged.id, number: logged.number });
    }
    await appendAudit(tx, actor, {
      orgId,
      entityType: reg.entityType,
      entityId: id,
      action: 'approve',
      before: { status: row.status },
      after: { status: 'approved', approvedAt: at, approvedBy: { userId: me.userId, name: me.name }, note, improvements },
    });
  });
  return getRecord(db, reg, orgId, id);
}

// ---- actions --------------------------------------------------------------

async function lockOpenReview(tx: Executor, orgId: string, reviewId: string) {
  const row = await lockRow(tx, reg, orgId, reviewId);
  if (row.archived_at) throw conflict('This management review is archived; restore it before changing its actions.');
  return row;
}

async function ownerOf(tx: Executor, orgId: string, owner: PersonRef | null) {
  const { people, errors } = await resolvePeople(tx, orgId, [{ field: 'body.owner', person: owner }]);
  if (errors.length) throw invalid(errors);
  return personColumns(people[0]);
}

export async function addAction(
  db: Db,
  actor: Actor,
  orgId: string,
  reviewId: string,
  input: { text: string; owner: PersonRef | null; dueDate: string | null },
) {
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    const review = await lockOpenReview(tx, orgId, reviewId);
    if (review.status === 'approved')
      throw conflict('This management review is approved; its actions can be marked done, but no new action can be added.');
    const owner = await ownerOf(tx, orgId, input.owner);
    const now = nowIso();
    const row = {
      id,
      org_id: orgId,
      review_id: reviewId,
      text: input.text.trim(),
      owner_user_id: owner.user_id,
      owner_name: owner.name,
      owner_email: owner.email,
      due_date: input.dueDate,
      status: 'open' as const,
      done_on: null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('management_review_actions').values(row).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: reg.entityType,
      entityId: reviewId,
      action: 'add-action',
      after: toAction(row, todayUtc()),
    });
  });
  return getAction(db, orgId, reviewId, id);
}

async function getAction(db: Executor, orgId: string, reviewId: string, actionId: string) {
  const row = await db
    .selectFrom('management_review_actions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('review_id', '=', reviewId)
    .where('id', '=', actionId)
    .executeTakeFirst();
  if (!row) throw notFound('Action');
  return toAction(row, todayUtc());
}

export async function updateAction(
  db: Db,
  actor: Actor,
  orgId: string,
  reviewId: string,
  actionId: string,
  patch: { text?: string; owner?: PersonRef | null; dueDate?: string | null; status?: 'open' | 'done'; doneOn?: string | null },
) {
  await db.transaction().execute(async (tx) => {
    const review = await lockOpenReview(tx, orgId, reviewId);
    const row = await forUpdate(
      tx,
      tx
        .selectFrom('management_review_actions')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('review_id', '=', reviewId)
        .where('id', '=', actionId),
    ).executeTakeFirst();
    if (!row) throw notFound('Action');
    if (review.status === 'approved' && (patch.text !== undefined || patch.owner !== undefined || patch.dueDate !== undefined))
      throw conflict('This management review is approved; only the status of its actions can change.');
    const status = patch.status ?? row.status;
    if (status === 'open' && patch.doneOn)
      throw invalid([{ field: 'body.doneOn', message: 'only an action marked done has a done date' }]);
    const today = todayUtc();
    if (patch.doneOn && patch.doneOn > today) throw invalid([{ field: 'body.doneOn', message: 'must not be in the future' }]);
    const owner = patch.owner !== undefined ? await ownerOf(tx, orgId, patch.owner) : null;
    const next = {
      ...row,
      text: patch.text?.trim() ?? row.text,
      ...(owner ? { owner_user_id: owner.user_id, owner_name: owner.name, owner_email: owner.email } : {}),
      due_date: patch.dueDate !== undefined ? patch.dueDate : row.due_date,
      status,
      done_on: status === 'done' ? (patch.doneOn ?? row.done_on ?? today) : null,
      updated_at: laterThan(row.updated_at),
    };
    const { id: _id, org_id: _o, review_id: _r, created_at: _c, ...changes } = next;
    await tx
      .updateTable('management_review_actions')
      .set(changes)
      .where('org_id', '=', orgId)
      .where('id', '=', actionId)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: reg.entityType,
      entityId: reviewId,
      action: 'update-action',
      before: toAction(row, today),
      after: toAction(next, today),
    });
  });
  return getAction(db, orgId, reviewId, actionId);
}

// ---- for other modules ----------------------------------------------------

export interface ManagementReviewSummary {
  /** when the latest review was approved (ISO timestamp); null when none is */
  lastApprovedAt: string | null;
  /** the next meeting date (YYYY-MM-DD) of a review not yet held, from today on */
  nextPlanned: string | null;
  /** actions of current reviews not done */
  openActions: number;
  /** of those, past their due date */
  overdueActions: number;
  topManagementSet: boolean;
}

export async function managementReviewSummary(db: Executor, orgId: string, today: string): Promise<ManagementReviewSummary> {
  const [approved, planned, actions, top] = await Promise.all([
    db
      .selectFrom('management_reviews')
      .select((eb) => eb.fn.max('approved_at').as('at'))
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .where('status', '=', 'approved')
      .executeTakeFirst(),
    db
      .selectFrom('management_reviews')
      .select((eb) => eb.fn.min('meeting_date').as('at'))
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .where('status', 'in', ['planned', 'prepared'])
      .where('meeting_date', '>=', today)
      .executeTakeFirst(),
    repo.openActionsElsewhere(db, orgId, null),
    topManagementMembers(db, orgId),
  ]);
  return {
    lastApprovedAt: (approved?.at as string | null) ?? null,
    nextPlanned: (planned?.at as string | null) ?? null,
    openActions: actions.length,
    overdueActions: actions.filter((a) => a.due_date && a.due_date < today).length,
    topManagementSet: top.length > 0,
  };
}

/** The open actions of current reviews a member owns, soonest due first (no date last). */
export async function reviewActionsDue(db: Executor, orgId: string, userId: string, _today: string) {
  const rows = await db
    .selectFrom('management_review_actions as a')
    .innerJoin('management_reviews as r', (j) => j.onRef('r.id', '=', 'a.review_id').onRef('r.org_id', '=', 'a.org_id'))
    .select(['a.id', 'a.review_id', 'a.text', 'a.due_date', 'r.number_seq'])
    .where('a.org_id', '=', orgId)
    .where('a.owner_user_id', '=', userId)
    .where('a.status', '=', 'open')
    .where('r.archived_at', 'is', null)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      reviewId: r.review_id,
      number: reviewNumber(Number(r.number_seq)),
      text: r.text,
      dueDate: r.due_date,
    }))
    .sort((a, b) => (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99') || a.id.localeCompare(b.id));
}

/** The latest approved review in the facts a Stage 1 auditor asks for: did top management attend, what was decided. */
export async function latestApprovedReview(db: Executor, orgId: string) {
  const [row, top] = await Promise.all([
    db
      .selectFrom('management_reviews')
      .select(['id', 'number_seq', 'title', 'meeting_date', 'approved_at', 'chair_user_id', 'attendees', 'decisions'])
      .select((eb) =>
        eb
          .selectFrom('management_review_actions as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.review_id', '=', 'management_reviews.id')
          .as('actions'),
      )
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .where('status', '=', 'approved')
      .orderBy('approved_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    repo.topManagementIds(db, orgId),
  ]);
  if (!row) return null;
  const topSet = new Set(top);
  const attendees = JSON.parse(row.attendees) as { userId: string | null }[];
  const decisions = JSON.parse(row.decisions) as unknown[];
  return {
    id: row.id,
    number: reviewNumber(Number(row.number_seq)),
    title: row.title,
    meetingDate: row.meeting_date,
    approvedAt: row.approved_at,
    topManagementAttended: [row.chair_user_id, ...attendees.map((a) => a.userId)].some((id) => !!id && topSet.has(id)),
    decisions: decisions.length,
    actions: Number(row.actions ?? 0),
  };
}
