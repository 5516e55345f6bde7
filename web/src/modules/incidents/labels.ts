import type { Incident } from './hooks/useIncidents';

// The incident register's words: statuses, severities and categories are
// shown in these, never as the API's values.

export type Severity = Incident['severity'];
export type IncidentStatus = Incident['status'];
export type DetectedHow = Incident['detectedHow'];
export type HarmCategory = Incident['harmCategories'][number];

export const SEVERITY_LABELS: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const SEVERITY_COLORS: Record<Severity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
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
export const SOURCE_LABELS: Record<Incident['source']['kind'], string> = {
  'monitoring-breach': 'A monitoring threshold breach',
  concern: 'A reported concern',
  manual: 'Recorded by hand',
};
export const FLAG_LABELS: Record<string, string> = { 'not-escalated': 'Not escalated' };

export const INCIDENT_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  aiSystemId: 'AI system',
  detectedAt: 'Detected',
  detectedHow: 'How it was detected',
  severity: 'Severity',
  harmCategories: 'Harm',
  peopleAffected: 'People affected',
  status: 'Status',
  escalation: 'Escalation',
  communications: 'Communications',
  noCommunicationReason: 'Why no communication was needed',
  containment: 'Containment',
  rootCause: 'Root cause',
  lessonsLearned: 'Lessons learned',
  linkedRiskIds: 'Linked risks',
  closedAt: 'Closed',
};

/** What moving to a status still needs, in words (the API's closing rules, shown before the user tries). */
export function statusNeeds(
  i: Pick<Incident, 'severity' | 'containment' | 'rootCause' | 'lessonsLearned' | 'communications' | 'noCommunicationReason'>,
  to: IncidentStatus,
): string[] {
  const needs: string[] = [];
  const blank = (s: string | null) => !s?.trim();
  if (to === 'contained' && blank(i.containment)) needs.push('how the incident was contained');
  if (to !== 'closed') return needs;
  if (blank(i.rootCause)) needs.push('the root cause');
  if (blank(i.lessonsLearned)) needs.push('the lessons learned');
  if ((i.severity === 'high' || i.severity === 'critical') && i.communications.length === 0 && blank(i.noCommunicationReason))
    needs.push(
      `a communication to an interested party, or why none was needed (the incident is ${SEVERITY_LABELS[i.severity].toLowerCase()})`,
    );
  return needs;
}
