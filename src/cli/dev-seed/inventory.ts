import { inputToColumns } from '../../modules/inventory/inventory.mapping.js';
import { auditView } from '../../modules/inventory/inventory.write.js';
import {
  AI_SYSTEM_KINDS,
  type AiSystemInput,
  DATA_SENSITIVITIES,
  DEPENDENCIES,
  type LIFECYCLE_STAGES,
  USER_IMPACTS,
} from '../../modules/inventory/index.js';
import type { AI_ROLES } from '../../modules/organizations/index.js';
import { type SeedContext, type SeededAudit, insertChunked, pickOwner, type SeedPerson } from './context.js';
import { addDays, Rng, timeBefore } from './random.js';
import { DATA_CATEGORIES, DEPARTMENTS, MONITORING, PURPOSES, SITES, SYSTEM_NOUNS } from './words.js';

// AI systems: department + use case names, owners from the organization,
// supplier links, and about 3% near-duplicates (the same system entered twice
// by two teams, spelled a little differently) so duplicate detection has work.
// Columns come from the inventory's own mapping (name_key, duplicate keys).

const DUPLICATE_SHARE = 0.03;

const person = (p: SeedPerson) =>
  p.userId ? { userId: p.userId, name: p.name } : { userId: null, name: p.name, ...(p.email ? { email: p.email } : {}) };

/** A second spelling of a name, as another team would type it: same folded name, or one letter off. */
function respell(rng: Rng, name: string): string {
  const cut = rng.int(3, name.length - 2);
  return rng.weighted([
    [name.toLowerCase(), 1],
    [name.split(' ').join('-'), 1],
    [`${name}.`, 1],
    [name.slice(0, cut) + name.slice(cut + 1), 1],
  ] as const);
}

/**
 * A use case's name, unique in the inventory: "Sales Chat Assistant", then
 * the same use case at a site ("Sales Chat Assistant Oslo"). Never a number
 * added to a name: "X" and "X 2" read as one system entered twice.
 */
function uniqueName(rng: Rng, used: Set<string>): { dept: string; noun: string; name: string } {
  for (let attempt = 0; ; attempt++) {
    const dept = rng.pick(DEPARTMENTS);
    const noun = rng.pick(SYSTEM_NOUNS);
    const base = `${dept} ${noun}`;
    const name = used.has(base) ? `${base} ${rng.pick(SITES)}` : base;
    if (!used.has(name)) {
      used.add(name);
      return { dept, noun, name };
    }
    // Every site of every use case taken (over 14,000 systems): numbered sites, still never a bare number.
    if (attempt > 50) {
      const numbered = `${name} ${Math.floor(attempt / 50)}`;
      if (!used.has(numbered)) {
        used.add(numbered);
        return { dept, noun, name: numbered };
      }
    }
  }
}

export async function seedInventory(ctx: SeedContext, count: number, suppliers: { id: string }[]) {
  const rng = new Rng(ctx.seed, 'inventory');
  const used = new Set<string>();
  /** systems entered once, which a near-duplicate may copy */
  const originals: AiSystemInput[] = [];
  const rows: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const audits: SeededAudit[] = [];
  const out: { id: string; createdAt: string; inScope: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = timeBefore(rng, ctx.anchor, 730);
    const id = rng.uuid(createdAt);
    const original = originals.length > 10 && rng.chance(DUPLICATE_SHARE) ? rng.pick(originals) : null;
    const { dept, noun, name } = uniqueName(rng, used);
    const stage = rng.weighted([
      ['planning', 1],
      ['design', 1],
      ['development', 2],
      ['verification-and-validation', 1],
      ['deployment', 1],
      ['operation-and-monitoring', 6],
      ['change', 1],
      ['retired', 1],
    ] as const satisfies readonly (readonly [(typeof LIFECYCLE_STAGES)[number], number])[]);
    const live = stage === 'operation-and-monitoring' || stage === 'change' || stage === 'deployment';
    const chosen = suppliers.length && rng.chance(0.8) ? rng.sample(suppliers, rng.int(1, 3)) : [];
    const fresh: AiSystemInput = {
      externalId: rng.chance(0.4) ? `CMDB-${100000 + i}` : null,
      name,
      kind: rng.chance(0.9) ? rng.pick(AI_SYSTEM_KINDS) : null,
      businessOwner: rng.chance(0.9) ? person(pickOwner(rng, ctx)) : null,
      technicalOwner: rng.chance(0.85) ? person(pickOwner(rng, ctx)) : null,
      purpose: PURPOSES[noun] ?? '',
      userImpact: rng.sample(USER_IMPACTS, rng.int(1, 2)),
      dataCategories: rng.sample(DATA_CATEGORIES, rng.int(0, 3)),
      dataSource: rng.chance(0.7) ? `${dept} data warehouse` : '',
      dataSensitivity: rng.chance(0.9) ? rng.pick(DATA_SENSITIVITIES) : null,
      suppliers: chosen.map((s) => ({ supplierId: s.id, dependency: rng.pick(DEPENDENCIES) })),
      riskLevel: rng.chance(0.85) ? rng.pick(ctx.riskScale) : null,
      monitoringMethod: live ? rng.pick(MONITORING) : '',
      aiRole: rng.chance(0.9)
        ? rng.weighted([
            ['customer', 6],
            ['provider', 2],
            ['producer', 1],
            ['partner', 1],
          ] as const satisfies readonly (readonly [(typeof AI_ROLES)[number], number])[])
        : null,
      lifecycleStage: stage,
      inScope: rng.chance(0.1) ? null : rng.chance(0.8),
      intendedUse: rng.chance(0.8) ? `Used by ${dept} staff during working hours.` : '',
      foreseeableMisuse: rng.chance(0.5) ? 'Relying on the output without the review step.' : '',
      humanOversight: rng.chance(0.7) ? 'A named reviewer approves outputs before they take effect.' : '',
      deploymentDate: live ? addDays(createdAt.slice(0, 10), rng.int(0, 120)) : null,
      lastReviewDate: rng.chance(0.6) ? addDays(ctx.anchor, -rng.int(1, 540)) : null,
      tags: rng.sample([dept.toLowerCase(), 'genai', 'ml', 'pilot', 'critical', 'eu'], rng.int(0, 2)),
    };
    const input = original ? { ...original, externalId: null, name: respell(rng, original.name) } : fresh;
    if (input.deploymentDate && input.deploymentDate > ctx.anchor) input.deploymentDate = ctx.anchor;
    if (!original) originals.push(input);
    const archived = rng.chance(0.02) ? `${addDays(ctx.anchor, -rng.int(1, 90))}T10:00:00.000Z` : null;
    rows.push({
      id,
      org_id: ctx.orgId,
      ...inputToColumns(input),
      created_at: createdAt,
      updated_at: archived ?? createdAt,
      archived_at: archived,
      merged_into_id: null,
    });
    for (const s of input.suppliers)
      links.push({ org_id: ctx.orgId, ai_system_id: id, supplier_id: s.supplierId, dependency: s.dependency });
    out.push({ id, createdAt, inScope: input.inScope === true && !archived });
    const actor = pickOwner(rng, ctx);
    audits.push({
      orgId: ctx.orgId,
      entityType: 'ai_system',
      entityId: id,
      action: 'create',
      after: auditView(id, input),
      actor,
    });
    if (archived)
      audits.push({
        orgId: ctx.orgId,
        entityType: 'ai_system',
        entityId: id,
        action: 'archive',
        before: { id, archivedAt: null },
        after: { id, archivedAt: archived },
        actor,
      });
  }
  await insertChunked(ctx.db, 'ai_systems', rows);
  await insertChunked(ctx.db, 'ai_system_suppliers', links);
  return { systems: out, audits };
}
