import { sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import type { VersionCheck } from '../../platform/versioned/index.js';
import type { RiskMethodContent } from './risk-method.rules.js';

// What a method's draft would mean for the risks already in the register:
// scores its scales no longer have, cells whose level it changes, sources it
// no longer has in use. Information, not warnings: approving a new method is
// how an organization changes its criteria; the stored levels follow the
// method in force (the record's afterWrite), off-scale scores need a new
// assessment. Read as counts per matrix cell, not risk by risk, so the
// cost stays small however long the register is.

/** How many current (not archived) risk scores sit in each cell with each stored level. */
export interface RiskScoreFacts {
  cells: { likelihood: number; impact: number; level: string; n: number }[];
  sources: { source: string; n: number }[];
}

export async function riskScoreFacts(db: Executor, orgId: string): Promise<RiskScoreFacts> {
  const n = sql<number>`count(*)`.as('n');
  // The inherent scores and the sources in one pass over the organization's risks.
  const [inherent, residual] = await Promise.all([
    db
      .selectFrom('risks')
      .select(['inherent_likelihood as likelihood', 'inherent_impact as impact', 'inherent_level as level', 'source_category', n])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .groupBy(['inherent_likelihood', 'inherent_impact', 'inherent_level', 'source_category'])
      .execute(),
    db
      .selectFrom('risks')
      .select(['residual_likelihood as likelihood', 'residual_impact as impact', 'residual_level as level', n])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .where('residual_likelihood', 'is not', null)
      .groupBy(['residual_likelihood', 'residual_impact', 'residual_level'])
      .execute(),
  ]);
  const sources = new Map<string, number>();
  for (const r of inherent) sources.set(r.source_category, (sources.get(r.source_category) ?? 0) + Number(r.n));
  return {
    cells: [...inherent, ...residual]
      .filter((c) => c.likelihood !== null && c.impact !== null && c.level !== null)
      .map((c) => ({ likelihood: Number(c.likelihood), impact: Number(c.impact), level: String(c.level), n: Number(c.n) })),
    sources: [...sources].map(([source, count]) => ({ source, n: count })),
  };
}

const scores = (n: number) => (n === 1 ? '1 risk score' : `${n} risk scores`);
const risks = (n: number) => (n === 1 ? '1 risk' : `${n} risks`);

/** Info checks: what this content would change for the risks in the register. Pure. */
export function riskScoreChecks(m: RiskMethodContent, facts: RiskScoreFacts): VersionCheck[] {
  const out: VersionCheck[] = [];
  const L = m.likelihood.length;
  const I = m.impact.length;
  const offScale = facts.cells.filter((c) => c.likelihood > L || c.impact > I);
  const offCount = offScale.reduce((s, c) => s + c.n, 0);
  if (offCount > 0) {
    out.push({
      code: 'risks-off-scale',
      severity: 'info',
      field: 'likelihood',
      message: `${scores(offCount)} (inherent or residual) use a likelihood or impact this method's scales do not have (likelihood 1 to ${L}, impact 1 to ${I}): re-assess those risks once it is approved.`,
    });
  }
  const moved = facts.cells.filter(
    (c) => c.likelihood <= L && c.impact <= I && m.matrix[c.likelihood - 1]?.[c.impact - 1] !== c.level,
  );
  const movedCount = moved.reduce((s, c) => s + c.n, 0);
  if (movedCount > 0) {
    const name = (id: string | undefined) => m.levels.find((l) => l.id === id)?.name ?? id ?? '?';
    const e = moved[0];
    out.push({
      code: 'risks-level-changes',
      severity: 'info',
      field: 'matrix',
      message: `${scores(movedCount)} (inherent or residual) were given another level than this matrix gives them (e.g. likelihood ${e.likelihood} and impact ${e.impact}: ${name(e.level)}, here ${name(m.matrix[e.likelihood - 1]?.[e.impact - 1])}): approving this version gives them that level.`,
    });
  }
  const inUse = new Set(m.riskSources.filter((s) => s.inUse).map((s) => s.id));
  const stray = facts.sources.filter((s) => !inUse.has(s.source));
  const strayCount = stray.reduce((s, x) => s + x.n, 0);
  if (strayCount > 0) {
    const named = stray.map((s) => m.riskSources.find((x) => x.id === s.source)?.name ?? s.source);
    out.push({
      code: 'risks-source-not-in-use',
      severity: 'info',
      field: 'riskSources',
      message: `${risks(strayCount)} name a risk source this method does not have in use (${named.join(', ')}).`,
    });
  }
  return out;
}
