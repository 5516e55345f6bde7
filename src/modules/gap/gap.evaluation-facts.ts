import type { Executor } from '../../platform/db/db.js';
import { todayUtc } from '../../platform/dates.js';
import { improvementSummary } from '../improvements/index.js';
import { internalAuditSummary } from '../internal-audits/index.js';
import { managementReviewSummary } from '../management-reviews/index.js';
import { nonconformitySummary } from '../nonconformities/index.js';

// Facts from the evaluation and improvement modules (9.2, 9.3, 10.1, 10.2):
// internal audits, management reviews, nonconformities and the improvement
// log, keyed like the catalogue's `module` of each requirement. Each answers
// in a fixed number of statements.

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** Internal audits beside 9.2.x: reported, under way, planned. */
export async function internalAuditFacts(db: Executor, orgId: string): Promise<string[]> {
  const a = await internalAuditSummary(db, orgId, todayUtc());
  if (a.planned + a.inProgress + a.reported === 0) return ['No internal audit planned or held yet.'];
  return [
    `${n(a.reported, 'internal audit')} reported${a.lastReportedAt ? `, the last on ${a.lastReportedAt.slice(0, 10)}` : ''}; ${a.inProgress} under way, ${a.planned} planned.`,
  ];
}

/** Management reviews beside 9.3.x: the last approved, the next planned, actions. */
export async function managementReviewFacts(db: Executor, orgId: string): Promise<string[]> {
  const r = await managementReviewSummary(db, orgId, todayUtc());
  const facts = [
    r.lastApprovedAt
      ? `Last management review approved on ${r.lastApprovedAt.slice(0, 10)}.`
      : 'No management review approved yet.',
    `${n(r.openActions, 'review action')} open, ${r.overdueActions} overdue${r.nextPlanned ? `; next review planned for ${r.nextPlanned}` : ''}.`,
  ];
  if (!r.topManagementSet) facts.push('Top management is not named yet (who approves the reviews).');
  return facts;
}

/** Nonconformities and improvements beside 10.1 and 10.2. */
export async function nonconformityFacts(db: Executor, orgId: string): Promise<string[]> {
  const [nc, imp] = await Promise.all([nonconformitySummary(db, orgId, todayUtc()), improvementSummary(db, orgId)]);
  return [
    `${n(nc.open, 'nonconformity', 'nonconformities')} open (${nc.planOverdue} past the plan date, ${nc.evidenceOverdue} past the evidence date, ${nc.awaitingEffectiveness} waiting for the effectiveness check); ${nc.closedLast12Months} closed in the last 12 months.`,
    `${n(nc.correctiveActionsOpen, 'corrective action')} open, ${nc.correctiveActionsOverdue} overdue; ${n(nc.recurring, 'recurring nonconformity', 'recurring nonconformities')}.`,
    `Improvement log: ${imp.open} open, ${imp.done} done.`,
  ];
}

/** The evaluation modules' facts by catalogue module id. */
export async function evaluationFacts(db: Executor, orgId: string): Promise<Record<string, string[]>> {
  const [audit, review, nonconformity] = await Promise.all([
    internalAuditFacts(db, orgId),
    managementReviewFacts(db, orgId),
    nonconformityFacts(db, orgId),
  ]);
  return { 'internal-audit': audit, 'management-review': review, nonconformity };
}
