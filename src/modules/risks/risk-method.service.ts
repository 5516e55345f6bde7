import { jsonColumn } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/db.js';
import { queryTemplate } from '../../platform/db/statement-cache.js';
import { defineVersionedRecord, diffContent, type VersionCheck, type VersionChange } from '../../platform/versioned/index.js';
import {
  DEFAULT_RISK_METHOD,
  genericCriteriaWarnings,
  type RiskMethodContent,
  riskMethodContentSchema,
} from './risk-method.rules.js';
import { riskScoreChecks, riskScoreFacts } from './risk-method.facts.js';
import { riskMethodSchema } from './risk-method.schemas.js';
import { rescoreRisks } from './risks.rescore.js';

// The AI risk method (6.1.2) is a versioned record (platform/versioned), one
// per organization: drafted, checked for generic criteria, approved into
// immutable versions. Structural errors (matrix shape, unknown levels) are
// refused by the content schema; generic criteria are warnings an approver
// may accept with a reason, as the scope's are.

/** The generic-criteria findings as the kit's checks: each a warning. */
export function riskMethodChecks(content: RiskMethodContent): VersionCheck[] {
  return genericCriteriaWarnings(content).map((w) => ({ severity: 'warning', ...w }));
}

/** Items matched by id (or scale value); the matrix cell by cell, since its rows are positional. */
function compareMethods(before: RiskMethodContent, after: RiskMethodContent): VersionChange[] {
  const changes = diffContent(
    { ...before, matrix: [] },
    { ...after, matrix: [] },
    {
      lists: {
        likelihood: (p: { value: number }) => String(p.value),
        impact: (p: { value: number }) => String(p.value),
        impactDimensions: (d: { id: string }) => d.id,
        levels: (l: { id: string }) => l.id,
        riskSources: (s: { id: string }) => s.id,
      },
    },
  );
  const rows = Math.max(before.matrix.length, after.matrix.length);
  for (let l = 0; l < rows; l++) {
    const cols = Math.max(before.matrix[l]?.length ?? 0, after.matrix[l]?.length ?? 0);
    for (let i = 0; i < cols; i++) {
      const b = before.matrix[l]?.[i] ?? null;
      const a = after.matrix[l]?.[i] ?? null;
      if (b === a) continue;
      changes.push({
        field: `matrix.${l}.${i}`,
        change: b === null ? 'added' : a === null ? 'removed' : 'changed',
        before: b,
        after: a,
      });
    }
  }
  return changes;
}

export const riskMethod = defineVersionedRecord({
  table: 'risk_method_versions',
  entityType: 'risk-method',
  label: 'risk method',
  content: riskMethodSchema,
  // the risks already assessed, as counts per cell: what a new method changes for them
  context: (db, orgId) => riskScoreFacts(db, orgId),
  checks: (content, facts) => [...riskMethodChecks(content), ...riskScoreChecks(content, facts)],
  // a superseded version changes nothing any more: its generic-criteria checks only
  derive: ({ content, status }, facts) => ({
    checks: [...riskMethodChecks(content), ...(status === 'superseded' ? [] : riskScoreChecks(content, facts))],
  }),
  diff: compareMethods,
  // The register stores each risk's levels as the method in force gives them
  // (lists sort and filter on an index): a write that changes the method in
  // force re-scores them in the same transaction.
  afterWrite: async (tx, orgId) => {
    await rescoreRisks(tx, orgId, (await effectiveRiskMethod(tx, orgId)).content);
  },
});

/** Stored content as saved: it passed the structural checks then, so the plain schema reads it. */
const storedMethod = jsonColumn(riskMethodContentSchema);

export interface EffectiveRiskMethod {
  content: RiskMethodContent;
  /** the version it comes from; null for the built-in default */
  version: number | null;
  status: 'approved' | 'draft' | 'default';
}

const currentMethodRows = queryTemplate(['orgId'], (db, p) =>
  db
    .selectFrom('risk_method_versions')
    .select(['version', 'status', 'content'])
    .where('org_id', '=', p.orgId)
    .where('status', 'in', ['approved', 'draft']),
);

/**
 * The method risks are scored with: the approved version, else the draft
 * being written, else the built-in AI-specific default, so a risk can be
 * scored from the first day.
 */
export async function effectiveRiskMethod(db: Executor, orgId: string): Promise<EffectiveRiskMethod> {
  // One light query (no approver join, no checks): the risk register asks on every write and list.
  const rows = await currentMethodRows.run(db, { orgId });
  const row = rows.find((r) => r.status === 'approved') ?? rows.find((r) => r.status === 'draft');
  if (!row) return { content: DEFAULT_RISK_METHOD, version: null, status: 'default' };
  return { content: storedMethod.read(row.content), version: row.version, status: row.status as 'approved' | 'draft' };
}
