import type { Actor } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import type { Owner } from './gap.presenters.js';
import type { AnswerInput } from './gap.schemas.js';
import { clearAnswer as clear } from './use-cases/clear-answer.js';
import { compare as compareUseCase } from './use-cases/compare.js';
import { createAssessment as create } from './use-cases/create-assessment.js';
import { generateActionPlan as plan } from './use-cases/action-plan.js';
import { getAssessment as get } from './use-cases/get-assessment.js';
import { listActions as actions } from './use-cases/list-actions.js';
import { listAssessments as list } from './use-cases/list-assessments.js';
import { saveAnswer } from './use-cases/save-answer.js';
import { updateAction as updateOne } from './use-cases/update-action.js';
import { updateAssessment as update } from './use-cases/update-assessment.js';

// TRANSITIONAL, delete with the routes' move: the use cases (./use-cases/*)
// take one options object; gap.routes.ts (being converted to declarative
// permissions by the lead) and gap.report.ts (moving onto the report kit)
// still call and type these positional names. Nothing here but delegation.

export const listAssessments = (db: Executor, orgId: string) => list({ db, orgId });
export const getAssessment = (db: Executor, orgId: string, assessmentId: string) => get({ db, orgId, assessmentId });
export const createAssessment = (db: Db, actor: Actor, orgId: string, input: Parameters<typeof create>[0]['input']) =>
  create({ db, actor, orgId, input });
export const updateAssessment = (
  db: Db,
  actor: Actor,
  orgId: string,
  assessmentId: string,
  patch: Parameters<typeof update>[0]['patch'],
) => update({ db, actor, orgId, assessmentId, patch });
export const answerRequirement = (
  db: Db,
  actor: Actor,
  orgId: string,
  assessmentId: string,
  requirementId: string,
  input: AnswerInput,
) => saveAnswer({ db, actor, orgId, assessmentId, requirementId, input });
export const clearAnswer = (db: Db, actor: Actor, orgId: string, assessmentId: string, requirementId: string) =>
  clear({ db, actor, orgId, assessmentId, requirementId });
export const listActions = (db: Executor, orgId: string, assessmentId: string) => actions({ db, orgId, assessmentId });
export const generateActionPlan = (db: Db, actor: Actor, orgId: string, assessmentId: string) =>
  plan({ db, actor, orgId, assessmentId });
export const updateAction = (
  db: Db,
  actor: Actor,
  orgId: string,
  actionId: string,
  patch: { status?: string; owner?: Owner; dueDate?: string; title?: string },
) => updateOne({ db, actor, orgId, actionId, patch });
export const compare = (db: Executor, orgId: string, fromId: string, toId: string) => compareUseCase({ db, orgId, fromId, toId });
