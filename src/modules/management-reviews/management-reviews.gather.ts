import type { Executor } from '../../platform/db/db.js';
import { IMPROVEMENT_SOURCE_LABELS, type ImprovementSource, improvementSummary } from '../improvements/index.js';
import { incidentSummary } from '../incidents/index.js';
import { auditResultsSince } from '../internal-audits/index.js';
import { inventorySummary } from '../inventory/index.js';
import { monitoringSummary } from '../monitoring/index.js';
import { gradeScale, nonconformitySummary } from '../nonconformities/index.js';
import { objectiveSummary } from '../objectives/index.js';
import { riskRegisterSummary } from '../risks/index.js';
import { getScopeOverview } from '../scope/index.js';
import { supplierReviewSummary } from '../suppliers/index.js';
import { trainingSummary } from '../training/index.js';
import { readInputs } from './management-reviews.register.js';
import type { ReviewFacts } from './management-reviews.inputs.js';
import * as repo from './management-reviews.repository.js';
import { reviewNumber } from './management-reviews.rules.js';

// Gathers the facts a review's inputs are compiled from, asking each module
// through its index.ts. The previous approved review sets "since"; its own
// frozen inputs give the numbers to compare with (the AI system count).

export async function gatherFacts(
  db: Executor,
  orgId: string,
  review: { id: string; meetingDate: string },
  resourceNeeds: string,
  now = new Date(),
): Promise<ReviewFacts> {
  const reviewId = review.id;
  const today = now.toISOString().slice(0, 10);
  const prev = await repo.previousApproved(db, orgId, reviewId, review.meetingDate);
  const since = prev?.meeting_date ?? null;
  const prevInventory = readInputs(prev?.inputs ?? null)
    ?.sections.find((s) => s.key === 'ai-systems')
    ?.numbers.find((n) => n.label === 'AI systems');
  const [
    openActions,
    doneSinceLast,
    scope,
    risks,
    monitoring,
    objectives,
    inventory,
    suppliers,
    incidents,
    training,
    improvements,
    ncs,
    grades,
    audits,
  ] = await Promise.all([
    repo.openActionsElsewhere(db, orgId, { reviewId, meetingDate: review.meetingDate }),
    since ? repo.actionsDoneSince(db, orgId, since) : Promise.resolve(0),
    getScopeOverview(db, orgId),
    riskRegisterSummary(db, orgId),
    monitoringSummary(db, orgId, now),
    objectiveSummary(db, orgId),
    inventorySummary(db, orgId),
    supplierReviewSummary(db, orgId),
    incidentSummary(db, orgId, now),
    trainingSummary(db, orgId, today),
    improvementSummary(db, orgId),
    nonconformitySummary(db, orgId, today),
    gradeScale(db, orgId),
    auditResultsSince(db, orgId, since),
  ]);
  return {
    today,
    previous: prev
      ? {
          number: reviewNumber(Number(prev.number_seq)),
          meetingDate: prev.meeting_date,
          inventoryTotal: prevInventory?.value ?? null,
        }
      : null,
    previousActions: {
      open: openActions
        .map((a) => ({
          reviewNumber: reviewNumber(Number(a.number_seq)),
          text: a.text,
          owner: a.owner_name,
          dueDate: a.due_date,
        }))
        .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')),
      doneSinceLast,
    },
    scope: scope.approved ? { version: scope.approved.version, approvedAt: scope.approved.approvedAt } : null,
    risks,
    audits,
    nonconformities: {
      ...ncs,
      byGrade: grades.map((g) => ({ label: g.label, count: ncs.byGrade[g.key] ?? 0 })),
    },
    monitoring,
    objectives,
    inventory,
    suppliers,
    incidents,
    training,
    resourceNeeds,
    improvements: {
      open: improvements.open,
      done: improvements.done,
      bySource: Object.entries(improvements.bySource).map(([k, count]) => ({
        label: IMPROVEMENT_SOURCE_LABELS[k as ImprovementSource] ?? k,
        count,
      })),
    },
  };
}
