import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { type Person, type PersonRef, personColumns, resolvePeople, toPerson } from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import * as repo from './management-reviews.repository.js';
import { actionOverdue, DECISION_KINDS, reviewFlags, reviewNumber } from './management-reviews.rules.js';
import {
  type InputsSnapshot,
  inputsSnapshot,
  type ManagementReview,
  type ReviewAction,
  type ReviewListQuery,
  type ReviewRecord,
} from './management-reviews.schemas.js';

// Management reviews on the register kit: numbered MR-001, attendees and
// chair checked against the organization's members, flagged when no top
// manager attends, and read-only once approved. Inputs, actions and approval
// have their own writes (management-reviews.service.ts).

interface Ctx {
  top: Set<string>;
  today: string;
}

const people = z.array(z.object({ userId: z.string().nullable(), name: z.string(), email: z.string().optional() }));
const decisions = z.array(z.object({ id: z.string(), text: z.string(), kind: z.enum(DECISION_KINDS) }));

export const readInputs = (s: string | null): InputsSnapshot | null => (s ? inputsSnapshot.parse(JSON.parse(s)) : null);

function rowToRecord(r: Row<'management_reviews'>): ReviewRecord {
  return {
    title: r.title,
    meetingDate: r.meeting_date,
    status: r.status,
    chair: toPerson(r.chair_user_id, r.chair_name, r.chair_email),
    attendees: people.parse(JSON.parse(r.attendees)),
    minutes: r.minutes,
    decisions: decisions.parse(JSON.parse(r.decisions)),
    resourceNeeds: r.resource_needs,
    computed: { numberSeq: Number(r.number_seq) },
  };
}

function toColumns(input: ReviewRecord) {
  const c = input.computed;
  if (!c) throw new Error('a management review is stored only after prepare numbered it');
  const chair = personColumns(input.chair);
  return {
    number_seq: c.numberSeq,
    title: input.title,
    title_key: fold(input.title),
    meeting_date: input.meetingDate,
    status: input.status,
    chair_user_id: chair.user_id,
    chair_name: chair.name,
    chair_email: chair.email,
    attendees: JSON.stringify(input.attendees),
    minutes: input.minutes,
    decisions: JSON.stringify(input.decisions),
    resource_needs: input.resourceNeeds,
  };
}

export function toAction(a: Row<'management_review_actions'>, today: string): ReviewAction {
  return {
    id: a.id,
    reviewId: a.review_id,
    text: a.text,
    owner: toPerson(a.owner_user_id, a.owner_name, a.owner_email),
    dueDate: a.due_date,
    status: a.status,
    doneOn: a.done_on,
    overdue: actionOverdue({ status: a.status, dueDate: a.due_date }, today),
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

async function prepareReview(tx: Executor, orgId: string, input: ReviewRecord, _ctx: Ctx, id: string) {
  const errors: FieldError[] = [];
  const stored = await findRow(tx, managementReviewRegister, orgId, id);
  if (input.status === 'prepared' && !stored?.inputs)
    errors.push({ field: 'body.status', message: 'can be "Inputs prepared" only once the inputs are compiled (Prepare inputs)' });
  // Members the stored record already names are kept as stored: one who has
  // left the organization since must not block every later edit.
  const known = new Map<string, Person>();
  if (stored) {
    const s = rowToRecord(stored);
    for (const p of [s.chair, ...s.attendees]) if (p?.userId) known.set(p.userId, p as Person);
  }
  const fresh = (p: PersonRef | Person | null | undefined) => (p?.userId && known.has(p.userId) ? null : p);
  const resolved = await resolvePeople(tx, orgId, [
    { field: 'body.chair', person: fresh(input.chair) },
    ...input.attendees.map((p, i) => ({ field: `body.attendees.${i}`, person: fresh(p) })),
  ]);
  errors.push(...resolved.errors);
  if (errors.length) return { value: input, errors };
  const person = (p: PersonRef | Person | null | undefined, i: number) =>
    p?.userId && known.has(p.userId) ? (known.get(p.userId) as Person) : resolved.people[i];
  const storedIds = new Set(stored ? rowToRecord(stored).decisions.map((d) => d.id) : []);
  const value: ReviewRecord = {
    ...input,
    chair: person(input.chair, 0),
    attendees: input.attendees.map((p, i) => person(p, i + 1) ?? (p as Person)),
    // a decision keeps its id (improvements logged from it point there); a new one gets one
    decisions: input.decisions.map((d) => ({
      id: d.id && storedIds.has(d.id) ? d.id : uuidv7(),
      text: d.text,
      kind: d.kind,
    })),
    computed: { numberSeq: stored ? Number(stored.number_seq) : await repo.nextNumber(tx, orgId) },
  };
  return { value, errors };
}

async function presentReviews(db: Executor, orgId: string, rows: Row<'management_reviews'>[], ctx: Ctx) {
  const actions = await repo.actionsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r): ManagementReview => {
    const rec = rowToRecord(r);
    const approver = toPerson(r.approved_by_user_id, r.approved_by_name);
    return {
      id: r.id,
      number: reviewNumber(Number(r.number_seq)),
      title: rec.title,
      meetingDate: rec.meetingDate,
      status: rec.status,
      chair: rec.chair,
      attendees: rec.attendees.map((a) => ({ ...(a as Person), topManagement: !!a.userId && ctx.top.has(a.userId) })),
      minutes: rec.minutes,
      decisions: rec.decisions as ManagementReview['decisions'],
      resourceNeeds: rec.resourceNeeds,
      inputs: readInputs(r.inputs),
      actions: actions.filter((a) => a.review_id === r.id).map((a) => toAction(a, ctx.today)),
      approval: r.approved_at && approver ? { by: approver, at: r.approved_at } : null,
      flags: reviewFlags(rec.attendees, ctx.top),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const managementReviewRegister: RegisterDefinition<'management_reviews', ReviewRecord, ManagementReview, Ctx> = {
  table: 'management_reviews',
  entityType: 'management_review',
  noun: 'management review',
  defaults: { status: 'planned', chair: null, attendees: [], minutes: '', decisions: [], resourceNeeds: '' },
  async context(db, orgId) {
    return { top: new Set(await repo.topManagementIds(db, orgId)), today: todayUtc() };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns,
  present: presentReviews,
  auditView(id, input) {
    const { computed, ...fields } = input;
    return { id, number: computed ? reviewNumber(computed.numberSeq) : null, ...fields };
  },
  prepare: prepareReview,
  editBlocked(row) {
    if (row.status === 'approved') return 'This management review is approved; it is read-only.';
    if (row.archived_at) return 'This management review is archived; restore it before editing.';
    return null;
  },
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('management_reviews.number_seq'), value: (r) => Number(r.number_seq) },
      title: { expression: (eb) => eb.ref('management_reviews.title_key'), value: (r) => r.title_key },
      meetingDate: { expression: (eb) => eb.ref('management_reviews.meeting_date'), value: (r) => r.meeting_date },
      updatedAt: { expression: (eb) => eb.ref('management_reviews.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-meetingDate',
    filter(query, q) {
      return repo.filterReviews(query, q as Partial<ReviewListQuery>);
    },
  },
};
