import { ANNEX_A } from '../../catalogue/index.js';
import { type RiskMethodContent, effectiveRiskMethod } from '../../modules/risks/index.js';
import { currentLevel, riskNumber, scoreRisk, thresholdRank } from '../../modules/risks/risks.rules.js';
import { fold } from '../../platform/text.js';
import { type SeedContext, type SeededAudit, insertChunked, pickOwner, type SeedPerson } from './context.js';
import { addDays, Rng, timeAfter } from './random.js';
import { RISK_EVENTS } from './words.js';

// Risks on AI systems, scored by the organization's effective risk method
// with the register's own rules (scoreRisk), numbered R-001 on so the next
// risk a user creates takes the next number; treating risks get treatment
// actions naming Annex A controls; accepted ones an acceptance by a member
// within the method's threshold.

const personCols = (prefix: string, p: SeedPerson | null) => ({
  [`${prefix}user_id`]: p?.userId ?? null,
  [`${prefix}name`]: p?.name ?? null,
  [`${prefix}email`]: p?.email ?? null,
});

export async function seedRisks(
  ctx: SeedContext,
  count: number,
  systems: { id: string; createdAt: string }[],
  suppliers: { id: string }[],
) {
  const rng = new Rng(ctx.seed, 'risks');
  const m: RiskMethodContent = (await effectiveRiskMethod(ctx.db, ctx.orgId)).content;
  const sources = m.riskSources.filter((s) => s.inUse).map((s) => s.id);
  const threshold = thresholdRank(m);
  const controls = ANNEX_A.map((r) => r.id);
  const members = ctx.people.filter((p) => p.userId);
  const rows: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const actionControls: Record<string, unknown>[] = [];
  const audits: SeededAudit[] = [];
  const out: { id: string; createdAt: string }[] = [];
  const drafts = Array.from({ length: count }, () => {
    const system = systems.length ? rng.pick(systems) : null;
    return { system, createdAt: system ? timeAfter(rng, system.createdAt, ctx.anchor, 120) : `${ctx.anchor}T08:00:00.000Z` };
  });
  // Numbers follow creation order, as the register hands them out.
  drafts.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  for (const [i, d] of drafts.entries()) {
    const id = rng.uuid(d.createdAt);
    const e = rng.pick(RISK_EVENTS);
    const aiSystemIds = d.system ? [d.system.id, ...(rng.chance(0.2) && systems.length > 1 ? [rng.pick(systems).id] : [])] : [];
    const uniqueSystems = [...new Set(aiSystemIds)].sort();
    const L = m.likelihood.length;
    const I = m.impact.length;
    const scores = {
      inherentLikelihood: rng.int(1, L),
      inherentImpact: rng.int(1, I),
      residualLikelihood: null as number | null,
      residualImpact: null as number | null,
    };
    let status = rng.weighted([
      ['open', 4],
      ['treating', 3],
      ['accepted', 2],
      ['closed', 1],
    ] as const);
    if (status !== 'open' && status !== 'accepted') {
      scores.residualLikelihood = Math.max(1, scores.inherentLikelihood - rng.int(0, 2));
      scores.residualImpact = Math.max(1, scores.inherentImpact - rng.int(0, 1));
    }
    const score = scoreRisk(m, scores).value;
    if (!score) throw new Error('seeded scores lie outside the risk method’s scales');
    if (status === 'accepted' && (score.currentRank > threshold || !members.length)) status = 'open';
    const owner = rng.chance(0.92) ? pickOwner(rng, ctx) : null;
    const acceptedBy = status === 'accepted' ? rng.pick(members) : null;
    const acceptedAt = acceptedBy ? timeAfter(rng, d.createdAt, ctx.anchor, 60).slice(0, 10) : null;
    const supplierIds = suppliers.length && rng.chance(0.25) ? [rng.pick(suppliers).id] : [];
    const option =
      status === 'open'
        ? rng.chance(0.3)
          ? rng.pick(['modify', 'avoid', 'share', 'retain'] as const)
          : null
        : status === 'accepted'
          ? 'retain'
          : rng.pick(['modify', 'avoid', 'share'] as const);
    const numberSeq = i + 1;
    const title = `${e.title}${uniqueSystems.length ? '' : ' (organization-wide)'}`;
    const nextReviewDate = addDays(d.createdAt.slice(0, 10), 365);
    const actionCount = status === 'treating' ? rng.int(1, 2) : 0;
    rows.push({
      id,
      org_id: ctx.orgId,
      number_seq: numberSeq,
      title,
      title_key: fold(title),
      source_category: sources.includes(e.source) ? e.source : rng.pick(sources),
      cause: e.cause,
      event: e.event,
      consequence: e.consequence,
      ...personCols('owner_', owner),
      inherent_likelihood: scores.inherentLikelihood,
      inherent_impact: scores.inherentImpact,
      inherent_level: score.inherentLevel,
      inherent_rank: score.inherentRank,
      treatment_option: option,
      residual_likelihood: scores.residualLikelihood,
      residual_impact: scores.residualImpact,
      residual_level: score.residualLevel,
      residual_rank: score.residualRank,
      current_rank: score.currentRank,
      supplier_ids: JSON.stringify(supplierIds),
      ...personCols('accepted_by_', acceptedBy && { userId: acceptedBy.userId, name: acceptedBy.name }),
      accepted_at: acceptedAt,
      acceptance_reason: acceptedBy ? 'Within the acceptance threshold; controls in place are proportionate.' : null,
      next_review_date: nextReviewDate,
      status,
      action_count: actionCount,
      created_at: d.createdAt,
      updated_at: d.createdAt,
      archived_at: null,
    });
    for (const s of uniqueSystems) links.push({ org_id: ctx.orgId, risk_id: id, ai_system_id: s });
    out.push({ id, createdAt: d.createdAt });
    const actor = owner?.userId ? owner : pickOwner(rng, ctx);
    audits.push({
      orgId: ctx.orgId,
      entityType: 'risk',
      entityId: id,
      action: 'create',
      after: {
        id,
        number: riskNumber(numberSeq),
        title,
        aiSystemIds: uniqueSystems,
        supplierIds,
        status,
        inherentLevel: score.inherentLevel,
        residualLevel: score.residualLevel,
        currentLevel: currentLevel(score),
      },
      actor,
    });
    for (let a = 0; a < actionCount; a++) {
      const at = timeAfter(rng, d.createdAt, ctx.anchor, 30);
      const actionId = rng.uuid(at);
      const ids = rng.sample(controls, rng.int(1, 2));
      const actionTitle = `Implement ${ids.join(' and ')} for ${riskNumber(numberSeq)}`;
      actions.push({
        id: actionId,
        org_id: ctx.orgId,
        risk_id: id,
        title: actionTitle,
        ...personCols('owner_', pickOwner(rng, ctx)),
        due_date: addDays(at.slice(0, 10), rng.int(14, 180)),
        status: rng.pick(['planned', 'in-progress', 'done'] as const),
        control_ids: JSON.stringify(ids),
        created_at: at,
        updated_at: at,
      });
      for (const c of ids) actionControls.push({ org_id: ctx.orgId, action_id: actionId, risk_id: id, control_id: c });
      audits.push({
        orgId: ctx.orgId,
        entityType: 'risk_treatment_action',
        entityId: actionId,
        action: 'create',
        after: { id: actionId, riskId: id, title: actionTitle, controlIds: ids },
        actor,
      });
    }
  }
  await insertChunked(ctx.db, 'risks', rows);
  await insertChunked(ctx.db, 'risk_ai_systems', links);
  await insertChunked(ctx.db, 'risk_treatment_actions', actions);
  await insertChunked(ctx.db, 'risk_action_controls', actionControls);
  return { risks: out, audits };
}
