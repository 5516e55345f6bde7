import { REQUIREMENTS, REVIEW_AREAS } from '../../../catalogue/index.js';
import type { Executor } from '../../../platform/db/db.js';
import type { Row } from '../../../platform/db/tables.js';
import { byContent } from '../../../platform/memo.js';
import { loadAssessment } from '../gap.checks.js';
import { findLinkTargets, parseLinks } from '../gap.links.js';
import { answerMap, answerResponse, summary } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';
import { linkView, rollUpByArea, rollUpByGroup } from '../gap.rules.js';

export interface GetAssessmentOptions {
  db: Executor;
  orgId: string;
  assessmentId: string;
}

/**
 * An assessment: every requirement with its answer and linked records, rolled
 * up by clause and review area. The facts beside each requirement are read
 * apart (`GET …/facts`): they summarize every register and do not change with
 * the assessment.
 */
export async function getAssessment({ db, orgId, assessmentId }: GetAssessmentOptions) {
  // Independent reads: one round trip on PostgreSQL, not two (an unknown id has no answers).
  const [a, rows] = await Promise.all([loadAssessment(db, orgId, assessmentId), repo.answersOf(db, orgId, [assessmentId])]);
  const links = new Map(rows.map((r) => [r.requirement_id, parseLinks(r.links)]));
  const target = await findLinkTargets(db, orgId, [...links.values()].flat());
  const linked = new Map([...links].map(([id, refs]) => [id, refs.map((l) => linkView(l, target(l)))]));
  // The answer is the catalogue's requirements (fixed for the process) made
  // up with what was just read: read again unchanged (the wizard's page
  // reloads, every reader between two edits), it is not built or written again.
  return present(JSON.stringify([a, rows, [...linked]]), () => build(a, rows, linked));
}

type Assessment = Row<'gap_assessments'>;
type AnswerRow = Row<'gap_answers'>;

const present = byContent<ReturnType<typeof build>>(64);

function build(a: Assessment, rows: AnswerRow[], linked: Map<string, ReturnType<typeof linkView>[]>) {
  const byId = new Map(rows.map((r) => [r.requirement_id, r]));
  const map = answerMap(rows);
  return {
    ...summary(a, rows, map),
    answers: REQUIREMENTS.map((req) => answerResponse(req, byId.get(req.id), linked.get(req.id) ?? [])),
    byClause: rollUpByGroup(REQUIREMENTS, map),
    byReviewArea: rollUpByArea(REQUIREMENTS, [...REVIEW_AREAS], map),
  };
}
