import type { Executor } from '../../platform/db/db.js';
import { duplicateGroupCount, duplicateGroups } from './inventory.duplicates.js';
import { flagContext } from './inventory.register.js';
import * as repo from './inventory.repository.js';
import { reviewCutoff } from './inventory.rules.js';
import { MISSING } from './inventory.schemas.js';
import { scopeEntriesMissingFromInventory } from './inventory.scope-gaps.js';

/** The counts an auditor looks at first: the duplicate groups counted, not named. */
export async function inventorySummary(db: Executor, orgId: string) {
  const [counts, duplicateGroups, scopeGaps] = await Promise.all([
    summaryCounts(db, orgId),
    duplicateGroupCount(db, orgId),
    scopeEntriesMissingFromInventory(db, orgId),
  ]);
  return { ...counts, duplicateGroups, namedInScopeMissing: scopeGaps.length };
}

/**
 * The summary with the likely duplicate groups and scope gaps it counts (the
 * readiness rehearsal names them).
 */
export async function inventorySummaryAndDuplicates(db: Executor, orgId: string) {
  const [counts, duplicates, scopeGaps] = await Promise.all([
    summaryCounts(db, orgId),
    duplicateGroups(db, orgId),
    scopeEntriesMissingFromInventory(db, orgId),
  ]);
  const summary = { ...counts, duplicateGroups: duplicates.length, namedInScopeMissing: scopeGaps.length };
  return { summary, duplicates, scopeGaps };
}

/** The counts over the active systems: one grouped query that reads an index (repo.summaryCounts). */
async function summaryCounts(db: Executor, orgId: string) {
  const ctx = await flagContext(db, orgId);
  const byRisk = await repo.summaryCounts(db, orgId, reviewCutoff(ctx.today, ctx.reviewIntervalDays));
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
  return { total, inScope, byRiskLevel, missing };
}

export function listDuplicates(db: Executor, orgId: string) {
  return duplicateGroups(db, orgId);
}
