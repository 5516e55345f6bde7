import { REQUIREMENTS, REVIEW_AREAS } from '../../../catalogue/index.js';
import type { Executor } from '../../../platform/db/db.js';
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
  const byId = new Map(rows.map((r) => [r.requirement_id, r]));
  const map = answerMap(rows);
  const links = new Map(rows.map((r) => [r.requirement_id, parseLinks(r.links)]));
  const target = await findLinkTargets(db, orgId, [...links.values()].flat());
  return {
    ...summary(a, rows, map),
    answers: REQUIREMENTS.map((req) =>
      answerResponse(
        req,
        byId.get(req.id),
        (links.get(req.id) ?? []).map((l) => linkView(l, target(l))),
      ),
    ),
    byClause: rollUpByGroup(REQUIREMENTS, map),
    byReviewArea: rollUpByArea(REQUIREMENTS, [...REVIEW_AREAS], map),
  };
}
