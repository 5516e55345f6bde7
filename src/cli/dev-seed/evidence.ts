import { ANNEX_A, CLAUSES } from '../../catalogue/index.js';
import { OPEN_DAY } from '../../modules/evidence/evidence.counts.js';
import { defaultArea, evidenceNumber } from '../../modules/evidence/evidence.rules.js';
import { fold } from '../../platform/text.js';
import { type SeedContext, type SeededAudit, insertChunked, pickOwner } from './context.js';
import { addDays, Rng, timeBefore } from './random.js';
import { EVIDENCE_TITLES } from './words.js';

// Evidence items collected over two years, linked to clauses, Annex A
// controls, AI systems and risks, numbered EV-0001 on. Metadata only: items
// are links (an address in the document system) or records (an AI system or
// risk of the organization); no file kind, so seeding writes no blobs.
// evidence_links and evidence_counts are filled as the evidence writes keep
// them (coverage reads those alone).

export async function seedEvidence(ctx: SeedContext, count: number, systems: { id: string }[], risks: { id: string }[]) {
  const rng = new Rng(ctx.seed, 'evidence');
  const clauses = CLAUSES.map((c) => c.id).filter((id) => id.includes('.'));
  const controls = ANNEX_A.map((c) => c.id);
  const items: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const counts = new Map<
    string,
    { org_id: string; target_kind: string; target_id: string; valid_day: string; n: number; latest_collected_on: string }
  >();
  const audits: SeededAudit[] = [];
  const count1 = (kind: string, target: string, day: string, collected: string) => {
    const key = `${kind}\u0000${target}\u0000${day}`;
    const c = counts.get(key);
    if (!c)
      counts.set(key, {
        org_id: ctx.orgId,
        target_kind: kind,
        target_id: target,
        valid_day: day,
        n: 1,
        latest_collected_on: collected,
      });
    else {
      c.n++;
      if (collected > c.latest_collected_on) c.latest_collected_on = collected;
    }
  };
  const drafts = Array.from({ length: count }, () => timeBefore(rng, ctx.anchor, 730)).sort();
  for (const [i, createdAt] of drafts.entries()) {
    const id = rng.uuid(createdAt);
    const collectedOn = addDays(createdAt.slice(0, 10), -rng.int(0, 14));
    const validUntil = rng.chance(0.7) ? addDays(collectedOn, rng.pick([90, 180, 365, 365, 730])) : null;
    const requirementIds = rng.chance(0.5) ? rng.sample(clauses, rng.int(1, 2)) : [];
    const controlIds = rng.chance(0.6) ? rng.sample(controls, rng.int(1, 3)) : [];
    const aiSystemIds = systems.length && rng.chance(0.4) ? [...new Set([rng.pick(systems).id])] : [];
    const riskIds = risks.length && rng.chance(0.3) ? [rng.pick(risks).id] : [];
    const asRecord = rng.chance(0.3) && (aiSystemIds.length || riskIds.length);
    const record = asRecord
      ? aiSystemIds.length
        ? { kind: 'ai-system', id: aiSystemIds[0] }
        : { kind: 'risk', id: riskIds[0] }
      : null;
    const title = `${rng.pick(EVIDENCE_TITLES)} ${collectedOn.slice(0, 7)}`;
    const owner = rng.chance(0.85) ? pickOwner(rng, ctx) : null;
    const area = defaultArea(requirementIds, controlIds);
    const numberSeq = i + 1;
    const periodFrom = rng.chance(0.3) ? addDays(collectedOn, -90) : null;
    items.push({
      id,
      org_id: ctx.orgId,
      number_seq: numberSeq,
      title,
      title_key: fold(title),
      description: rng.chance(0.5) ? 'Kept as evidence for the certification audit.' : '',
      kind: record ? 'record' : 'link',
      file_id: null,
      url: record ? null : `https://docs.example.com/aims/evidence/${numberSeq}`,
      record_kind: record?.kind ?? null,
      record_id: record?.id ?? null,
      collected_on: collectedOn,
      period_from: periodFrom,
      period_to: periodFrom ? collectedOn : null,
      valid_until: validUntil,
      owner_user_id: owner?.userId ?? null,
      owner_name: owner?.name ?? null,
      owner_email: owner?.email ?? null,
      area,
      link_count: requirementIds.length + controlIds.length + aiSystemIds.length + riskIds.length,
      created_at: createdAt,
      updated_at: createdAt,
      archived_at: null,
    });
    const day = validUntil ?? OPEN_DAY;
    const targets = [
      ...requirementIds.map((t) => ['requirement', t] as const),
      ...controlIds.map((t) => ['control', t] as const),
      ...aiSystemIds.map((t) => ['ai-system', t] as const),
      ...riskIds.map((t) => ['risk', t] as const),
    ];
    for (const [kind, target] of targets) {
      links.push({
        org_id: ctx.orgId,
        evidence_id: id,
        target_kind: kind,
        target_id: target,
        valid_until: validUntil,
        collected_on: collectedOn,
      });
      count1(kind, target, day, collectedOn);
    }
    count1('area', area, day, collectedOn);
    audits.push({
      orgId: ctx.orgId,
      entityType: 'evidence',
      entityId: id,
      action: 'create',
      after: {
        id,
        number: evidenceNumber(numberSeq),
        title,
        kind: record ? 'record' : 'link',
        collectedOn,
        validUntil,
        area,
        requirementIds,
        controlIds,
        aiSystemIds,
        riskIds,
      },
      actor: owner?.userId ? owner : pickOwner(rng, ctx),
    });
  }
  await insertChunked(ctx.db, 'evidence', items);
  await insertChunked(ctx.db, 'evidence_links', links);
  await insertChunked(ctx.db, 'evidence_counts', [...counts.values()]);
  return { audits };
}
