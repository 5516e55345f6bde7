import { getRequirement } from '../../../catalogue/index.js';
import { type Actor, appendAuditMany } from '../../../platform/audit-log/audit-log.js';
import { type Db, nowIso } from '../../../platform/db/db.js';
import { notFound } from '../../../platform/http/errors.js';
import { etagOf, isStale, StaleMarker, StaleWrite } from '../../../platform/register/index.js';
import { openAnswer } from '../gap.checks.js';
import { answerAudit, answerResponse } from '../gap.presenters.js';
import { getAssessment } from './get-assessment.js';

export interface ClearAnswerOptions {
  db: Db;
  actor: Actor;
  orgId: string;
  assessmentId: string;
  requirementId: string;
  /** the ETag of the caller's copy of the answer: an answer saved or cleared by someone else since is a 409 with the current one */
  ifMatch?: string;
}

/**
 * Takes an answer back to "not answered yet" (a wrong first answer should
 * not have to stay as "not started") and returns it so, without reading the
 * assessment back; like a saved answer, it carries no facts.
 */
export async function clearAnswer({ db, actor, orgId, assessmentId: id, requirementId, ifMatch }: ClearAnswerOptions) {
  try {
    await db.transaction().execute(async (tx) => {
      const before = await openAnswer(tx, orgId, id, requirementId, nowIso());
      if (isStale(ifMatch, before?.updated_at)) throw new StaleMarker();
      if (!before) throw notFound('Answer');
      await tx.deleteFrom('gap_answers').where('assessment_id', '=', id).where('requirement_id', '=', requirementId).execute();
      await appendAuditMany(tx, actor, [
        { orgId, entityType: 'gap_answer', entityId: `${id}:${requirementId}`, action: 'delete', before: answerAudit(before) },
      ]);
    });
  } catch (e) {
    if (!(e instanceof StaleMarker)) throw e;
    const current = (await getAssessment({ db, orgId, assessmentId: id })).answers.find((a) => a.requirementId === requirementId);
    throw new StaleWrite('answer', current, etagOf(current?.updatedAt));
  }
  // there was an answer, so the requirement is in the catalogue
  return answerResponse(getRequirement(requirementId)!, undefined, []);
}
