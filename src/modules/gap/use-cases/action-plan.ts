import { uuidv7 } from 'uuidv7';
import { REQUIREMENTS } from '../../../catalogue/index.js';
import { type Actor, appendAuditMany } from '../../../platform/audit-log/audit-log.js';
import { type Db, nowIso } from '../../../platform/db/db.js';
import type { Row } from '../../../platform/db/tables.js';
import { loadAssessment } from '../gap.checks.js';
import { answerMap, toAction } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';
import { planActions } from '../gap.rules.js';
import { listActions } from './list-actions.js';

export interface GenerateActionPlanOptions {
  db: Db;
  actor: Actor;
  orgId: string;
  assessmentId: string;
}

/** Adds an action for every gap that has none yet; running it again adds only new gaps. */
export async function generateActionPlan({ db, actor, orgId, assessmentId: id }: GenerateActionPlanOptions) {
  await db.transaction().execute(async (tx) => {
    const a = await loadAssessment(tx, orgId, id);
    const planned = planActions(REQUIREMENTS, answerMap(await repo.answersOf(tx, orgId, [id])), a.assessment_date);
    const existing = new Set((await repo.actionsOf(tx, orgId, id)).map((x) => x.requirement_id));
    const now = nowIso();
    const rows = planned
      .filter((p) => !existing.has(p.requirementId))
      .map(
        (p): Row<'gap_actions'> => ({
          id: uuidv7(),
          org_id: orgId,
          assessment_id: id,
          requirement_id: p.requirementId,
          title: p.title,
          owner_user_id: p.owner?.userId ?? null,
          owner_name: p.owner?.name || null,
          owner_email: p.owner?.email ?? null,
          due_date: p.dueDate,
          effort: p.effort,
          priority: p.priority,
          status: 'open',
          created_at: now,
          updated_at: now,
          done_at: null,
        }),
      );
    if (rows.length) await tx.insertInto('gap_actions').values(rows).execute();
    await appendAuditMany(
      tx,
      actor,
      rows.map((r) => ({ orgId, entityType: 'gap_action', entityId: r.id, action: 'create', after: toAction(r) })),
    );
  });
  return listActions({ db, orgId, assessmentId: id });
}
