import { ANNEX_A, CLAUSES } from '../../catalogue/index.js';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { resolveLinks } from '../../platform/refs/index.js';
import * as repo from './evidence.repository.js';
import { AREA_LABELS, areaOf, EVIDENCE_AREAS, type EvidenceState, evidenceNumber, evidenceState } from './evidence.rules.js';
import type { Coverage } from './evidence.schemas.js';

// What the evidence covers: per Annex A control and own control, per clause,
// per area, from grouped reads of evidence_counts' day buckets
// (bench/evidence.ts, 100,000 items), and what other modules read of it.

const none = { valid: 0, expiring: 0, expired: 0, total: 0, latestCollectedOn: null };
/** Covered: at least one item that is still valid today (valid or expiring). */
const covered = (c: { valid: number; expiring: number }) => c.valid + c.expiring > 0;

export async function evidenceCoverage(db: Executor, orgId: string, today = todayUtc()): Promise<Coverage> {
  const [controls, requirements, areas] = await Promise.all([
    repo.countsByTarget(db, orgId, 'control', today),
    repo.countsByTarget(db, orgId, 'requirement', today),
    repo.countsByArea(db, orgId, today),
  ]);
  const byControl = new Map(controls.map((c) => [c.targetId, c]));
  const byClause = new Map(requirements.map((c) => [c.targetId, c]));
  const annexIds = new Set(ANNEX_A.map((a) => a.id));
  // Own controls appear once they have evidence, labelled by the SoA (the link kind 'control').
  const ownIds = controls.map((c) => c.targetId).filter((id) => !annexIds.has(id));
  const label = await resolveLinks(
    db,
    orgId,
    ownIds.map((id) => ({ type: 'control', id })),
  );
  const strip = (c: repo.TargetCounts | undefined) => {
    if (!c) return { ...none };
    const { targetId, ...counts } = c;
    return counts;
  };
  const controlRows = [
    ...ANNEX_A.map((a) => ({ controlId: a.id, kind: 'annex-a' as const, title: a.title, ...strip(byControl.get(a.id)) })),
    ...ownIds.sort().map((id) => ({
      controlId: id,
      kind: 'own' as const,
      title: label({ type: 'control', id })?.label ?? id,
      ...strip(byControl.get(id)),
    })),
  ];
  const requirementRows = CLAUSES.map((c) => ({ requirementId: c.id, title: c.title, ...strip(byClause.get(c.id)) }));
  const areaRows = EVIDENCE_AREAS.map((area) => {
    const counts = areas.find((a) => a.area === area);
    const inArea = [
      ...requirementRows.filter((r) => areaOf(r.requirementId) === area),
      ...controlRows.filter((r) => r.kind === 'annex-a' && areaOf(r.controlId) === area),
    ];
    return {
      area,
      label: AREA_LABELS[area],
      items: counts?.total ?? 0,
      valid: counts ? counts.total - counts.expired - counts.expiring : 0,
      requirementsCovered: inArea.filter(covered).length,
      requirementsTotal: inArea.length,
    };
  });
  const sum = (k: 'total' | 'expired' | 'expiring') => areas.reduce((n, a) => n + a[k], 0);
  return {
    today,
    controls: controlRows,
    requirements: requirementRows,
    areas: areaRows,
    totals: {
      items: sum('total'),
      valid: sum('total') - sum('expired') - sum('expiring'),
      expiring: sum('expiring'),
      expired: sum('expired'),
      controlsCovered: controlRows.filter(covered).length,
      controlsTotal: controlRows.length,
      requirementsCovered: requirementRows.filter(covered).length,
      requirementsTotal: requirementRows.length,
    },
  };
}

export interface ControlEvidence {
  count: number;
  /** items still valid today (valid or expiring) */
  valid: number;
  /** the most recently collected, at most 5 */
  items: { id: string; number: string; title: string; validUntil: string | null; state: EvidenceState }[];
}

export const CONTROL_ITEMS_SHOWN = 5;

/** Per control with evidence: its counts and first items (the SoA's rows). */
export async function evidenceForControls(db: Executor, orgId: string, today = todayUtc()) {
  const counts = await repo.countsByTarget(db, orgId, 'control', today);
  const first = await repo.firstItemsFor(
    db,
    orgId,
    'control',
    counts.map((c) => c.targetId),
    CONTROL_ITEMS_SHOWN,
  );
  const out = new Map<string, ControlEvidence>();
  for (const c of counts) out.set(c.targetId, { count: c.total, valid: c.valid + c.expiring, items: [] });
  for (const r of first)
    out.get(r.target_id)?.items.push({
      id: r.id,
      number: evidenceNumber(Number(r.number_seq)),
      title: r.title,
      validUntil: r.valid_until,
      state: evidenceState(r.valid_until, today),
    });
  return out;
}

/** One area's current items and how many of them are valid today (neither expiring nor expired), as coverage counts them. */
export async function evidenceInArea(db: Executor, orgId: string, area: string, today = todayUtc()) {
  const c = (await repo.countsByArea(db, orgId, today)).find((a) => a.area === area);
  return { items: c?.total ?? 0, valid: c ? c.total - c.expired - c.expiring : 0 };
}

/** Figures for the home page and the gap assessment (7.5, 9.1). */
export async function evidenceSummary(db: Executor, orgId: string) {
  const c = await evidenceCoverage(db, orgId);
  const annex = c.controls.filter((r) => r.kind === 'annex-a');
  return {
    ...c.totals,
    annexAWithValidEvidence: annex.filter(covered).length,
    annexATotal: annex.length,
  };
}
export type EvidenceSummary = Awaited<ReturnType<typeof evidenceSummary>>;

/** Items a member owns that expire within 30 days or have expired, soonest first (the home due list). */
export async function evidenceDue(db: Executor, orgId: string, userId: string, today = todayUtc()) {
  const rows = await repo.dueForOwner(db, orgId, userId, today);
  return rows.map((r) => ({
    id: r.id,
    number: evidenceNumber(Number(r.number_seq)),
    title: r.title,
    validUntil: r.valid_until as string,
    state: evidenceState(r.valid_until, today),
  }));
}
