import { getRequirement } from '../../catalogue/index.js';
import { can, type Role } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/db/db.js';
import { addDays, todayUtc } from '../../platform/dates.js';
import { dateFormat, localeOfCountry } from '../../platform/report/index.js';
import { certificateSummary } from '../certificates/index.js';
import { certificationAuditSummary } from '../certification-audits/index.js';
import { certificationBodySummary } from '../certification-bodies/index.js';
import { concernSummary, concernsDue } from '../concerns/index.js';
import { coreSet, type DocumentSummary, documentSummary, documentsDue } from '../documents/index.js';
import { evidenceDue } from '../evidence/index.js';
import { gapProgress } from '../gap/index.js';
import { incidentSummary, incidentsDue } from '../incidents/index.js';
import { internalAuditSummary, internalAuditsDue } from '../internal-audits/index.js';
import { managementReviewSummary, reviewActionsDue } from '../management-reviews/index.js';
import { monitoringDue, monitoringSummary } from '../monitoring/index.js';
import { reassessmentsDue } from '../impact-assessments/index.js';
import { inventorySummary } from '../inventory/index.js';
import { nonconformitiesDue, nonconformitySummary } from '../nonconformities/index.js';
import { objectivesDue } from '../objectives/index.js';
import { getProfile } from '../organizations/index.js';
import { riskTasksDue } from '../risks/index.js';
import { getScopeOverview } from '../scope/index.js';
import { currentSoa, type SoaCurrent } from '../soa/index.js';
import { supplierReviewsDue, supplierReviewSummary } from '../suppliers/index.js';
import { trainingDue, trainingSummary } from '../training/index.js';
import { describeChange } from './home.changes.rules.js';
import { DUE_SHOWN, dueForPerson } from './home.due.rules.js';
import { recentChanges } from './home.repository.js';
import { nextActions } from './home.actions.js';
import { type HomeFacts, journeySteps, type StepState } from './home.rules.js';
import type { Home } from './home.schemas.js';

/** How far ahead "due" looks. */
const DUE_DAYS = 30;
const RECENT = 10;

/**
 * The facts the journey steps are judged from: the modules' own summaries,
 * run side by side, a fixed number of statements whatever the organization
 * holds. getHome and the readiness rehearsal (journeyStepStates) both read
 * them, so the two never disagree on a step.
 */
async function gatherFacts(db: Executor, orgId: string, today: string, now: Date, given: SharedFacts = {}) {
  const soaRead = given.soa ? Promise.resolve(given.soa) : currentSoa(db, orgId);
  const inventoryRead = given.inventory ? Promise.resolve(given.inventory) : inventorySummary(db, orgId);
  // the core set reuses the SoA and the inventory summary read here, not its own reads of them
  const docsRead =
    given.documents ??
    Promise.all([soaRead, inventoryRead]).then(async ([soa, inventory]) =>
      documentSummary(db, orgId, today, await coreSet(db, orgId, { soa, inventory })),
    );
  const [scope, inventory, suppliers, gap, profile, docs, soa] = await Promise.all([
    getScopeOverview(db, orgId),
    inventoryRead,
    supplierReviewSummary(db, orgId),
    gapProgress({ db, orgId }),
    getProfile(db, orgId),
    docsRead,
    soaRead,
  ]);
  const [training, monitoring, incidents, concerns, audits, reviews, nonconformities] = await Promise.all([
    trainingSummary(db, orgId, today),
    monitoringSummary(db, orgId, now),
    incidentSummary(db, orgId, now),
    concernSummary(db, orgId),
    internalAuditSummary(db, orgId, today),
    managementReviewSummary(db, orgId, today),
    nonconformitySummary(db, orgId, today),
  ]);
  const [bodies, certAudits, certificate] = await Promise.all([
    certificationBodySummary(db, orgId),
    certificationAuditSummary(db, orgId),
    certificateSummary(db, orgId),
  ]);
  const applicable = soa.rows.filter((r) => r.applicable);
  // days in the reasons and due dates as the organization writes them
  const formatDay = dateFormat(localeOfCountry(profile.country)).date;

  const facts: HomeFacts = {
    orgId,
    today,
    formatDay,
    scope: {
      approved: scope.approved ? { version: scope.approved.version, approvedAt: scope.approved.approvedAt } : null,
      draft: scope.draft
        ? { version: scope.draft.version, warnings: scope.draft.checks.filter((c) => c.severity === 'warning').length }
        : null,
    },
    gap: gap && {
      assessmentId: gap.assessment.id,
      title: gap.assessment.title,
      status: gap.assessment.status,
      answered: gap.assessment.answered,
      total: gap.assessment.total,
      score: gap.assessment.overall.score,
      actions: gap.actions,
    },
    inventory: { total: inventory.total, missing: inventory.missing, duplicateGroups: inventory.duplicateGroups },
    suppliers,
    documents: {
      coreTotal: docs.coreSet.total,
      held: docs.coreSet.total - docs.coreSet.missing,
      inForce: docs.coreSet.inForce,
      reviewOverdue: docs.reviewOverdue,
      inReview: docs.inReview,
    },
    controls: {
      soaStarted: soa.status !== 'not-started',
      applicable: applicable.length,
      implemented: applicable.filter((r) => r.implementationStatus === 'implemented').length,
      evidenced: applicable.filter((r) => r.validEvidenceCount > 0).length,
    },
    training,
    audits,
    reviews,
    nonconformities,
    operation: {
      metrics: monitoring.metrics,
      systemsMonitored: monitoring.systemsMonitored,
      openBreaches: monitoring.openBreaches,
      reviewsOverdue: monitoring.reviewsOverdue,
      openIncidents: incidents.open,
      incidentsNotEscalated: incidents.notEscalated,
      concernsToTriage: concerns.open,
    },
    certification: { bodies, audits: certAudits, certificate },
  };
  return { facts, gap, formatDay };
}

/**
 * Summaries a caller has already read for the same request; the steps reuse
 * them instead of reading them again (the readiness rehearsal reads both).
 */
export interface SharedFacts {
  documents?: DocumentSummary;
  inventory?: Awaited<ReturnType<typeof inventorySummary>>;
  soa?: SoaCurrent;
}

/** The 14 journey steps with their state and why, as the home page shows them (the readiness page's strip). */
export async function journeyStepStates(
  db: Executor,
  orgId: string,
  given: SharedFacts = {},
): Promise<{ step: number; id: string; title: string; status: StepState; reason: string }[]> {
  const { facts } = await gatherFacts(db, orgId, todayUtc(), new Date(), given);
  return journeySteps(facts).map((s) => ({ step: s.number, id: s.id, title: s.title, status: s.state, reason: s.reason }));
}

/**
 * The organization's journey at a glance for one member, in one request: the
 * modules' own summaries run side by side, a fixed number of statements
 * whatever the organization holds (test/api/home.test.ts counts them).
 */
export async function getHome(db: Executor, access: { orgId: string; userId: string; role: Role }): Promise<Home> {
  const { orgId } = access;
  const today = todayUtc();
  const until = addDays(today, DUE_DAYS);
  const now = new Date();
  const [{ facts, gap, formatDay }, reviewsDue, changes, objectivesDueSoon] = await Promise.all([
    gatherFacts(db, orgId, today, now),
    supplierReviewsDue(db, orgId, until),
    recentChanges(db, orgId, RECENT),
    objectivesDue(db, orgId, until),
  ]);

  const detail = can(access.role, 'audit');
  return {
    steps: journeySteps(facts),
    nextActions: nextActions(facts),
    due: dueForPerson({
      orgId,
      userId: access.userId,
      today,
      until,
      formatDay,
      gap: gap && {
        assessmentId: gap.assessment.id,
        title: gap.assessment.title,
        status: gap.assessment.status,
        actions: gap.actions,
        answers: gap.answers.map((a) => ({ ...a, requirementTitle: getRequirement(a.requirementId)?.title ?? '' })),
      },
      supplierReviews: reviewsDue,
      reassessments: await reassessmentsDue(db, orgId, until),
      objectives: objectivesDueSoon,
      // only the earliest can be among the items shown
      riskTasks: await riskTasksDue(db, orgId, access.userId, until, DUE_SHOWN),
      documents: await documentsDue(db, orgId, access.userId, today),
      evidence: await evidenceDue(db, orgId, access.userId, today),
      training: await trainingDue(db, orgId, access.userId, today),
      monitoring: await monitoringDue(db, orgId, access.userId, now),
      incidents: await incidentsDue(db, orgId, access.userId),
      // concerns fall to those who triage them
      concerns: can(access.role, 'approve') ? await concernsDue(db, orgId) : [],
      nonconformities: await nonconformitiesDue(db, orgId, access.userId, today),
      audits: await internalAuditsDue(db, orgId, access.userId, today),
      reviewActions: await reviewActionsDue(db, orgId, access.userId, today),
    }),
    recent: changes.map((c) => describeChange(orgId, c, detail)),
    recentDetail: detail ? 'full' : 'summary',
  };
}
