import { uuidv7 } from 'uuidv7';
import { type Actor, appendAuditMany, type AuditEntry } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.js';
import {
  CATALOGUE_VERSION,
  getRequirement,
  ISMS_PROCESSES,
  REQUIREMENTS,
  REVIEW_AREAS,
  type Requirement,
} from '../../catalogue/index.js';
import { listMembers } from '../organizations/index.js';
import { moduleFacts } from './gap.facts.js';
import { findLinkTargets, parseLinks } from './gap.links.js';
import * as repo from './gap.repository.js';
import {
  type AnswerRef,
  compareAssessments,
  linkErrors,
  linkView,
  overallScore,
  planActions,
  rollUpByArea,
  rollUpByGroup,
} from './gap.rules.js';
import type { AnswerInput } from './gap.schemas.js';

type Owner = { userId: string | null; name: string } | null;
const owner = (userId: string | null, name: string | null): Owner => (userId || name ? { userId, name: name ?? '' } : null);

function answerMap(rows: Row<'gap_answers'>[]): Map<string, AnswerRef> {
  return new Map(
    rows.map((r) => [
      r.requirement_id,
      {
        requirementId: r.requirement_id,
        status: r.status as AnswerRef['status'],
        maturity: r.maturity,
        owner: owner(r.owner_user_id, r.owner_name),
      },
    ]),
  );
}

function summary(a: Row<'gap_assessments'>, answers: Row<'gap_answers'>[]) {
  return {
    id: a.id,
    title: a.title,
    assessmentDate: a.assessment_date,
    assessor: a.assessor,
    catalogueVersion: a.catalogue_version,
    status: a.status as 'in-progress' | 'completed',
    reusedIsmsProcesses: JSON.parse(a.reused_isms_processes) as string[],
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    overall: overallScore(REQUIREMENTS, answerMap(answers)),
    answered: answers.length,
    total: REQUIREMENTS.length,
  };
}

async function load(db: Executor, orgId: string, id: string) {
  const a = await repo.findAssessment(db, orgId, id);
  if (!a) throw notFound('Gap assessment');
  return a;
}

export async function listAssessments(db: Executor, orgId: string) {
  const list = await repo.listAssessments(db, orgId);
  const answers = await repo.answersOf(
    db,
    orgId,
    list.map((a) => a.id),
  );
  return list.map((a) =>
    summary(
      a,
      answers.filter((x) => x.assessment_id === a.id),
    ),
  );
}

export async function getAssessment(db: Executor, orgId: string, id: string) {
  const a = await load(db, orgId, id);
  const rows = await repo.answersOf(db, orgId, [id]);
  const byId = new Map(rows.map((r) => [r.requirement_id, r]));
  const map = answerMap(rows);
  const links = new Map(rows.map((r) => [r.requirement_id, parseLinks(r.links)]));
  const [facts, target] = await Promise.all([moduleFacts(db, orgId), findLinkTargets(db, orgId, [...links.values()].flat())]);
  return {
    ...summary(a, rows),
    answers: REQUIREMENTS.map((req) =>
      answerResponse(
        req,
        byId.get(req.id),
        (links.get(req.id) ?? []).map((l) => linkView(l, target(l))),
        facts[req.module] ?? [],
      ),
    ),
    byClause: rollUpByGroup(REQUIREMENTS, map),
    byReviewArea: rollUpByArea(REQUIREMENTS, [...REVIEW_AREAS], map),
  };
}

/** One requirement's answer as the API shows it; an unanswered one reads "not started". */
function answerResponse(
  req: Requirement,
  r: Row<'gap_answers'> | undefined,
  links: ReturnType<typeof linkView>[],
  facts: string[],
) {
  return {
    requirementId: req.id,
    title: req.title,
    kind: req.kind,
    group: req.group,
    answered: !!r,
    status: (r?.status ?? 'not-started') as AnswerRef['status'],
    maturity: r?.maturity ?? null,
    notes: r?.notes ?? '',
    justification: r?.justification ?? '',
    owner: r ? owner(r.owner_user_id, r.owner_name) : null,
    links,
    updatedAt: r?.updated_at ?? null,
    facts,
  };
}

function answerView(
  r: Pick<Row<'gap_answers'>, 'status' | 'maturity' | 'notes' | 'justification' | 'owner_user_id' | 'owner_name' | 'links'>,
) {
  return {
    status: r.status,
    maturity: r.maturity,
    notes: r.notes,
    justification: r.justification,
    owner: owner(r.owner_user_id, r.owner_name),
    links: JSON.parse(r.links),
  };
}

/**
 * Creates an assessment on the current catalogue version. Processes an
 * ISO/IEC 27001 holder reuses pre-fill the clauses they cover as partially
 * implemented, with a note naming the AI-specific part still to do.
 */
export async function createAssessment(
  db: Db,
  actor: Actor,
  orgId: string,
  input: { title: string; assessmentDate: string; assessor?: string; reusedIsmsProcesses: string[] },
) {
  const known = new Map(ISMS_PROCESSES.map((p) => [p.id as string, p]));
  const errors: FieldError[] = [];
  input.reusedIsmsProcesses.forEach((p, i) => {
    if (!known.has(p))
      errors.push({ field: `body.reusedIsmsProcesses.${i}`, message: `is not one of ${[...known.keys()].join(', ')}` });
  });
  if (errors.length) throw invalid(errors);
  const id = await db.transaction().execute(async (tx) => {
    const now = nowIso();
    const row = {
      id: uuidv7(),
      org_id: orgId,
      title: input.title,
      assessment_date: input.assessmentDate,
      assessor: input.assessor?.trim() || actor.label,
      catalogue_version: CATALOGUE_VERSION,
      status: 'in-progress',
      reused_isms_processes: JSON.stringify([...new Set(input.reusedIsmsProcesses)]),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      archived_at: null,
    };
    await tx.insertInto('gap_assessments').values(row).execute();
    const audits: AuditEntry[] = [
      {
        orgId,
        entityType: 'gap_assessment',
        entityId: row.id,
        action: 'create',
        after: { ...row, reused_isms_processes: input.reusedIsmsProcesses },
      },
    ];
    const notes = new Map<string, string[]>();
    for (const pid of new Set(input.reusedIsmsProcesses)) {
      const p = known.get(pid);
      for (const f of p?.prefills ?? [])
        notes.set(f.requirementId, [
          ...(notes.get(f.requirementId) ?? []),
          `Reuses the ISMS ${p?.title.toLowerCase()} process. AI-specific part still to do: ${f.aiSpecificPart}`,
        ]);
    }
    const answers = [...notes.entries()].map(([requirementId, lines]) => ({
      assessment_id: row.id,
      org_id: orgId,
      requirement_id: requirementId,
      status: 'partial',
      maturity: null,
      notes: lines.join('\n'),
      justification: '',
      owner_user_id: null,
      owner_name: null,
      links: '[]',
      updated_by: actor.userId,
      updated_at: now,
    }));
    if (answers.length) await tx.insertInto('gap_answers').values(answers).execute();
    for (const a of answers)
      audits.push({
        orgId,
        entityType: 'gap_answer',
        entityId: `${row.id}:${a.requirement_id}`,
        action: 'prefill',
        after: answerView(a),
      });
    await appendAuditMany(tx, actor, audits);
    return row.id;
  });
  return getAssessment(db, orgId, id);
}

export async function updateAssessment(
  db: Db,
  actor: Actor,
  orgId: string,
  id: string,
  patch: { title?: string; assessmentDate?: string; assessor?: string; status?: string },
) {
  await db.transaction().execute(async (tx) => {
    const before = await load(tx, orgId, id);
    const set = {
      ...(patch.title ? { title: patch.title } : {}),
      ...(patch.assessmentDate ? { assessment_date: patch.assessmentDate } : {}),
      ...(patch.assessor ? { assessor: patch.assessor } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      updated_at: nowIso(),
    };
    await tx.updateTable('gap_assessments').set(set).where('id', '=', id).execute();
    await appendAuditMany(tx, actor, [
      { orgId, entityType: 'gap_assessment', entityId: id, action: 'update', before, after: { ...before, ...set } },
    ]);
  });
  return getAssessment(db, orgId, id);
}

async function checkOwner(db: Executor, orgId: string, o: Owner, field: string): Promise<Owner | FieldError> {
  if (!o?.userId) return o;
  const m = (await listMembers(db, orgId)).find((x) => x.userId === o.userId);
  if (!m) return { field, message: 'is not a member of this organization' };
  return { userId: m.userId, name: m.name };
}

async function resolveOwner(db: Executor, orgId: string, o: Owner, field: string): Promise<Owner> {
  const checked = await checkOwner(db, orgId, o, field);
  if (checked && 'field' in checked) throw invalid([checked]);
  return checked;
}

const NOT_A_REQUIREMENT = {
  field: 'params.requirementId',
  message: `is not a requirement of the ISO/IEC 42001 catalogue ${CATALOGUE_VERSION}`,
};

/**
 * Marks the assessment changed and reads the answer as it was, refusing a
 * missing or completed assessment (the caller's transaction then takes the
 * mark back): two statements whatever the outcome.
 */
async function openAnswer(tx: Executor, orgId: string, id: string, requirementId: string, at: string) {
  const a = await repo.touchAssessment(tx, orgId, id, at);
  if (!a) throw notFound('Gap assessment');
  if (a.status === 'completed') throw conflict('This assessment is completed; reopen it to change answers.');
  return repo.findAnswer(tx, id, requirementId);
}

/**
 * Saves one answer and returns it as the API shows it, built from what the
 * save already holds (the checked owner, the links' records looked up to
 * validate them), not by reading the assessment back. Facts belong to the
 * organization, not to the answer, and a save does not change them: they
 * come with the assessment (GET), and the saved answer carries none.
 */
export async function answerRequirement(
  db: Db,
  actor: Actor,
  orgId: string,
  id: string,
  requirementId: string,
  input: AnswerInput,
) {
  const req = getRequirement(requirementId);
  if (!req) throw invalid([NOT_A_REQUIREMENT]);
  // Each link must name a record of this organization, once.
  const [o, target] = await Promise.all([
    checkOwner(db, orgId, input.owner, 'body.owner.userId'),
    input.links.length ? findLinkTargets(db, orgId, input.links) : undefined,
  ]);
  const errors: FieldError[] = target
    ? linkErrors(input.links, target).map((e) => ({ field: `body.links.${e.index}.id`, message: e.message }))
    : [];
  if (o && 'field' in o) errors.unshift(o);
  if (errors.length) throw invalid(errors);
  const owner = o as Owner;
  const links = input.links.map((l) => ({ type: l.type, id: l.id }));
  const now = nowIso();
  const set = {
    status: input.status,
    maturity: input.maturity,
    notes: input.notes,
    justification: input.justification,
    owner_user_id: owner?.userId ?? null,
    owner_name: owner?.name || null,
    links: JSON.stringify(links),
    updated_by: actor.userId,
    updated_at: now,
  };
  const row = { assessment_id: id, org_id: orgId, requirement_id: requirementId, ...set };
  await db.transaction().execute(async (tx) => {
    const before = await openAnswer(tx, orgId, id, requirementId, now);
    if (before)
      await tx
        .updateTable('gap_answers')
        .set(set)
        .where('assessment_id', '=', id)
        .where('requirement_id', '=', requirementId)
        .execute();
    else await tx.insertInto('gap_answers').values(row).execute();
    await appendAuditMany(tx, actor, [
      {
        orgId,
        entityType: 'gap_answer',
        entityId: `${id}:${requirementId}`,
        action: before ? 'update' : 'create',
        before: before ? answerView(before) : undefined,
        after: answerView(row),
      },
    ]);
  });
  return answerResponse(
    req,
    row,
    links.map((l) => linkView(l, target?.(l))),
    [],
  );
}

/** Takes an answer back to "not answered yet" (a wrong first answer should not have to stay as "not started"). */
export async function clearAnswer(db: Db, actor: Actor, orgId: string, id: string, requirementId: string) {
  await db.transaction().execute(async (tx) => {
    const before = await openAnswer(tx, orgId, id, requirementId, nowIso());
    if (!before) throw notFound('Answer');
    await tx.deleteFrom('gap_answers').where('assessment_id', '=', id).where('requirement_id', '=', requirementId).execute();
    await appendAuditMany(tx, actor, [
      { orgId, entityType: 'gap_answer', entityId: `${id}:${requirementId}`, action: 'delete', before: answerView(before) },
    ]);
  });
  // there was an answer, so the requirement is in the catalogue
  return answerResponse(getRequirement(requirementId)!, undefined, [], []);
}

function toAction(r: Row<'gap_actions'>) {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    requirementId: r.requirement_id,
    title: r.title,
    owner: owner(r.owner_user_id, r.owner_name),
    dueDate: r.due_date,
    effort: r.effort as 'S' | 'M' | 'L',
    priority: r.priority,
    status: r.status as 'open' | 'in-progress' | 'done',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    doneAt: r.done_at,
  };
}

export async function listActions(db: Executor, orgId: string, id: string) {
  await load(db, orgId, id);
  return (await repo.actionsOf(db, orgId, id)).map(toAction);
}

/** Adds an action for every gap that has none yet; running it again adds only new gaps. */
export async function generateActionPlan(db: Db, actor: Actor, orgId: string, id: string) {
  await db.transaction().execute(async (tx) => {
    const a = await load(tx, orgId, id);
    const planned = planActions(REQUIREMENTS, answerMap(await repo.answersOf(tx, orgId, [id])), a.assessment_date);
    const existing = new Set((await repo.actionsOf(tx, orgId, id)).map((x) => x.requirement_id));
    const now = nowIso();
    const rows = planned
      .filter((p) => !existing.has(p.requirementId))
      .map((p) => ({
        id: uuidv7(),
        org_id: orgId,
        assessment_id: id,
        requirement_id: p.requirementId,
        title: p.title,
        owner_user_id: p.owner?.userId ?? null,
        owner_name: p.owner?.name || null,
        due_date: p.dueDate,
        effort: p.effort,
        priority: p.priority,
        status: 'open',
        created_at: now,
        updated_at: now,
        done_at: null,
      }));
    if (rows.length) await tx.insertInto('gap_actions').values(rows).execute();
    await appendAuditMany(
      tx,
      actor,
      rows.map((r) => ({ orgId, entityType: 'gap_action', entityId: r.id, action: 'create', after: toAction(r) })),
    );
  });
  return listActions(db, orgId, id);
}

export async function updateAction(
  db: Db,
  actor: Actor,
  orgId: string,
  actionId: string,
  patch: { status?: string; owner?: Owner; dueDate?: string; title?: string },
) {
  const o = patch.owner === undefined ? undefined : await resolveOwner(db, orgId, patch.owner, 'body.owner.userId');
  return db.transaction().execute(async (tx) => {
    const before = await repo.findAction(tx, orgId, actionId);
    if (!before) throw notFound('Action');
    const now = nowIso();
    const set = {
      ...(patch.title ? { title: patch.title } : {}),
      ...(patch.dueDate ? { due_date: patch.dueDate } : {}),
      ...(o !== undefined ? { owner_user_id: o?.userId ?? null, owner_name: o?.name || null } : {}),
      ...(patch.status ? { status: patch.status, done_at: patch.status === 'done' ? (before.done_at ?? now) : null } : {}),
      updated_at: now,
    };
    await tx.updateTable('gap_actions').set(set).where('id', '=', actionId).execute();
    const after = { ...before, ...set };
    await appendAuditMany(tx, actor, [
      { orgId, entityType: 'gap_action', entityId: actionId, action: 'update', before: toAction(before), after: toAction(after) },
    ]);
    return toAction(after);
  });
}

export async function compare(db: Executor, orgId: string, fromId: string, toId: string) {
  const [from, to] = await Promise.all([load(db, orgId, fromId), load(db, orgId, toId)]);
  const answers = await repo.answersOf(db, orgId, [fromId, toId]);
  const before = answerMap(answers.filter((a) => a.assessment_id === fromId));
  const after = answerMap(answers.filter((a) => a.assessment_id === toId));
  return {
    from: summary(
      from,
      answers.filter((a) => a.assessment_id === fromId),
    ),
    to: summary(
      to,
      answers.filter((a) => a.assessment_id === toId),
    ),
    changes: compareAssessments(REQUIREMENTS, before, after),
  };
}
