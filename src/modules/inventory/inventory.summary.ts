import type { Executor } from '../../platform/db/db.js';
import { duplicateGroups } from './inventory.duplicates.js';
import { flagContext } from './inventory.register.js';
import * as repo from './inventory.repository.js';
import { reviewCutoff } from './inventory.rules.js';
import { MISSING } from './inventory.schemas.js';
import { scopeEntriesMissingFromInventory } from './inventory.scope-gaps.js';

/** The counts an auditor looks at first. */
export async function inventorySummary(db: Executor, orgId: string) {
  return (await inventorySummaryAndDuplicates(db, orgId)).summary;
}

/**
 * The summary with the likely duplicate groups and scope gaps it counts (the
 * readiness rehearsal names them): the counts from one grouped query over the
 * active systems, the groups from the stored duplicate edges.
 */
export async function inventorySummaryAndDuplicates(db: Executor, orgId: string) {
  const ctx = await flagContext(db, orgId);
  const cutoff = reviewCutoff(ctx.today, ctx.reviewIntervalDays);
  const [byRisk, duplicates, scopeGaps] = await Promise.all([
    repo.summaryCounts(db, orgId, cutoff),
    duplicateGroups(db, orgId),
    scopeEntriesMissingFromInventory(db, orgId),
  ]);
  const byRiskLevel: Record<string, number> = {};
  const missing = Object.fromEntries(MISSING.map((m) => [m, 0])) as Record<(typeof MISSING)[number], number>;
  let total = 0;
  let inScope = 0;
  for (const r of byRisk) {
    byRiskLevel[r.riskLevel ?? 'unrated'] = r.total;
    total += r.total;
    inScope += r.inScope;
    for (const m of MISSING) missing[m] += r.missing[m];
  }
  const summary = {
    total,
    inScope,
    byRiskLevel,
    missing,
    duplicateGroups: duplicates.length,
    namedInScopeMissing: scopeGaps.length,
  };
  return { summary, duplicates, scopeGaps };
}

export function listDuplicates(db: Executor, orgId: string) {
  return duplicateGroups(db, orgId);
}
