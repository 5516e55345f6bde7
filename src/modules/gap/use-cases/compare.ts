import { REQUIREMENTS } from '../../../catalogue/index.js';
import type { Executor } from '../../../platform/db/db.js';
import { loadAssessment } from '../gap.checks.js';
import { answerMap, summary } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';
import { compareAssessments } from '../gap.rules.js';

export interface CompareOptions {
  db: Executor;
  orgId: string;
  fromId: string;
  toId: string;
}

/** What improved and what slipped between two assessments. */
export async function compare({ db, orgId, fromId, toId }: CompareOptions) {
  const [from, to] = await Promise.all([loadAssessment(db, orgId, fromId), loadAssessment(db, orgId, toId)]);
  const answers = await repo.answersOf(db, orgId, [fromId, toId]);
  const before = answers.filter((a) => a.assessment_id === fromId);
  const after = answers.filter((a) => a.assessment_id === toId);
  return {
    from: summary(from, before),
    to: summary(to, after),
    changes: compareAssessments(REQUIREMENTS, answerMap(before), answerMap(after)),
  };
}
