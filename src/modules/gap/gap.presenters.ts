import { REQUIREMENTS, type Requirement } from '../../catalogue/index.js';
import type { Row } from '../../platform/db/tables.js';
import { type Person, toPerson } from '../../platform/refs/index.js';
import { type AnswerRef, isCarriedOver, type linkView, overallScore, progress } from './gap.rules.js';
import { linksColumn, reusedProcessesColumn } from './gap.tables.js';

// How the gap module's rows read in the API and in the audit log: shared by
// the use cases, no I/O.

export type Owner = Person | null;
export const owner = (r: { owner_user_id: string | null; owner_name: string | null; owner_email: string | null }): Owner =>
  toPerson(r.owner_user_id, r.owner_name, r.owner_email);

type AnswerRow = Row<'gap_answers'>;
/** A saved answer as a use case holds it (one just written may not carry carried_over_at). */
type AnswerLike = Omit<AnswerRow, 'carried_over_at'> & { carried_over_at?: string | null };

/** Answers by requirement id, as the scoring rules take them. */
export function answerMap(rows: AnswerLike[]): Map<string, AnswerRef> {
  return new Map(
    rows.map((r) => [
      r.requirement_id,
      {
        requirementId: r.requirement_id,
        status: r.status,
        maturity: r.maturity,
        owner: owner(r),
        prefilled: r.prefilled === 1,
        carriedOver: isCarriedOver(r),
      },
    ]),
  );
}

/** An assessment with its overall score, without its answers. */
export function summary(a: Row<'gap_assessments'>, answers: AnswerRow[], map = answerMap(answers)) {
  return {
    id: a.id,
    title: a.title,
    assessmentDate: a.assessment_date,
    assessor: a.assessor,
    catalogueVersion: a.catalogue_version,
    status: a.status,
    reusedIsmsProcesses: reusedProcessesColumn.read(a.reused_isms_processes),
    startedFrom: a.started_from ?? null,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    overall: overallScore(REQUIREMENTS, map),
    progress: progress(REQUIREMENTS, map),
    answered: answers.length,
    total: REQUIREMENTS.length,
  };
}

/** One requirement's answer as the API shows it; an unanswered one reads "not started". */
export function answerResponse(req: Requirement, r: AnswerLike | undefined, links: ReturnType<typeof linkView>[]) {
  return {
    requirementId: req.id,
    title: req.title,
    kind: req.kind,
    group: req.group,
    answered: !!r,
    status: r?.status ?? 'not-started',
    maturity: r?.maturity ?? null,
    notes: r?.notes ?? '',
    justification: r?.justification ?? '',
    owner: r ? owner(r) : null,
    links,
    updatedAt: r?.updated_at ?? null,
    prefilled: r?.prefilled === 1,
    carriedOver: r ? isCarriedOver(r) : false,
    module: req.module,
  };
}

/** An answer as the audit log records it. */
export function answerAudit(
  r: Pick<
    AnswerRow,
    'status' | 'maturity' | 'notes' | 'justification' | 'owner_user_id' | 'owner_name' | 'owner_email' | 'links'
  >,
) {
  return {
    status: r.status,
    maturity: r.maturity,
    notes: r.notes,
    justification: r.justification,
    owner: owner(r),
    links: linksColumn.read(r.links),
  };
}

export function toAction(r: Row<'gap_actions'>) {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    requirementId: r.requirement_id,
    title: r.title,
    owner: owner(r),
    dueDate: r.due_date,
    effort: r.effort,
    priority: r.priority,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    doneAt: r.done_at,
  };
}
