import type { Executor } from '../../platform/db/db.js';
import { todayUtc } from '../../platform/dates.js';
import { aiSystemsById, countInScopeAiSystems } from '../inventory/index.js';
import { currentAssessments } from './impact-assessments.repository.js';
import { reassessmentReasons } from './impact-assessments.rules.js';
import { basisColumn, raisedRisksColumn } from './impact-assessments.tables.js';

export interface ImpactAssessmentSummary {
  /** AI systems marked in scope */
  inScope: number;
  /** of those, how many have an approved assessment in force */
  inScopeAssessed: number;
  approved: number;
  drafts: number;
  /** approved assessments whose system changed materially or whose review date passed */
  needReassessment: number;
  /** approved assessments whose approval raised at least one risk */
  raisedRisks: number;
}

/** Where the organization stands on impact assessments; a fixed number of statements. */
export async function impactAssessmentSummary(db: Executor, orgId: string): Promise<ImpactAssessmentSummary> {
  // the systems in scope counted off an index, not listed: an inventory holds tens of thousands
  const [rows, { inScope }] = await Promise.all([currentAssessments(db, orgId, null), countInScopeAiSystems(db, orgId)]);
  const approved = rows.filter((r) => r.status === 'approved');
  const systems = await aiSystemsById(
    db,
    orgId,
    approved.map((r) => r.ai_system_id),
  );
  const today = todayUtc();
  return {
    inScope,
    // each current in-scope system with an approved assessment, once
    inScopeAssessed: [...systems.values()].filter((s) => s.inScope && !s.archivedAt).length,
    approved: approved.length,
    drafts: rows.length - approved.length,
    needReassessment: approved.filter((r) => {
      const s = systems.get(r.ai_system_id);
      return s && !s.archivedAt && reassessmentReasons(basisColumn.read(r.basis), s, r.next_review_date, today).length > 0;
    }).length,
    raisedRisks: approved.filter((r) => Object.keys(raisedRisksColumn.read(r.raised_risks)).length > 0).length,
  };
}

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** The summary in words, for the gap assessment's facts beside 6.1.4, 8.4 and A.5. */
export async function impactAssessmentFacts(db: Executor, orgId: string): Promise<string[]> {
  const s = await impactAssessmentSummary(db, orgId);
  if (s.approved + s.drafts === 0) return ['No AI system impact assessment recorded yet.'];
  return [
    `${s.inScopeAssessed} of ${n(s.inScope, 'AI system')} in scope have an approved impact assessment; ${n(s.drafts, 'assessment')} in draft.`,
    `${n(s.needReassessment, 'approved assessment')} ${s.needReassessment === 1 ? 'needs' : 'need'} reassessment (the AI system changed or the review date passed).`,
    `${n(s.raisedRisks, 'approved assessment')} found a residual impact above the acceptance threshold and raised it as a risk.`,
  ];
}
