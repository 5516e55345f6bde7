// Pure rules of the risk register: scoring a risk with the method, who may
// accept it, and what an auditor would flag. The register, the home page and
// the web app read the same answers from here.
import type { Role } from '../../platform/auth/roles.js';
import { isAboveThreshold, levelRank, mayAccept, type RiskMethodContent, scaleError } from './risk-method.rules.js';
import type { RiskComputed, RiskFlagCode } from './risks.schemas.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Scores {
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
}

/** R-001 for 1; more digits once there are a thousand risks. */
export const riskNumber = (seq: number) => `R-${String(seq).padStart(3, '0')}`;

/** The sequence number a search text names ("R-012", "r12", "12"), or null. */
export function parseRiskNumber(q: string): number | null {
  const m = /^\s*(?:r\s*-?\s*)?(\d{1,9})\s*$/i.exec(q);
  return m ? Number(m[1]) : null;
}

/**
 * Levels and ranks (1 = the method's lowest level) of a risk's scores, or
 * the fields that are off the method's scales. Residual likelihood and impact
 * come together or not at all.
 */
export function scoreRisk(
  m: RiskMethodContent,
  s: Scores,
  at = 'body',
): { value: Omit<RiskComputed, 'numberSeq'> | null; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const check = (field: keyof Scores, axis: 'likelihood' | 'impact') => {
    const v = s[field];
    if (v === null) return;
    const message = scaleError(m, axis, v);
    if (message) errors.push({ field: `${at}.${field}`, message });
  };
  check('inherentLikelihood', 'likelihood');
  check('inherentImpact', 'impact');
  check('residualLikelihood', 'likelihood');
  check('residualImpact', 'impact');
  if ((s.residualLikelihood === null) !== (s.residualImpact === null)) {
    const missing = s.residualLikelihood === null ? 'residualLikelihood' : 'residualImpact';
    errors.push({ field: `${at}.${missing}`, message: 'give residual likelihood and impact together, or neither' });
  }
  if (errors.length) return { value: null, errors };
  const level = (l: number, i: number) => m.matrix[l - 1]?.[i - 1] ?? m.levels[0].id;
  const inherentLevel = level(s.inherentLikelihood, s.inherentImpact);
  const inherentRank = levelRank(m, inherentLevel) + 1;
  const residualLevel =
    s.residualLikelihood !== null && s.residualImpact !== null ? level(s.residualLikelihood, s.residualImpact) : null;
  const residualRank = residualLevel ? levelRank(m, residualLevel) + 1 : 0;
  return {
    value: { inherentLevel, inherentRank, residualLevel, residualRank, currentRank: residualRank || inherentRank },
    errors,
  };
}

/** The level the acceptance threshold is compared with: the residual once assessed, else the inherent. */
export const currentLevel = (r: { inherentLevel: string; residualLevel: string | null }) => r.residualLevel ?? r.inherentLevel;

/** Rank (1-based, as stored) of the highest level that needs no acceptance above the threshold. */
export const thresholdRank = (m: RiskMethodContent) => levelRank(m, m.acceptance.maxAcceptableLevel) + 1;

/** The error on acceptedBy when this member's role may not accept a risk at this level, else null. */
export function acceptanceRoleError(m: RiskMethodContent, levelId: string, role: Role | null): string | null {
  if (!role) return 'is not a member of this organization';
  if (mayAccept(m, levelId, role)) return null;
  const threshold = m.levels.find((l) => l.id === m.acceptance.maxAcceptableLevel)?.name ?? m.acceptance.maxAcceptableLevel;
  const level = m.levels.find((l) => l.id === levelId)?.name ?? levelId;
  return `may not accept this risk: its level (${level}) is above the acceptance threshold (${threshold}), and the risk method lets only the role${m.acceptance.acceptAboveBy.length > 1 ? 's' : ''} ${m.acceptance.acceptAboveBy.join(', ')} accept above it; this member's role is ${role}`;
}

/** Status words that contradict the record. */
export function statusErrors(r: { status: string; acceptance: unknown | null }, at = 'body'): FieldProblem[] {
  if (r.status === 'accepted' && !r.acceptance)
    return [{ field: `${at}.status`, message: 'a risk is "accepted" only with an acceptance (who, when, why)' }];
  return [];
}

export interface RiskFlag {
  code: RiskFlagCode;
  field: string;
  message: string;
}

export interface FlagFacts {
  inherentLevel: string;
  residualLevel: string | null;
  accepted: boolean;
  actionCount: number;
  nextReviewDate: string | null;
  status: string;
}

/**
 * What an auditor would ask about one risk: above the acceptance threshold
 * with neither treatment actions nor an acceptance; a review date passed.
 * A closed risk raises neither.
 */
export function riskFlags(m: RiskMethodContent, r: FlagFacts, today: string): RiskFlag[] {
  if (r.status === 'closed') return [];
  const flags: RiskFlag[] = [];
  const level = currentLevel(r);
  if (isAboveThreshold(m, level) && r.actionCount === 0 && !r.accepted) {
    flags.push({
      code: 'above-threshold-untreated',
      field: 'actions',
      message: 'Above the acceptance threshold with no treatment action and no acceptance.',
    });
  }
  if (r.nextReviewDate && r.nextReviewDate < today) {
    flags.push({ code: 'review-overdue', field: 'nextReviewDate', message: `The review due on ${r.nextReviewDate} is overdue.` });
  }
  return flags;
}

/** The next review date a new risk gets when none is given: the method's interval from today. */
export function defaultReviewDate(today: string, months: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** The flag on each in-scope AI system no current risk names: "AI system in scope with no risk assessed", by name. */
export function systemsWithoutRisk<S extends { id: string; name: string }>(unnamed: S[]) {
  return [...unnamed]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({
      code: 'ai-system-without-risk' as const,
      aiSystemId: s.id,
      name: s.name,
      message: `${s.name} is in scope but no risk on it has been assessed.`,
    }));
}

export interface HeatCell {
  likelihood: number;
  impact: number;
  level: string;
  count: number;
}

/** Every cell of the method's matrix with its count; counts on points the scale no longer has are outsideScale. */
export function heatmapCells(m: RiskMethodContent, counts: { likelihood: number; impact: number; count: number }[]) {
  const byCell = new Map<string, number>();
  let outsideScale = 0;
  let total = 0;
  for (const c of counts) {
    total += c.count;
    if (c.likelihood < 1 || c.likelihood > m.likelihood.length || c.impact < 1 || c.impact > m.impact.length)
      outsideScale += c.count;
    else byCell.set(`${c.likelihood}:${c.impact}`, (byCell.get(`${c.likelihood}:${c.impact}`) ?? 0) + c.count);
  }
  const cells: HeatCell[] = [];
  for (let l = 1; l <= m.likelihood.length; l++)
    for (let i = 1; i <= m.impact.length; i++)
      cells.push({ likelihood: l, impact: i, level: m.matrix[l - 1]?.[i - 1] ?? '', count: byCell.get(`${l}:${i}`) ?? 0 });
  return { cells, total, outsideScale };
}
