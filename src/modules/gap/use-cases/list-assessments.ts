import type { Executor } from '../../../platform/db/db.js';
import { summary } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';

export interface ListAssessmentsOptions {
  db: Executor;
  orgId: string;
}

/** The organization's assessments, newest first, each with its overall score. */
export async function listAssessments({ db, orgId }: ListAssessmentsOptions) {
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
