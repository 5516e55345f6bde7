import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import type { Db } from '../../platform/db/db.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { resolveLinks, resolvePeople } from '../../platform/refs/index.js';
import { getRecord, isStale, laterThan, lockRow, StaleMarker, StaleWrite } from '../../platform/register/index.js';
import { aiSystemsById } from '../inventory/index.js';
import { ratingErrors } from './impact-assessments.method.js';
import { assessmentContext, impactAssessmentRegister as def, rowToInput } from './impact-assessments.register.js';
import { lockApprovedInForce } from './impact-assessments.repository.js';
import { insertRisk, riskFromImpact } from './impact-assessments.risks.js';
import { approvalGaps, basisOf, rate } from './impact-assessments.rules.js';
import type { StoredImpact } from './impact-assessments.schemas.js';
import { basisColumn, raisedRisksColumn } from './impact-assessments.tables.js';

/**
 * Approves a draft: checks it is complete and on the method's scales,
 * freezes the AI system's facts it rests on, supersedes the approved
 * assessment it replaces, and raises a risk for each impact whose residual
 * level is above the acceptance threshold (an impact carried over from the
 * replaced assessment keeps the risk it already raised). One transaction:
 * a refusal writes nothing.
 */
export async function approveAssessment(db: Db, actor: Actor, orgId: string, id: string, opts: { ifMatch?: string } = {}) {
  try {
    await db.transaction().execute(async (tx) => {
      const row = await lockRow(tx, def, orgId, id);
      if (isStale(opts.ifMatch, row.updated_at)) throw new StaleMarker();
      if (row.archived_at) throw conflict('This impact assessment is archived; restore it before approving it.');
      if (row.status !== 'draft')
        throw conflict(`This impact assessment is ${row.status} already; only a draft can be approved.`);
      const input = rowToInput(row);
      const ctx = await assessmentContext(tx, orgId);
      const impacts = input.impacts as StoredImpact[];
      const errors = [
        ...approvalGaps({ ...input, intendedPurpose: input.intendedPurpose ?? '' }),
        // the method may have changed since the draft was saved
        ...ratingErrors(ctx.method, impacts, 'impacts'),
      ];
      if (errors.length) throw invalid(errors, 'The impact assessment is not ready for approval.');

      const system = (await aiSystemsById(tx, orgId, [row.ai_system_id])).get(row.ai_system_id);
      const systemName = (await resolveLinks(tx, orgId, [{ type: 'ai-system', id: row.ai_system_id }]))({
        type: 'ai-system',
        id: row.ai_system_id,
      })?.label;
      const { people } = await resolvePeople(tx, orgId, [
        { field: 'approver', person: { userId: actor.userId, name: actor.label } },
      ]);
      const now = laterThan(row.updated_at);

      const previous = await lockApprovedInForce(tx, orgId, row.ai_system_id);
      const raised = previous ? raisedRisksColumn.read(previous.raised_risks) : {};
      if (previous) {
        await tx
          .updateTable('impact_assessments')
          .set({ status: 'superseded', superseded_at: now, updated_at: laterThan(previous.updated_at) })
          .where('org_id', '=', orgId)
          .where('id', '=', previous.id)
          .execute();
        await appendAudit(tx, actor, {
          orgId,
          entityType: def.entityType,
          entityId: previous.id,
          action: 'supersede',
          before: { id: previous.id, status: previous.status },
          after: { id: previous.id, status: 'superseded', supersededBy: id },
        });
      }

      const kept: Record<string, string> = {};
      const newRisks: string[] = [];
      for (const impact of impacts) {
        const level = rate(ctx.scale, impact.residualLikelihood, impact.residualSeverity);
        if (raised[impact.id]) kept[impact.id] = raised[impact.id];
        else if (level?.aboveThreshold) {
          const owner = system?.businessOwner ?? input.assessor ?? null;
          const riskId = await insertRisk(
            tx,
            actor,
            orgId,
            riskFromImpact(
              ctx.method,
              {
                id,
                aiSystemId: row.ai_system_id,
                systemName: systemName ?? 'the AI system',
                nextReviewDate: row.next_review_date,
                owner,
              },
              impact,
            ),
          );
          kept[impact.id] = riskId;
          newRisks.push(riskId);
        }
      }

      const basis = system ? basisOf(system) : input.basis;
      const approval = {
        status: 'approved' as const,
        approved_by: actor.userId,
        approved_by_name: people[0]?.name || actor.label,
        approved_at: now,
        basis: basis ? basisColumn.write(basis) : row.basis,
        raised_risks: raisedRisksColumn.write(kept),
        updated_at: now,
      };
      await tx.updateTable('impact_assessments').set(approval).where('org_id', '=', orgId).where('id', '=', id).execute();
      await appendAudit(tx, actor, {
        orgId,
        entityType: def.entityType,
        entityId: id,
        action: 'approve',
        before: { id, status: row.status },
        after: {
          id,
          status: 'approved',
          approvedBy: approval.approved_by_name,
          approvedAt: now,
          supersedes: previous?.id ?? null,
          raisedRisks: newRisks,
        },
      });
    });
  } catch (e) {
    if (!(e instanceof StaleMarker)) throw e;
    const { item, etag } = await getRecord(db, def, orgId, id);
    throw new StaleWrite(def.noun, item, etag);
  }
  return getRecord(db, def, orgId, id);
}
