import type { Actor } from '../../platform/audit-log/audit-log.js';
import type { Executor } from '../../platform/db/db.js';
import type { Person } from '../../platform/refs/index.js';
import { insertRecord } from '../../platform/register/index.js';
import { type RiskInput, type RiskMethodContent, riskRegister } from '../risks/index.js';
import type { ImpactCategory, StoredImpact } from './impact-assessments.schemas.js';

// A high residual impact belongs in the risk register (6.1.2 and 6.1.4 meet):
// approving an assessment raises one risk per impact whose residual level is
// above the method's acceptance threshold, in the approval's transaction.

const CATEGORY_WORDS: Record<ImpactCategory, string> = {
  fairness: 'Fairness',
  safety: 'Safety',
  privacy: 'Privacy',
  'human-rights': 'Human rights',
  environment: 'Environment',
  economic: 'Economic',
  other: 'Other',
};

/** The method's risk sources an impact category most likely falls under, best first. */
const SOURCES: Record<ImpactCategory, string[]> = {
  fairness: ['fairness'],
  safety: ['safety', 'robustness'],
  privacy: ['privacy', 'security'],
  'human-rights': ['fairness', 'accountability', 'transparency'],
  environment: ['environment'],
  economic: ['accountability', 'robustness'],
  other: ['misuse', 'accountability'],
};

/** A source id the method has in use: the category's own, else the first in use. */
export function sourceFor(m: RiskMethodContent, category: ImpactCategory): string {
  const inUse = m.riskSources.filter((s) => s.inUse).map((s) => s.id);
  return SOURCES[category].find((id) => inUse.includes(id)) ?? inUse[0] ?? SOURCES[category][0];
}

const firstLine = (s: string) => s.trim().split('\n')[0].slice(0, 160);

export function riskFromImpact(
  m: RiskMethodContent,
  a: { id: string; aiSystemId: string; systemName: string; nextReviewDate: string | null; owner: Person | null },
  impact: StoredImpact,
): RiskInput {
  const what = impact.label || firstLine(impact.description) || CATEGORY_WORDS[impact.category];
  return {
    title: `${CATEGORY_WORDS[impact.category]} impact of ${a.systemName}: ${what}`.slice(0, 300),
    aiSystemIds: [a.aiSystemId],
    supplierIds: [],
    sourceCategory: sourceFor(m, impact.category),
    // the assessment keeps the risk's id per impact; the risk says where it came from in words
    cause: `Raised when the impact assessment of ${a.systemName} was approved, for a residual impact above the acceptance threshold.`,
    event: impact.description,
    consequence: impact.mitigations ? `Mitigations in place or planned: ${impact.mitigations}` : '',
    owner: a.owner ? { userId: a.owner.userId, name: a.owner.name, ...(a.owner.email ? { email: a.owner.email } : {}) } : null,
    inherentLikelihood: impact.likelihood as number,
    inherentImpact: impact.severity as number,
    treatmentOption: null,
    residualLikelihood: impact.residualLikelihood,
    residualImpact: impact.residualSeverity,
    acceptance: null,
    nextReviewDate: a.nextReviewDate,
    status: 'open',
  };
}

/** Inserts the risk inside the approval's transaction (audited by the register kit); returns its id. */
export async function insertRisk(tx: Executor, actor: Actor, orgId: string, input: RiskInput): Promise<string> {
  const row = await insertRecord(tx, actor, riskRegister, orgId, input);
  return row.id;
}
