import type { Executor } from '../../../platform/db/db.js';
import { loadAssessment } from '../gap.checks.js';
import { toAction } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';
import { AI_FOUNDATIONS } from '../gap.rules.js';

export interface ListActionsOptions {
  db: Executor;
  orgId: string;
  assessmentId: string;
}

const rank = new Map<string, number>(AI_FOUNDATIONS.map((id, i) => [id, i]));
const rankOf = (requirementId: string) => rank.get(requirementId) ?? AI_FOUNDATIONS.length;

/** The assessment's action plan, by priority; within priority 1 the AI foundations (AI policy, risk method, impact assessment) first. */
export async function listActions({ db, orgId, assessmentId }: ListActionsOptions) {
  await loadAssessment(db, orgId, assessmentId);
  const rows = await repo.actionsOf(db, orgId, assessmentId);
  // a stable sort keeps the query's order (due date, then creation) within a rank
  return rows.sort((x, y) => x.priority - y.priority || rankOf(x.requirement_id) - rankOf(y.requirement_id)).map(toAction);
}
