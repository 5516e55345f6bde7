import { z } from 'zod';
import { getRequirement, isRequirementId } from '../../catalogue/index.js';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { nowIso, orgOfIds } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError } from '../../platform/http/errors.js';
import {
  checkLinks,
  type Person,
  type PersonRef,
  personColumns,
  resolveLinks,
  resolvePeople,
  toPerson,
} from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import * as repo from './nonconformities.repository.js';
import {
  CAUSE_CATEGORIES,
  closingErrors,
  deadlines,
  FLAG_MESSAGES,
  type Grade,
  gradeError,
  isRecurrence,
  nonconformityFlags,
  nonconformityNumber,
  SOURCE_LABELS,
} from './nonconformities.rules.js';
import type { CorrectiveAction, Nonconformity, NonconformityListQuery, NonconformityRecord } from './nonconformities.schemas.js';
import { gradeScale } from './nonconformities.settings.js';
import { idList } from './nonconformities.tables.js';

// The nonconformity register on the register kit: numbered NC-001, graded on
// the organization's scale (which sets the plan and evidence due dates),
// checked against the catalogue, the organization's own controls, evidence
// and members, and held to the closing rule of nonconformities.rules.ts. A
// check that finds the actions not effective reopens it.

export interface Ctx {
  grades: Grade[];
  today: string;
}

const OWN_CONTROL_KIND = 'control';
const categoryList = z.array(z.enum(CAUSE_CATEGORIES));

function rowToRecord(r: Row<'nonconformities'>): NonconformityRecord {
  return {
    title: r.title,
    description: r.description,
    source: { kind: r.source_kind, id: r.source_id, ...(r.source_label ? { label: r.source_label } : {}) },
    grade: r.grade,
    requirementId: r.requirement_id,
    objectiveEvidence: r.objective_evidence,
    evidenceIds: idList.read(r.evidence_ids),
    correction: { text: r.correction, date: r.correction_date },
    containment: { text: r.containment, date: r.containment_date },
    rootCause: {
      method: r.root_cause_method,
      whys: idList.read(r.root_cause_whys),
      categories: categoryList.parse(JSON.parse(r.root_cause_categories)),
      summary: r.root_cause_summary,
    },
    owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
    raisedAt: r.raised_at,
    status: r.status,
    planDueDate: r.plan_due_date,
    evidenceDueDate: r.evidence_due_date,
    effectiveness: {
      plannedOn: r.effectiveness_planned_on,
      method: r.effectiveness_method,
      result: r.effectiveness_result,
      checkedOn: r.effectiveness_checked_on,
      checkedBy: toPerson(r.effectiveness_checked_by_user_id, r.effectiveness_checked_by_name, r.effectiveness_checked_by_email),
    },
    computed: {
      numberSeq: Number(r.number_seq),
      closedAt: r.closed_at,
      notEffectiveOn: r.not_effective_on,
      recurrenceOf: r.recurrence_of,
    },
  };
}

function toColumns(input: NonconformityRecord) {
  const c = input.computed;
  if (!c || !input.raisedAt || !input.planDueDate || !input.evidenceDueDate)
    throw new Error('a nonconformity is stored only after prepare numbered and dated it');
  const owner = personColumns(input.owner);
  const by = personColumns(input.effectiveness.checkedBy);
  return {
    number_seq: c.numberSeq,
    title: input.title,
    title_key: fold(input.title),
    description: input.description,
    source_kind: input.source.kind,
    source_id: input.source.id,
    source_label: input.source.label?.trim() || null,
    grade: input.grade,
    requirement_id: input.requirementId,
    objective_evidence: input.objectiveEvidence,
    evidence_ids: idList.write(input.evidenceIds),
    correction: input.correction.text,
    correction_date: input.correction.date,
    containment: input.containment.text,
    containment_date: input.containment.date,
    root_cause_method: input.rootCause.method,
    root_cause_whys: idList.write(input.rootCause.whys),
    root_cause_categories: JSON.stringify(input.rootCause.categories),
    root_cause_summary: input.rootCause.summary,
    owner_user_id: owner.user_id,
    owner_name: owner.name,
    owner_email: owner.email,
    raised_at: input.raisedAt,
    status: input.status,
    plan_due_date: input.planDueDate,
    evidence_due_date: input.evidenceDueDate,
    effectiveness_planned_on: input.effectiveness.plannedOn,
    effectiveness_method: input.effectiveness.method,
    effectiveness_result: input.effectiveness.result,
    effectiveness_checked_on: input.effectiveness.checkedOn,
    effectiveness_checked_by_user_id: by.user_id,
    effectiveness_checked_by_name: by.name,
    effectiveness_checked_by_email: by.email,
    not_effective_on: c.notEffectiveOn,
    recurrence_of: c.recurrenceOf,
    closed_at: c.closedAt,
  };
}

/**
 * Field errors for a requirement id that is neither in the catalogue nor one
 * of the organization's own controls (the Statement of Applicability's
 * 'control' link kind; until that module registers it, only catalogue ids pass).
 */
export async function requirementErrors(db: Executor, orgId: string, id: string | null, field = 'body.requirementId') {
  if (id === null || isRequirementId(id)) return [];
  const bad: FieldError = {
    field,
    message: `"${id}" is neither a requirement of the catalogue (such as 10.2 or A.6.2.6) nor one of this organization's own controls`,
  };
  try {
    const errors = await checkLinks(db, orgId, [{ type: OWN_CONTROL_KIND, id }], field);
    return errors.length ? [bad] : [];
  } catch (e) {
    if (!(e instanceof Error && e.message.includes('no module registered'))) throw e;
    return [bad];
  }
}

async function requirementLabels(db: Executor, orgId: string, ids: string[]) {
  const own = [...new Set(ids.filter((id) => !isRequirementId(id)))];
  let target: (l: { type: string; id: string }) => { label: string } | undefined = () => undefined;
  if (own.length)
    try {
      target = await resolveLinks(
        db,
        orgId,
        own.map((id) => ({ type: OWN_CONTROL_KIND, id })),
      );
    } catch {
      // no module registered the 'control' kind: ids stand for themselves
    }
  return (id: string) => {
    const req = getRequirement(id);
    if (req) return { id, label: `${id} ${req.title}`, kind: 'catalogue' as const };
    return { id, label: target({ type: OWN_CONTROL_KIND, id })?.label ?? id, kind: 'control' as const };
  };
}

async function actionsOf(tx: Executor, orgId: string, id: string) {
  return tx
    .selectFrom('nonconformity_actions')
    .select(['status'])
    .where('org_id', '=', orgId)
    .where('nonconformity_id', '=', id)
    .execute();
}

const isNc = (grades: Grade[], key: string) => grades.find((g) => g.key === key)?.isNonconformity ?? true;

async function prepareNonconformity(tx: Executor, orgId: string, input: NonconformityRecord, ctx: Ctx, id: string) {
  const errors: FieldError[] = [];
  const stored = await findRow(tx, nonconformityRegister, orgId, id);
  const today = todayUtc();
  if (!stored && input.source.id !== null) {
    // one nonconformity per audit item, incident…: the lock serialises creators, a unique index backs it
    await repo.lockNumbers(tx, orgId);
    const existing = await repo.findBySource(tx, orgId, input.source.kind, input.source.id);
    if (existing)
      throw conflict(
        `${nonconformityNumber(Number(existing.number_seq))} was already raised from this ${SOURCE_LABELS[input.source.kind].toLowerCase()}.`,
      );
  }
  const raisedAt = input.raisedAt ?? today;
  if (raisedAt > today) errors.push({ field: 'body.raisedAt', message: 'must not be in the future' });
  // a grade taken off the scale stays on the records that have it, until changed
  if (!stored || stored.grade !== input.grade) {
    const e = gradeError(ctx.grades, input.grade);
    if (e) errors.push(e);
  }
  if (!stored || stored.requirement_id !== input.requirementId)
    errors.push(...(await requirementErrors(tx, orgId, input.requirementId)));
  if (input.evidenceIds.length)
    errors.push(
      ...(
        await checkLinks(
          tx,
          orgId,
          input.evidenceIds.map((eid) => ({ type: 'evidence', id: eid })),
          'body.evidenceIds',
        )
      ).map((e) => ({ ...e, field: e.field.replace(/\.id$/, '') })),
    );
  const check = input.effectiveness;
  if (check.checkedOn && check.checkedOn > today)
    errors.push({ field: 'body.effectiveness.checkedOn', message: 'must not be in the future' });
  if (check.result && !check.checkedOn)
    errors.push({ field: 'body.effectiveness.checkedOn', message: 'a result needs the date it was checked' });

  // Members the stored record already names are kept as stored: one who has
  // left the organization since must not block every later edit.
  const before = stored ? rowToRecord(stored) : null;
  const keep = (p: PersonRef | null, was: Person | null | undefined) => (p?.userId && was?.userId === p.userId ? null : p);
  const people = await resolvePeople(tx, orgId, [
    { field: 'body.owner', person: keep(input.owner, before?.owner) },
    { field: 'body.effectiveness.checkedBy', person: keep(check.checkedBy, before?.effectiveness.checkedBy) },
  ]);
  errors.push(...people.errors);

  // not effective: back to planning actions, flagged
  const failedNow = check.result === 'not-effective' && before?.effectiveness.result !== 'not-effective';
  const status = failedNow ? 'action-planned' : input.status;
  if (status === 'closed') {
    const actions = await actionsOf(tx, orgId, id);
    errors.push(
      ...closingErrors({
        status,
        rootCause: input.rootCause,
        effectiveness: check,
        actions,
        needsAction: isNc(ctx.grades, input.grade),
      }),
    );
  }
  if (errors.length) return { value: input, errors };

  // deadlines: from the grade on create, and again when the grade changes (unless set by hand)
  let planDueDate = input.planDueDate;
  let evidenceDueDate = input.evidenceDueDate;
  const byGrade = deadlines(ctx.grades, input.grade, raisedAt);
  if (byGrade) {
    const regrade = !!before && before.grade !== input.grade;
    if (!planDueDate || (regrade && planDueDate === before?.planDueDate)) planDueDate = byGrade.planDueDate;
    if (!evidenceDueDate || (regrade && evidenceDueDate === before?.evidenceDueDate)) evidenceDueDate = byGrade.evidenceDueDate;
  }

  let recurrenceOf: string | null = null;
  if (input.requirementId)
    recurrenceOf =
      (await repo.closedOnRequirement(tx, orgId, input.requirementId, id)).find((o) => isRecurrence(raisedAt, o.closed_at))?.id ??
      null;

  const at = nowIso();
  const value: NonconformityRecord = {
    ...input,
    raisedAt,
    status,
    planDueDate,
    evidenceDueDate,
    owner: input.owner?.userId && before?.owner?.userId === input.owner.userId ? before.owner : people.people[0],
    effectiveness: {
      ...check,
      checkedBy:
        check.checkedBy?.userId && before?.effectiveness.checkedBy?.userId === check.checkedBy.userId
          ? before.effectiveness.checkedBy
          : people.people[1],
    },
    computed: {
      numberSeq: stored ? Number(stored.number_seq) : await repo.nextNumber(tx, orgId),
      closedAt: status === 'closed' ? (stored?.status === 'closed' ? stored.closed_at : at) : null,
      notEffectiveOn: failedNow ? today : (before?.computed?.notEffectiveOn ?? null),
      recurrenceOf,
    },
  };
  return { value, errors };
}

export function presentAction(r: Row<'nonconformity_actions'>, today: string): CorrectiveAction {
  return {
    id: r.id,
    nonconformityId: r.nonconformity_id,
    title: r.title,
    owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
    dueDate: r.due_date,
    status: r.status,
    doneOn: r.done_on,
    note: r.note,
    overdue: r.status !== 'done' && !!r.due_date && r.due_date < today,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function presentNonconformities(
  db: Executor,
  orgId: string,
  rows: Row<'nonconformities'>[],
  ctx: Ctx,
): Promise<Nonconformity[]> {
  const records = rows.map(rowToRecord);
  const ids = rows.map((r) => r.id);
  const [actionRows, evidence, requirement, earlier] = await Promise.all([
    repo.actionRows(db, orgId, ids),
    resolveLinks(
      db,
      orgId,
      records.flatMap((r) => r.evidenceIds.map((id) => ({ type: 'evidence', id }))),
    ),
    requirementLabels(
      db,
      orgId,
      records.flatMap((r) => (r.requirementId ? [r.requirementId] : [])),
    ),
    (async () => {
      const want = [...new Set(rows.map((r) => r.recurrence_of).filter((x): x is string => !!x))];
      if (!want.length) return new Map<string, { id: string; number: string; title: string }>();
      const found = await db
        .selectFrom('nonconformities')
        .select(['id', 'number_seq', 'title'])
        .where(orgOfIds(db), '=', orgId)
        .where('id', 'in', want)
        .execute();
      return new Map(found.map((f) => [f.id, { id: f.id, number: nonconformityNumber(Number(f.number_seq)), title: f.title }]));
    })(),
  ]);
  const actionsBy = new Map<string, CorrectiveAction[]>();
  for (const a of actionRows) {
    const list = actionsBy.get(a.nonconformity_id) ?? [];
    list.push(presentAction(a, ctx.today));
    actionsBy.set(a.nonconformity_id, list);
  }
  return rows.map((r, i) => {
    const rec = records[i];
    const grade = ctx.grades.find((g) => g.key === rec.grade);
    const actions = actionsBy.get(r.id) ?? [];
    const flags = nonconformityFlags(
      {
        status: rec.status,
        planDueDate: r.plan_due_date,
        evidenceDueDate: r.evidence_due_date,
        actionCount: actions.length,
        recurrenceOf: r.recurrence_of,
        notEffectiveOn: r.not_effective_on,
        effectivenessResult: r.effectiveness_result,
      },
      ctx.today,
    );
    return {
      id: r.id,
      number: nonconformityNumber(Number(r.number_seq)),
      title: rec.title,
      description: rec.description,
      source: rec.source,
      grade: rec.grade,
      gradeLabel: grade?.label ?? rec.grade,
      isNonconformity: grade?.isNonconformity ?? true,
      requirementId: rec.requirementId,
      requirement: rec.requirementId ? requirement(rec.requirementId) : null,
      objectiveEvidence: rec.objectiveEvidence,
      evidenceIds: rec.evidenceIds,
      evidence: rec.evidenceIds.map((id) => {
        const t = evidence({ type: 'evidence', id });
        return { id, name: t?.label ?? '(not found)', archived: t?.archived ?? true };
      }),
      correction: rec.correction,
      containment: rec.containment,
      rootCause: rec.rootCause,
      owner: rec.owner,
      raisedAt: r.raised_at,
      status: rec.status,
      planDueDate: r.plan_due_date,
      evidenceDueDate: r.evidence_due_date,
      effectiveness: rec.effectiveness,
      actions,
      closeBlockers:
        rec.status === 'closed'
          ? []
          : closingErrors({
              status: 'closed',
              rootCause: rec.rootCause,
              effectiveness: rec.effectiveness,
              actions,
              needsAction: grade?.isNonconformity ?? true,
            }),
      recurrenceOf: r.recurrence_of ? (earlier.get(r.recurrence_of) ?? null) : null,
      notEffectiveOn: r.not_effective_on,
      closedAt: r.closed_at,
      flags: flags.map((code) => ({ code, message: FLAG_MESSAGES[code] })),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const nonconformityRegister: RegisterDefinition<'nonconformities', NonconformityRecord, Nonconformity, Ctx> = {
  table: 'nonconformities',
  entityType: 'nonconformity',
  noun: 'nonconformity',
  defaults: {},
  async context(db, orgId) {
    return { grades: await gradeScale(db, orgId), today: todayUtc() };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns,
  present: presentNonconformities,
  auditView(id, input) {
    const { computed, ...fields } = input;
    return {
      id,
      number: computed ? nonconformityNumber(computed.numberSeq) : null,
      ...fields,
      closedAt: computed?.closedAt ?? null,
      notEffectiveOn: computed?.notEffectiveOn ?? null,
      recurrenceOf: computed?.recurrenceOf ?? null,
    };
  },
  prepare: prepareNonconformity,
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('nonconformities.number_seq'), value: (r) => Number(r.number_seq) },
      title: { expression: (eb) => eb.ref('nonconformities.title_key'), value: (r) => r.title_key },
      raisedAt: { expression: (eb) => eb.ref('nonconformities.raised_at'), value: (r) => r.raised_at },
      evidenceDueDate: {
        expression: (eb) => eb.ref('nonconformities.evidence_due_date'),
        value: (r) => r.evidence_due_date,
      },
      updatedAt: { expression: (eb) => eb.ref('nonconformities.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-number',
    filter(query, q, ctx) {
      return repo.filterNonconformities(query, q as Partial<NonconformityListQuery>, ctx.today);
    },
  },
};
