import type { Executor } from '../../platform/db/db.js';
import { flagContext } from './inventory.register.js';
import * as repo from './inventory.repository.js';
import { findDuplicates, reviewCutoff } from './inventory.rules.js';
import { MISSING } from './inventory.schemas.js';
import { scopeEntriesMissingFromInventory } from './inventory.scope-gaps.js';

/** The counts an auditor looks at first. */
export async function inventorySummary(db: Executor, orgId: string) {
  return (await inventorySummaryAndDuplicates(db, orgId)).summary;
}

/** The summary with the likely duplicate groups and scope gaps it counts, from one pass (the readiness rehearsal names them). */
export async function inventorySummaryAndDuplicates(db: Executor, orgId: string) {
  const ctx = await flagContext(db, orgId);
  const cutoff = reviewCutoff(ctx.today, ctx.reviewIntervalDays);
  const [total, inScope, risks, candidates, scopeGaps, ...missing] = await Promise.all([
    repo.countWhere(db, orgId),
    repo.countWhere(db, orgId, (eb) => eb.and([eb('in_scope', '=', 1)])),
    repo.riskCounts(db, orgId),
    repo.duplicateCandidates(db, orgId),
    scopeEntriesMissingFromInventory(db, orgId),
    ...MISSING.map((m) => repo.countWhere(db, orgId, (eb) => eb.and([repo.missingCondition(eb, m, cutoff)]))),
  ]);
  const byRiskLevel: Record<string, number> = {};
  for (const r of risks) byRiskLevel[r.risk_level ?? 'unrated'] = Number(r.n);
  const duplicates = findDuplicates(candidates);
  const summary = {
    total,
    inScope,
    byRiskLevel,
    missing: Object.fromEntries(MISSING.map((m, i) => [m, missing[i]])) as Record<(typeof MISSING)[number], number>,
    duplicateGroups: duplicates.length,
    namedInScopeMissing: scopeGaps.length,
  };
  return { summary, duplicates, scopeGaps };
}

export async function listDuplicates(db: Executor, orgId: string) {
  return findDuplicates(await repo.duplicateCandidates(db, orgId));
}
