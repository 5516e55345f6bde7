import type { Executor } from '../../platform/db/db.js';
import { impactAssessmentFacts } from '../impact-assessments/index.js';
import { type RiskRegisterSummary, riskRegisterSummary } from '../risks/index.js';
import { type SoaSummary, soaSummary } from '../soa/index.js';

// Facts from the planning modules (6.1 to 6.2, 8.2 to 8.4, Annex A.5): the
// risk method and register, the Statement of Applicability and the impact
// assessments, keyed like the
// catalogue's `module` of each requirement. Each module answers in a fixed
// number of statements, whatever the organization holds.

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** The SoA beside 6.1.3: which version is current, what is applicable, excluded and implemented. */
export async function soaFacts(db: Executor, orgId: string, given?: SoaSummary): Promise<string[]> {
  // figures only: the risks and evidence each row lists are not read
  const soa = given ?? (await soaSummary(db, orgId));
  if (soa.status === 'not-started')
    return ['No Statement of Applicability saved yet: all 38 Annex A controls still to be decided.'];
  const by = soa.applicableBy;
  const facts = [
    soa.status === 'approved'
      ? `Statement of Applicability version ${soa.version} approved${soa.approvedAt ? ` on ${soa.approvedAt.slice(0, 10)}` : ''}${
          soa.approverName ? ` by ${soa.approverName}` : ''
        }.`
      : `Statement of Applicability version ${soa.version} is a draft${
          soa.approvedVersion ? ` (version ${soa.approvedVersion.version} is approved)` : ', never approved'
        }.`,
    `${soa.annexA.applicable} of ${soa.annexA.total} Annex A controls applicable, ${
      soa.annexA.total - soa.annexA.applicable
    } excluded; ${n(soa.ownControls, 'own control')}.`,
    `Applicable controls: ${by.implemented} implemented, ${by['partially-implemented']} partially, ${by.planned} planned, ${
      by['not-implemented']
    } not implemented.`,
  ];
  if (soa.excludedTreatingRisks)
    facts.push(`${n(soa.excludedTreatingRisks, 'excluded control')} that a risk's treatment relies on.`);
  return facts;
}

const METHOD: Record<'approved' | 'draft' | 'default', (v: number | null) => string> = {
  approved: (v) => `AI risk method version ${v} approved; risks are scored with it.`,
  draft: (v) => `AI risk method version ${v} is a draft, never approved; risks are scored with the draft.`,
  default: () => "No AI risk method of the organization's own yet: risks are scored with OpenAIMS's default AI-specific method.",
};

/** The risk method and register beside 6.1.1, 6.1.2, 8.2 and 8.3. */
export async function riskFacts(db: Executor, orgId: string, given?: RiskRegisterSummary): Promise<string[]> {
  const r = given ?? (await riskRegisterSummary(db, orgId));
  const facts = [METHOD[r.method.status](r.method.version)];
  if (r.method.genericWarnings)
    facts.push(
      `The method has ${n(r.method.genericWarnings, 'generic-criteria warning')} (AI risk sources, descriptors or impact on people).`,
    );
  if (r.total === 0) facts.push('No AI risks recorded yet.');
  else {
    const s = (k: string) => r.byStatus[k] ?? 0;
    facts.push(
      `${n(r.total, 'current risk')}: ${s('open')} open, ${s('treating')} in treatment, ${s('accepted')} accepted, ${s('closed')} closed; ${r.residualAssessed} with a residual level assessed.`,
      `${r.aboveThresholdUntreated} above the acceptance threshold with neither treatment nor acceptance; ${r.reviewOverdue} with an overdue review.`,
    );
  }
  if (r.inScopeWithoutRisk) facts.push(`${n(r.inScopeWithoutRisk, 'AI system')} in scope with no risk assessed.`);
  return facts;
}

/** Summaries a gathering already read, so they are read once (the core document set needs them too). */
export interface PlanningGiven {
  risks?: RiskRegisterSummary;
  soa?: SoaSummary;
}

/** The planning modules' facts by catalogue module id. */
export async function planningFacts(db: Executor, orgId: string, given: PlanningGiven = {}): Promise<Record<string, string[]>> {
  const [risk, soa, impact] = await Promise.all([
    riskFacts(db, orgId, given.risks),
    soaFacts(db, orgId, given.soa),
    impactAssessmentFacts(db, orgId),
  ]);
  return { risk, soa, 'impact-assessment': impact };
}
