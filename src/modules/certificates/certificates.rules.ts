// Pure rules of certification decisions and certificates: what blocks a
// "granted" decision, the six-month warning on a Stage 2 major (rule C), the
// cycle a granted decision starts, a certificate's status as shown (expired is
// derived), the cycle timeline and the surveillance reminder windows.
import { addDays, anniversary } from '../../platform/dates.js';
import { initialCycle, majorVerifyBy, renewCycle } from './certificates.cycle.js';

export const DECISION_OUTCOMES = ['granted', 'refused', 'deferred'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
/** the audits a certification decision follows (Stage 1 is never decided on) */
export const DECIDABLE_AUDIT_TYPES = ['stage-2', 'recertification', 'special'] as const;
export const STORED_STATUSES = ['valid', 'suspended', 'withdrawn'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];
export type ShownStatus = StoredStatus | 'expired';
export const IAF_MLA_ANSWERS = ['yes', 'no', 'unknown'] as const;
export const CERTIFICATION_STANDARD = 'ISO/IEC 42001:2023';
export const IAF_CERTSEARCH_URL = 'https://www.iafcertsearch.org';

/** What uniqueness and the public lookup compare: trimmed, case-insensitive. */
export const numberKey = (n: string) => n.trim().toLowerCase();

/** The status a reader sees: past its expiry date a certificate is expired, unless it was withdrawn. */
export function shownStatus(stored: StoredStatus, expiryDate: string, today: string): ShownStatus {
  return stored !== 'withdrawn' && expiryDate < today ? 'expired' : stored;
}

/** Only a valid, unexpired certificate lets anything call the organization certified. */
export const isCertified = (s: ShownStatus) => s === 'valid';

export interface AuditLike {
  id: string;
  type: string;
  status: string;
  startDate: string;
  endDate: string;
}

export interface FindingLike {
  auditId: string;
  grade: string;
  nonconformity: { number: string; closed: boolean; closedOn: string | null } | null;
}

/**
 * The audits whose major findings must be closed before "granted": the audit
 * decided on and, for an initial certification (a Stage 2), the latest Stage 1
 * held before it (the same cycle).
 */
export function auditsToClear(audit: AuditLike, all: AuditLike[]): string[] {
  if (audit.type !== 'stage-2') return [audit.id];
  const stage1 = all
    .filter((a) => a.type === 'stage-1' && a.status !== 'cancelled' && a.startDate <= audit.startDate)
    .sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0];
  return stage1 ? [audit.id, stage1.id] : [audit.id];
}

/** The nonconformity numbers of major findings not closed (a major without one counts as open). */
export function openMajors(findings: FindingLike[]): string[] {
  return findings
    .filter((f) => f.grade === 'major' && !f.nonconformity?.closed)
    .map((f) => f.nonconformity?.number ?? 'a major finding without a nonconformity');
}

/**
 * Rule C: a major from Stage 2 not verified (its nonconformity closed) within
 * six months of the last day of Stage 2 means another Stage 2 first.
 */
export function ruleCWarning(stage2End: string, stage2Findings: FindingLike[], decidedOn: string): string | null {
  const by = majorVerifyBy(stage2End);
  const late = stage2Findings.filter(
    (f) => f.grade === 'major' && (f.nonconformity?.closed ? (f.nonconformity.closedOn ?? '') > by : decidedOn > by),
  );
  if (late.length === 0) return null;
  const names = late.map((f) => f.nonconformity?.number ?? 'a major finding').join(', ');
  return `${names} from Stage 2 ${late.length === 1 ? 'was' : 'were'} not verified by ${by} (six months after Stage 2 ended): another Stage 2 is required before certification.`;
}

export interface DecisionCycle {
  /** initial: the first cycle; renewed, restored, new-certification: rule B */
  outcome: 'initial' | 'renewed' | 'restored' | 'new-certification';
  validFrom: string;
  expiry: string;
  uncertified: { from: string; to: string } | null;
  surveillance: { number: 1 | 2; dueBy: string }[];
  recertificationDecisionBy: string;
  majorNonconformityVerifyBy: string | null;
}

/** The first day of the three-year cycle that ends on `expiry` (the anniversaries count from it). */
export const cycleStartOf = (expiry: string) => anniversary(addDays(expiry, 1), -3);

/** The cycle a granted decision starts: rule A for a first certificate, rule B after a previous one. */
export function decisionCycle(decidedOn: string, stage2End: string | null, previousExpiry: string | null): DecisionCycle {
  if (!previousExpiry) {
    const c = initialCycle(decidedOn, stage2End);
    return { outcome: 'initial', validFrom: decidedOn, uncertified: null, ...c };
  }
  const r = renewCycle(previousExpiry, decidedOn);
  const start = cycleStartOf(r.expiry);
  return {
    outcome: r.outcome,
    validFrom: r.validFrom,
    expiry: r.expiry,
    uncertified: r.uncertified,
    surveillance: [
      { number: 1, dueBy: anniversary(start, 1) },
      { number: 2, dueBy: anniversary(start, 2) },
    ],
    recertificationDecisionBy: r.expiry,
    majorNonconformityVerifyBy: stage2End ? majorVerifyBy(stage2End) : null,
  };
}

export type TimelineKind = 'decision' | 'surveillance' | 'recertification' | 'expiry';
export type TimelineState = 'done' | 'due' | 'overdue';

export interface TimelineItem {
  kind: TimelineKind;
  number: number | null;
  label: string;
  /** the decision's date, or the date the item is due by */
  date: string;
  state: TimelineState;
  /** the audit (or decision) that did it */
  doneBy: { auditId: string | null; date: string } | null;
}

/**
 * The cycle of one certificate, from the audits actually held: surveillance n
 * is done by the n-th completed surveillance audit ending inside the cycle,
 * the recertification by a granted decision on a recertification audit.
 */
export function cycleTimeline(
  input: {
    decidedOn: string;
    expiryDate: string;
    audits: AuditLike[];
    /** granted recertification decisions of the organization */
    renewals: { decidedOn: string; auditId: string }[];
  },
  today: string,
): TimelineItem[] {
  const start = cycleStartOf(input.expiryDate);
  const held = input.audits
    .filter((a) => a.type === 'surveillance' && a.status === 'completed' && a.endDate >= start && a.endDate <= input.expiryDate)
    .sort((a, b) => (a.endDate < b.endDate ? -1 : 1));
  const state = (done: boolean, due: string): TimelineState => (done ? 'done' : due < today ? 'overdue' : 'due');
  const items: TimelineItem[] = [
    {
      kind: 'decision',
      number: null,
      label: 'Certification decision',
      date: input.decidedOn,
      state: 'done',
      doneBy: { auditId: null, date: input.decidedOn },
    },
  ];
  for (const n of [1, 2] as const) {
    const dueBy = anniversary(start, n);
    const audit = held[n - 1];
    items.push({
      kind: 'surveillance',
      number: n,
      label: `Surveillance audit ${n}`,
      date: dueBy,
      state: state(!!audit, dueBy),
      doneBy: audit ? { auditId: audit.id, date: audit.endDate } : null,
    });
  }
  const renewal = input.renewals
    .filter((r) => r.decidedOn > input.decidedOn)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : 1))[0];
  items.push({
    kind: 'recertification',
    number: null,
    label: 'Recertification decision',
    date: input.expiryDate,
    state: state(!!renewal, input.expiryDate),
    doneBy: renewal ? { auditId: renewal.auditId, date: renewal.decidedOn } : null,
  });
  items.push({
    kind: 'expiry',
    number: null,
    label: 'Certificate expires',
    date: input.expiryDate,
    state: renewal ? 'done' : input.expiryDate < today ? 'overdue' : 'due',
    doneBy: null,
  });
  return items;
}

/** The first surveillance or recertification not done yet, by date. */
export function nextDueItem(items: TimelineItem[]): TimelineItem | null {
  return (
    items
      .filter((i) => (i.kind === 'surveillance' || i.kind === 'recertification') && i.state !== 'done')
      .sort((a, b) => (a.date < b.date ? -1 : 1))[0] ?? null
  );
}

/** Reminders go 90 and 30 days before a due date: which one is current, null outside both. */
export function reminderWindow(dueBy: string, today: string): '90d' | '30d' | null {
  if (dueBy < today) return null;
  if (dueBy <= addDays(today, 30)) return '30d';
  if (dueBy <= addDays(today, 90)) return '90d';
  return null;
}
