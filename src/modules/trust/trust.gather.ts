import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { certificateSummary } from '../certificates/index.js';
import { listCertificationAuditRefs } from '../certification-audits/index.js';
import { coreSet, documentSummary } from '../documents/index.js';
import { gapProgress } from '../gap/index.js';
import { incidentSummary } from '../incidents/index.js';
import { internalAuditSummary } from '../internal-audits/index.js';
import { countInScopeAiSystems, inScopeAiSystems, inScopeSupplierNames, inventorySummary } from '../inventory/index.js';
import { managementReviewSummary } from '../management-reviews/index.js';
import { monitoringSummary } from '../monitoring/index.js';
import { nonconformitySummary } from '../nonconformities/index.js';
import { getProfile } from '../organizations/index.js';
import { riskRegisterSummary } from '../risks/index.js';
import { governanceRoles, roleHolder } from '../roles/index.js';
import { supplierReviewSummary } from '../suppliers/index.js';
import { trainingSummary } from '../training/index.js';
import type { BuyerFacts } from './trust.answers.js';
import type { DriverKey, OrgFacts, PlannedAudit } from './trust.rules.js';

// Gathers what the timeline and the buyer answers are written from, asking
// each module through its index.ts.

export async function gatherTimelineFacts(db: Executor, orgId: string, today = todayUtc()) {
  const inventoryRead = inventorySummary(db, orgId);
  const risksRead = riskRegisterSummary(db, orgId);
  // the core set reuses the inventory and register summaries read here
  const docsRead = Promise.all([inventoryRead, risksRead]).then(async ([inventory, risks]) =>
    documentSummary(db, orgId, today, await coreSet(db, orgId, { inventory, risks })),
  );
  const [profile, inScope, aiSuppliers, gap, docs, inventory, risks, training, audits, reviews, ncs, certAudits] =
    await Promise.all([
      getProfile(db, orgId),
      countInScopeAiSystems(db, orgId),
      inScopeSupplierNames(db, orgId),
      gapProgress({ db, orgId }),
      docsRead,
      inventoryRead,
      risksRead,
      trainingSummary(db, orgId, today),
      internalAuditSummary(db, orgId, today),
      managementReviewSummary(db, orgId, today),
      nonconformitySummary(db, orgId, today),
      listCertificationAuditRefs(db, orgId),
    ]);
  const org: OrgFacts = {
    employees: profile.employeeCount,
    sites: profile.sites.length,
    aiSystemsInScope: inScope.inScope,
    suppliers: aiSuppliers.length,
  };
  const openGap = (gap?.actions ?? []).filter((a) => a.status !== 'done');
  const counts: Record<DriverKey, number> = {
    gapActionsSmall: openGap.filter((a) => a.effort === 'S').length,
    gapActionsMedium: openGap.filter((a) => a.effort === 'M').length,
    gapActionsLarge: openGap.filter((a) => a.effort === 'L').length,
    documentsNotApproved: docs.draft + docs.inReview + docs.coreSet.missing,
    inventoryFlags: Object.values(inventory.missing).reduce((s, v) => s + v, 0) + inventory.namedInScopeMissing,
    risksWithoutTreatment: risks.aboveThresholdUntreated + risks.inScopeWithoutRisk,
    noInternalAudit: audits.lastReportedAt ? 0 : 1,
    noManagementReview: reviews.lastApprovedAt ? 0 : 1,
    trainingsMissing: training.missing + training.overdue,
    openNonconformities: ncs.open,
  };
  // the latest Stage 1 and Stage 2 not cancelled: a date in the diary beats a forecast
  const latest = (type: 'stage-1' | 'stage-2'): PlannedAudit | null => {
    const a = certAudits.filter((x) => x.type === type && x.status !== 'cancelled').at(-1);
    return a ? { number: a.number, startDate: a.startDate, status: a.status } : null;
  };
  return { org, counts, planned: { stage1: latest('stage-1'), stage2: latest('stage-2') } };
}

export async function gatherBuyerFacts(db: Executor, orgId: string, now = new Date()): Promise<BuyerFacts> {
  const [inScope, aiSuppliers, inventory, roles, escalation, risks, suppliers, monitoring, incidents, certs] = await Promise.all([
    inScopeAiSystems(db, orgId),
    inScopeSupplierNames(db, orgId),
    inventorySummary(db, orgId),
    governanceRoles(db, orgId),
    roleHolder(db, orgId, 'incident-escalation'),
    riskRegisterSummary(db, orgId),
    supplierReviewSummary(db, orgId),
    monitoringSummary(db, orgId, now),
    incidentSummary(db, orgId, now),
    certificateSummary(db, orgId),
  ]);
  const s = risks.byStatus;
  const cert = certs.certificate;
  return {
    aiSystems: inScope.map((x) => ({ name: x.name, purpose: x.purpose ?? '' })),
    aiSystemsTotal: inventory.total,
    roles: roles.map((r) => ({ key: r.key, name: r.name, holder: r.holder?.name ?? null, vacant: r.vacant })),
    riskMethod: { status: risks.method.status, version: risks.method.version },
    risks: {
      total: risks.total,
      treated: (s.treating ?? 0) + (s.accepted ?? 0) + (s.closed ?? 0),
      aboveThresholdUntreated: risks.aboveThresholdUntreated,
      reviewOverdue: risks.reviewOverdue,
      inScopeWithoutRisk: risks.inScopeWithoutRisk,
    },
    suppliers: { ...suppliers, aiSuppliers },
    monitoring,
    incidents: {
      open: incidents.open,
      closedLast90Days: incidents.closedLast90Days,
      notEscalated: incidents.notEscalated,
      escalationOwner: escalation?.name ?? null,
    },
    // only a certificate the organization published is offered to buyers, with its status as it is
    certificate: cert?.published
      ? {
          certificateNumber: cert.certificateNumber,
          issuingBody: cert.issuingBody,
          status: cert.status,
          expiryDate: cert.expiryDate,
        }
      : null,
  };
}
