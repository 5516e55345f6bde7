// Words of the audit programme and its coverage map.

export type AuditMethod = 'interview' | 'document-review' | 'record-sampling' | 'observation' | 'technical-test';

export const METHOD_LABELS: Record<AuditMethod, string> = {
  interview: 'Interviews',
  'document-review': 'Document review',
  'record-sampling': 'Sampling of records',
  observation: 'Observation of work',
  'technical-test': 'Technical testing',
};

/** Internal audit statuses in words; an unknown one reads as it is sent. */
export const AUDIT_STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  reported: 'Reported',
  closed: 'Closed',
};
export const auditStatusLabel = (s: string) => AUDIT_STATUS_LABELS[s] ?? 'Other';

/** Field names as the form and the comparison of versions show them. */
export const FIELD_LABELS: Record<string, string> = {
  cycleStart: 'Cycle start',
  cycleEnd: 'Cycle end',
  'frequency.text': 'Frequency',
  'frequency.auditsPerYear': 'Audits per year',
  methods: 'Methods',
  responsibilities: 'Responsibilities',
  owner: 'Programme owner',
  reporting: 'Reporting of results',
  independence: 'Independence of auditors',
};

/** "Clause 4", "Annex A · A.6" */
export const groupLabel = (kind: 'clause' | 'annex-a', group: string) =>
  kind === 'clause' ? `Clause ${group}` : `Annex A · ${group}`;
