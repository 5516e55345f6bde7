// Collects the facts the readiness rules judge, by asking the modules through
// their index.ts: a fixed number of statements whatever the organization
// holds (grouped reads; the evidence sample fetches only the drawn items).
import type { Executor } from '../../platform/db/db.js';
import { addDays } from '../../platform/dates.js';
import { coreSet, documentsPastReview } from '../documents/index.js';
import { controlEvidenceAtPlaces, evidenceInArea, evidenceItemsByIds } from '../evidence/index.js';
import { assessedAiSystemIds } from '../impact-assessments/index.js';
import { reportedAuditScopes } from '../internal-audits/index.js';
import { inScopeSystemFacts, inventorySummaryAndDuplicates } from '../inventory/index.js';
import { latestApprovedReview, managementReviewSummary } from '../management-reviews/index.js';
import { monitoringSummary } from '../monitoring/index.js';
import { nonconformityRecords } from '../nonconformities/index.js';
import { getOrgSettings } from '../organizations/index.js';
import { effectiveRiskMethod, genericCriteriaWarnings, inScopeSystemsWithoutRisk, riskRegisterSummary } from '../risks/index.js';
import { governanceRoles } from '../roles/index.js';
import { getScopeOverview } from '../scope/index.js';
import { currentSoa, type SoaCurrent } from '../soa/index.js';
import { supplierReviewsDue, supplierReviewSummary } from '../suppliers/index.js';
import { competenceCriteriaCount, trainingSummary } from '../training/index.js';
import type { ControlSample, ReadinessFacts } from './readiness.facts.js';
import { drawPositions } from './readiness.sample.rules.js';

/**
 * The evidence sample: applicable controls of the SoA, a seeded draw of
 * places among each control's current items (the SoA counts them), and only
 * the drawn items read.
 */
async function gatherSample(
  db: Executor,
  orgId: string,
  today: string,
  seed: string,
  soa: SoaCurrent,
): Promise<ReadinessFacts['sample']> {
  if (soa.status === 'not-started') return null;
  const applicable = soa.rows.filter((r) => r.applicable);
  const drawn = await controlEvidenceAtPlaces(
    db,
    orgId,
    applicable.map((r) => ({
      controlId: r.controlId,
      count: r.evidenceCount,
      places: drawPositions(r.evidenceCount, seed, r.controlId),
    })),
  );
  const items = await evidenceItemsByIds(db, orgId, [...new Set([...drawn.values()].flat())], today);
  const controls: ControlSample[] = applicable.map((r) => ({
    controlId: r.controlId,
    title: r.title,
    linked: r.evidenceCount,
    items: (drawn.get(r.controlId) ?? []).flatMap((id) => {
      const i = items.get(id);
      return i ? [{ id: i.id, number: i.number, title: i.title, validUntil: i.validUntil, stale: i.state === 'expired' }] : [];
    }),
  }));
  return { seed, controls };
}

/** What the rehearsal and the journey steps both read: read once per evaluation (readiness.service.ts). */
export interface Shared {
  core: Awaited<ReturnType<typeof coreSet>>;
  soa: SoaCurrent;
  inventory: Awaited<ReturnType<typeof inventorySummaryAndDuplicates>>;
  risks: Awaited<ReturnType<typeof riskRegisterSummary>>;
}

export async function readShared(db: Executor, orgId: string): Promise<Shared> {
  const [soa, inventory, risks] = await Promise.all([
    currentSoa(db, orgId),
    inventorySummaryAndDuplicates(db, orgId),
    riskRegisterSummary(db, orgId),
  ]);
  // the core set is told what was just read rather than reading the SoA, inventory and register again
  const core = await coreSet(db, orgId, { soa, inventory: inventory.summary, risks });
  return { core, soa, inventory, risks };
}

export async function gatherReadiness(
  db: Executor,
  orgId: string,
  opts: { today: string; now: Date; seed: string; shared: Shared },
): Promise<ReadinessFacts> {
  const { today, now } = opts;
  const core = opts.shared.core;
  const { duplicates, scopeGaps: missing } = opts.shared.inventory;
  const [scope, pastReview, inScope, method, audits, review, reviewSummary] = await Promise.all([
    getScopeOverview(db, orgId),
    documentsPastReview(db, orgId, today),
    inScopeSystemFacts(db, orgId),
    effectiveRiskMethod(db, orgId),
    reportedAuditScopes(db, orgId),
    latestApprovedReview(db, orgId),
    managementReviewSummary(db, orgId, today),
  ]);
  const [roles, withoutRisk, settings, assessed, operation, monitoring, suppliers, overdue, training, criteria, ncs, sample] =
    await Promise.all([
      governanceRoles(db, orgId),
      inScopeSystemsWithoutRisk(db, orgId),
      getOrgSettings(db, orgId),
      assessedAiSystemIds(db, orgId),
      evidenceInArea(db, orgId, 'operation', today),
      monitoringSummary(db, orgId, now),
      supplierReviewSummary(db, orgId),
      supplierReviewsDue(db, orgId, addDays(today, -1)),
      trainingSummary(db, orgId, today),
      competenceCriteriaCount(db, orgId),
      nonconformityRecords(db, orgId, today),
      gatherSample(db, orgId, today, opts.seed, opts.shared.soa),
    ]);
  const riskSummary = opts.shared.risks;
  return {
    orgId,
    today,
    scope: {
      approved: scope.approved
        ? { id: scope.approved.id, version: scope.approved.version, aiSystems: scope.approved.content.aiSystems.length }
        : null,
      draftVersion: scope.draft?.version ?? null,
      missingFromInventory: missing.map((m) => m.name),
    },
    documents: {
      core: core.map((c) => ({
        key: c.key,
        title: c.title,
        heldAs: c.heldAs,
        // as documentSummary counts "in force": an approved version, or a live register that stands as it is
        inForce: c.heldAs !== 'missing' && (!!c.approvedAt || c.status === 'approved' || c.status === 'active'),
        status: c.status,
        documentIds: c.documentIds,
      })),
      pastReview,
    },
    inventory: { inScope, duplicateGroups: duplicates.map((g) => ({ ids: g.ids, names: g.names })) },
    riskMethod: {
      status: method.status,
      version: method.version,
      warnings: genericCriteriaWarnings(method.content).map((w) => ({ code: w.code, message: w.message })),
    },
    audits: audits.map((a) => ({ id: a.id, number: a.number, title: a.title, requirementIds: a.requirementIds })),
    review,
    reviewActions: { open: reviewSummary.openActions, overdue: reviewSummary.overdueActions },
    roles: roles.map((r) => ({ id: r.id, name: r.name, vacant: r.vacant, holderLeft: r.holderLeft })),
    risks: {
      total: riskSummary.total,
      aboveThresholdUntreated: riskSummary.aboveThresholdUntreated,
      inScopeWithoutRisk: withoutRisk.map((s) => ({ id: s.aiSystemId, name: s.name })),
    },
    riskScale: settings.riskScale,
    impactAssessed: [...assessed],
    lifecycleEvidence: operation,
    monitoring: { metrics: monitoring.metrics },
    suppliers: {
      total: suppliers.total,
      neverReviewed: suppliers.neverReviewed,
      overdue: overdue.map((s) => ({ id: s.id, name: s.name, nextReviewDate: s.nextReviewDate })),
    },
    training: { ...training, criteria },
    nonconformities: ncs,
    sample,
  };
}
