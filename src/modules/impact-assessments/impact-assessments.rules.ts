// Pure rules of the impact assessment: what it was based on, when the AI
// system has moved on enough to call for a reassessment, and the highest
// residual impact. The risk method arrives as a LevelScale, so these rules
// need no database and no other module.
import type { Basis } from './impact-assessments.schemas.js';

/** The AI system facts a basis is taken from (the inventory's record). */
export interface SystemFacts {
  lifecycleStage: string | null;
  purpose: string;
  intendedUse: string;
  userImpact: string[];
  dataCategories: string[];
  dataSource: string;
  dataSensitivity: string | null;
  riskLevel: string | null;
  suppliers: { supplierId: string; name: string; dependency: string }[];
}

/** The basis of an assessment: the system's facts, lists in a stable order so equal facts compare equal. */
export function basisOf(s: SystemFacts): Basis {
  return {
    lifecycleStage: s.lifecycleStage,
    purpose: s.purpose.trim(),
    intendedUse: s.intendedUse.trim(),
    userImpact: [...s.userImpact].sort(),
    dataCategories: [...s.dataCategories].sort((a, b) => a.localeCompare(b)),
    dataSource: s.dataSource.trim(),
    dataSensitivity: s.dataSensitivity,
    riskLevel: s.riskLevel,
    suppliers: s.suppliers
      .map((x) => ({ supplierId: x.supplierId, name: x.name, dependency: x.dependency }))
      .sort((a, b) => a.supplierId.localeCompare(b.supplierId)),
  };
}

const words = (v: string | null) => (v ? v.replace(/-/g, ' ') : 'not set');
const fold = (v: string) => v.trim().toLowerCase();

function listChange(what: string, before: string[], after: string[]): string | null {
  const was = new Set(before.map(fold));
  const now = new Set(after.map(fold));
  const added = after.filter((x) => !was.has(fold(x)));
  const removed = before.filter((x) => !now.has(fold(x)));
  if (added.length === 0 && removed.length === 0) return null;
  const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''];
  return `${what} changed (${parts.filter(Boolean).join('; ')})`;
}

/**
 * Why an approved assessment no longer fits its AI system: each material
 * change since approval (life-cycle stage, purpose and use, who uses it, its
 * data, its risk level, its suppliers and models), and a passed review date.
 * Empty when it still fits. `current` is null when the system is gone.
 */
export function reassessmentReasons(
  basis: Basis,
  current: SystemFacts | null,
  nextReviewDate: string | null,
  today: string,
): string[] {
  const out: string[] = [];
  if (current) {
    const now = basisOf(current);
    if (now.lifecycleStage !== basis.lifecycleStage) {
      out.push(`Life-cycle stage changed from ${words(basis.lifecycleStage)} to ${words(now.lifecycleStage)}`);
    }
    if (now.purpose !== basis.purpose) out.push('Purpose changed');
    if (now.intendedUse !== basis.intendedUse) out.push('Intended use changed');
    const users = listChange('Who uses it', basis.userImpact.map(words), now.userImpact.map(words));
    if (users) out.push(users);
    const data = listChange('Data categories', basis.dataCategories, now.dataCategories);
    if (data) out.push(data);
    if (now.dataSource !== basis.dataSource) out.push('Data source changed');
    if (now.dataSensitivity !== basis.dataSensitivity) {
      out.push(`Data sensitivity changed from ${words(basis.dataSensitivity)} to ${words(now.dataSensitivity)}`);
    }
    if ((now.riskLevel ?? '').toLowerCase() !== (basis.riskLevel ?? '').toLowerCase()) {
      out.push(`Risk level changed from ${basis.riskLevel ?? 'not set'} to ${now.riskLevel ?? 'not set'}`);
    }
    const supplierKey = (x: Basis['suppliers'][number]) => `${x.supplierId}:${x.dependency}`;
    const label = (x: Basis['suppliers'][number]) => `${x.name || 'a supplier'} (${x.dependency})`;
    const before = new Set(basis.suppliers.map(supplierKey));
    const after = new Set(now.suppliers.map(supplierKey));
    const added = now.suppliers.filter((x) => !before.has(supplierKey(x))).map(label);
    const removed = basis.suppliers.filter((x) => !after.has(supplierKey(x))).map(label);
    if (added.length || removed.length) {
      const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''];
      out.push(`Suppliers or models changed (${parts.filter(Boolean).join('; ')})`);
    }
  }
  if (nextReviewDate && nextReviewDate < today) out.push(`Review was due on ${nextReviewDate}`);
  return out;
}

/** The risk method seen as the assessment needs it. */
export interface LevelScale {
  /** the level of a likelihood and severity pair; null when either is off the scale */
  level(likelihood: number, severity: number): { id: string; name: string } | null;
  /** position in the method's order, 0 the lowest */
  rank(levelId: string): number;
  /** above the method's acceptance threshold */
  above(levelId: string): boolean;
}

export interface RatedLevel {
  id: string;
  name: string;
  aboveThreshold: boolean;
}

/** The level of a pair, null while either is unset. */
export function rate(scale: LevelScale, likelihood: number | null, severity: number | null): RatedLevel | null {
  if (likelihood === null || severity === null) return null;
  const l = scale.level(likelihood, severity);
  return l ? { id: l.id, name: l.name, aboveThreshold: scale.above(l.id) } : null;
}

/** The highest residual level over the impacts (null while none is rated), with the impacts that reach it. */
export function highestResidual(
  impacts: { residualLikelihood: number | null; residualSeverity: number | null }[],
  scale: LevelScale,
): (RatedLevel & { impactIndexes: number[] }) | null {
  let best: (RatedLevel & { impactIndexes: number[] }) | null = null;
  impacts.forEach((i, index) => {
    const r = rate(scale, i.residualLikelihood, i.residualSeverity);
    if (!r) return;
    if (!best || scale.rank(r.id) > scale.rank(best.id)) best = { ...r, impactIndexes: [index] };
    else if (best.id === r.id) best.impactIndexes.push(index);
  });
  return best;
}

/** What an assessment lacks before it can be approved, as field errors. */
export function approvalGaps(a: {
  intendedPurpose: string;
  assessor: unknown;
  impacts: {
    likelihood: number | null;
    severity: number | null;
    residualLikelihood: number | null;
    residualSeverity: number | null;
  }[];
  affectedIndividuals: string[];
  affectedGroups: string[];
  affectedSocieties: string[];
  nextReviewDate: string | null;
}): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (!a.intendedPurpose.trim()) out.push({ field: 'intendedPurpose', message: 'say what the AI system is intended for' });
  if (a.affectedIndividuals.length + a.affectedGroups.length + a.affectedSocieties.length === 0) {
    out.push({ field: 'affectedIndividuals', message: 'name at least one individual, group or society the system affects' });
  }
  if (a.impacts.length === 0) out.push({ field: 'impacts', message: 'assess at least one potential impact' });
  a.impacts.forEach((i, n) => {
    for (const key of ['likelihood', 'severity', 'residualLikelihood', 'residualSeverity'] as const) {
      if (i[key] === null) out.push({ field: `impacts.${n}.${key}`, message: 'must be rated before approval' });
    }
  });
  if (!a.assessor) out.push({ field: 'assessor', message: 'name who assessed it' });
  if (!a.nextReviewDate) out.push({ field: 'nextReviewDate', message: 'set when it is next reviewed' });
  return out;
}
