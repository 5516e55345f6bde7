// Pure rules of certification audits: the words for types, statuses and
// outcomes, the CA numbers, what a record must say (dates in order, a
// completed audit with its actual dates and outcome, outcomes that fit the
// type), the window an auditor's access covers, and how a finding's grade
// maps onto the organization's nonconformity grade scale.
import { addDays } from '../../platform/dates.js';

export const CERTIFICATION_AUDIT_TYPES = ['stage-1', 'stage-2', 'surveillance', 'recertification', 'special'] as const;
export type CertificationAuditType = (typeof CERTIFICATION_AUDIT_TYPES)[number];
export const FINDING_GRADES = ['major', 'minor', 'observation', 'opportunity'] as const;
export type FindingGrade = (typeof FINDING_GRADES)[number];
export const AUDIT_STATUSES = ['planned', 'in-progress', 'completed', 'cancelled'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
/** Stage 1 concludes on readiness for Stage 2; the other audits recommend (or not) certification. */
export const STAGE_1_OUTCOMES = ['pending', 'ready-for-stage-2', 'not-ready'] as const;
export const CERTIFICATION_OUTCOMES = ['pending', 'recommended', 'recommended-after-corrections', 'not-recommended'] as const;
export const AUDIT_OUTCOMES = [...new Set([...STAGE_1_OUTCOMES, ...CERTIFICATION_OUTCOMES])] as [string, ...string[]];
export type AuditOutcome = (typeof STAGE_1_OUTCOMES)[number] | (typeof CERTIFICATION_OUTCOMES)[number];
export const TEAM_ROLES = ['lead', 'auditor', 'technical-expert', 'observer'] as const;
export const REQUEST_STATUSES = ['open', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const TYPE_LABELS: Record<CertificationAuditType, string> = {
  'stage-1': 'Stage 1',
  'stage-2': 'Stage 2',
  surveillance: 'Surveillance',
  recertification: 'Recertification',
  special: 'Special',
};

export const certificationAuditNumber = (seq: number) => `CA-${String(seq).padStart(3, '0')}`;

/** CA-012, ca-12 or 12: the sequence number, or null. */
export function parseCertificationAuditNumber(q: string): number | null {
  const m = /^\s*(?:ca-?)?0*(\d{1,9})\s*$/i.exec(q);
  return m ? Number(m[1]) : null;
}

/** "CA-001 Stage 2", "CA-004 Surveillance 1": how links and lists name an audit. */
export function certificationAuditLabel(seq: number, type: CertificationAuditType, surveillanceNumber: number | null) {
  const kind = type === 'surveillance' && surveillanceNumber ? `Surveillance ${surveillanceNumber}` : TYPE_LABELS[type];
  return `${certificationAuditNumber(seq)} ${kind}`;
}

export interface AuditDates {
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
}

/** The audit's days: the actual ones once recorded, else the planned ones. */
export function effectiveDates(d: AuditDates): { startDate: string; endDate: string } {
  return { startDate: d.actualStart ?? d.plannedStart, endDate: d.actualEnd ?? d.actualStart ?? d.plannedEnd };
}

export const outcomesFor = (type: CertificationAuditType): readonly string[] =>
  type === 'stage-1' ? STAGE_1_OUTCOMES : CERTIFICATION_OUTCOMES;

interface FieldError {
  field: string;
  message: string;
}

/** Field errors of a whole audit record (after a patch is merged). */
export function auditErrors(
  a: AuditDates & {
    type: CertificationAuditType;
    surveillanceNumber: number | null;
    status: AuditStatus;
    outcome: string;
  },
): FieldError[] {
  const errors: FieldError[] = [];
  if (a.type === 'surveillance' && a.surveillanceNumber === null)
    errors.push({ field: 'body.surveillanceNumber', message: 'is required for a surveillance audit (1 or 2)' });
  if (a.type !== 'surveillance' && a.surveillanceNumber !== null)
    errors.push({ field: 'body.surveillanceNumber', message: 'is only for surveillance audits' });
  if (a.plannedEnd < a.plannedStart) errors.push({ field: 'body.plannedEnd', message: 'must be on or after the planned start' });
  if (a.actualEnd !== null && a.actualStart === null)
    errors.push({ field: 'body.actualStart', message: 'is required when the actual end is given' });
  if (a.actualEnd !== null && a.actualStart !== null && a.actualEnd < a.actualStart)
    errors.push({ field: 'body.actualEnd', message: 'must be on or after the actual start' });
  if (!outcomesFor(a.type).includes(a.outcome))
    errors.push({
      field: 'body.outcome',
      message: `must be one of ${outcomesFor(a.type).join(', ')} for ${a.type === 'stage-1' ? 'a Stage 1' : 'this'} audit`,
    });
  if (a.status === 'completed') {
    if (a.actualStart === null) errors.push({ field: 'body.actualStart', message: 'is required to complete the audit' });
    if (a.actualEnd === null) errors.push({ field: 'body.actualEnd', message: 'is required to complete the audit' });
    if (a.outcome === 'pending')
      errors.push({ field: 'body.outcome', message: 'is required to complete the audit: record what the audit concluded' });
  }
  return errors;
}

/**
 * The membership window of an auditor's access: from 00:00 UTC on the
 * audit's first day to 00:00 UTC the day after its last day.
 */
export function accessWindow(startDate: string, endDate: string): { startsAt: string; expiresAt: string } {
  return { startsAt: `${startDate}T00:00:00.000Z`, expiresAt: `${addDays(endDate, 1)}T00:00:00.000Z` };
}

export interface ScaleGrade {
  key: string;
  label: string;
  isNonconformity: boolean;
}

/**
 * The organization's grade for a major or minor finding: the grade of that
 * key; else one whose key or label names it; else the most severe (major) or
 * least severe (minor) nonconformity grade of the scale, which lists the most
 * severe first. The note says when the grade was mapped.
 */
export function mapGrade(grade: 'major' | 'minor', scale: ScaleGrade[]): { key: string; note: string | null } | null {
  if (scale.some((g) => g.key === grade)) return { key: grade, note: null };
  const ncs = scale.filter((g) => g.isNonconformity);
  const named = ncs.find((g) => g.key.toLowerCase().includes(grade) || g.label.toLowerCase().includes(grade));
  const pick = named ?? (grade === 'major' ? ncs[0] : ncs[ncs.length - 1]);
  if (!pick) return null;
  return { key: pick.key, note: `The organization's grade scale has no "${grade}" grade; recorded as "${pick.label}".` };
}

/** Requests the organization still has to act on (open) or the auditor to close (answered). */
export const isOpenRequest = (s: RequestStatus) => s === 'open';
