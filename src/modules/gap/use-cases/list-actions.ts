import type { Executor } from '../../../platform/db/db.js';
import { loadAssessment } from '../gap.checks.js';
import { toAction } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';

export interface ListActionsOptions {
  db: Executor;
  orgId: string;
  assessmentId: string;
}

/** The assessment's action plan, by priority. */
export async function listActions({ db, orgId, assessmentId }: ListActionsOptions) {
  await loadAssessment(db, orgId, assessmentId);
  return (await repo.actionsOf(db, orgId, assessmentId)).map(toAction);
}
