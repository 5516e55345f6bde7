// Pure rules of the incident register: numbering, what closing takes, what an
// auditor would flag, and the timeline an incident tells. The register, the
// reports and the web app read the same answers from here.

export const DETECTED_HOW = ['monitoring', 'user-report', 'concern', 'internal-review', 'supplier', 'audit', 'other'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const HARM_CATEGORIES = [
  'safety',
  'health',
  'fundamental-rights',
  'discrimination',
  'privacy',
  'financial',
  'reputational',
  'environmental',
  'security',
  'other',
] as const;
export const INCIDENT_STATUSES = ['open', 'contained', 'resolved', 'closed'] as const;
export const SOURCE_KINDS = ['monitoring-breach', 'concern', 'manual'] as const;
export const INCIDENT_FLAGS = ['not-escalated'] as const;
/** the governance role (roles module, seeded) whose holder receives new incidents */
export const ESCALATION_ROLE_KEY = 'incident-escalation';

export type Severity = (typeof SEVERITIES)[number];
export type DetectedHow = (typeof DETECTED_HOW)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

export const SEVERITY_LABELS: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'Open',
  contained: 'Contained',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const DETECTED_HOW_LABELS: Record<DetectedHow, string> = {
  monitoring: 'Monitoring',
  'user-report': 'Reported by a user',
  concern: 'Raised as a concern',
  'internal-review': 'Internal review',
  supplier: 'Told by a supplier',
  audit: 'Audit',
  other: 'Other',
};
export const HARM_LABELS: Record<HarmCategory, string> = {
  safety: 'Safety',
  health: 'Health',
  'fundamental-rights': 'Fundamental rights',
  discrimination: 'Discrimination or unfair treatment',
  privacy: 'Privacy and personal data',
  financial: 'Financial loss',
  reputational: 'Reputation',
  environmental: 'Environment',
  security: 'Security',
  other: 'Other harm',
};
export const SOURCE_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  'monitoring-breach': 'A monitoring threshold breach',
  concern: 'A reported concern',
  manual: 'Recorded by hand',
};

/** 1 for low … 4 for critical. */
export const severityRank = (s: Severity) => SEVERITIES.indexOf(s) + 1;

/** INC-001 for 1; more digits once there are a thousand incidents. */
export const incidentNumber = (seq: number) => `INC-${String(seq).padStart(3, '0')}`;

/** The sequence number a search text names ("INC-012", "inc12", "12"), or null. */
export function parseIncidentNumber(q: string): number | null {
  const m = /^\s*(?:inc\s*-?\s*)?(\d{1,9})\s*$/i.exec(q);
  return m ? Number(m[1]) : null;
}

/** A detection time may be at most this far ahead of the server's clock (clock skew of the reporter). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ClosingFacts {
  status: IncidentStatus;
  severity: Severity;
  containment: string;
  rootCause: string;
  lessonsLearned: string;
  communications: unknown[];
  noCommunicationReason: string | null;
}

/**
 * What a status asks of the record (our rules, documented in the module's
 * README note in index.ts):
 * - contained: the containment (what was done to stop the harm) is described;
 * - closed: the root cause and the lessons learned are recorded, and a high or
 *   critical incident has at least one communication to an interested party,
 *   or a reason why none was needed.
 * Resolved asks nothing more than contained does not: fixing may come first.
 */
export function statusErrors(r: ClosingFacts, at = 'body'): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const blank = (s: string | null) => !s?.trim();
  if (r.status === 'contained' && blank(r.containment))
    errors.push({ field: `${at}.containment`, message: 'describe how the incident was contained before marking it contained' });
  if (r.status !== 'closed') return errors;
  if (blank(r.rootCause)) errors.push({ field: `${at}.rootCause`, message: 'record the root cause before closing the incident' });
  if (blank(r.lessonsLearned))
    errors.push({ field: `${at}.lessonsLearned`, message: 'record the lessons learned before closing the incident' });
  if ((r.severity === 'high' || r.severity === 'critical') && r.communications.length === 0 && blank(r.noCommunicationReason))
    errors.push({
      field: `${at}.communications`,
      message: `a ${r.severity} incident needs at least one communication to an interested party, or a reason why none was needed (noCommunicationReason), before closing`,
    });
  return errors;
}

export interface IncidentFlag {
  code: (typeof INCIDENT_FLAGS)[number];
  field: string;
  message: string;
}

/** What an auditor would ask: nobody was told of the incident. */
export function incidentFlags(r: { escalatedTo: unknown | null }): IncidentFlag[] {
  if (r.escalatedTo) return [];
  return [
    {
      code: 'not-escalated',
      field: 'escalation',
      message: 'Not escalated: the incident escalation role is vacant and no one else was named.',
    },
  ];
}
