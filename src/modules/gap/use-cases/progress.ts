import type { Executor } from '../../../platform/db/db.js';
import { owner, summary, toAction } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';

export interface GapProgressOptions {
  db: Executor;
  orgId: string;
}

/**
 * Where the latest gap assessment stands, for the organization's home page:
 * its summary, who owns which answer, and its action plan. Three statements,
 * without the facts and link labels getAssessment gathers for the wizard.
 */
export async function gapProgress({ db, orgId }: GapProgressOptions) {
  const [latest] = await repo.listAssessments(db, orgId);
  if (!latest) return null;
  const [answers, actions] = await Promise.all([repo.answersOf(db, orgId, [latest.id]), repo.actionsOf(db, orgId, latest.id)]);
  return {
    assessment: summary(latest, answers),
    answers: answers.map((a) => ({ requirementId: a.requirement_id, status: a.status, owner: owner(a) })),
    actions: actions.map(toAction),
  };
}
