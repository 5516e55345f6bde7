import type { Schemas } from '../../shared/api';

// Words for the internal audit's values: the API's enums are never shown raw.

export type AuditStatus = Schemas['InternalAudit']['status'];
export type ItemResult = NonNullable<Schemas['InternalAuditItem']['result']>;

export const STATUS_LABELS: Record<AuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  reported: 'Reported',
  closed: 'Closed',
};

export const STATUS_COLORS: Record<AuditStatus, string> = {
  planned: 'gray',
  'in-progress': 'blue',
  reported: 'teal',
  closed: 'dark',
};

export const RESULT_LABELS: Record<ItemResult, string> = {
  conforming: 'Conforming',
  nonconformity: 'Nonconformity',
  observation: 'Observation',
  opportunity: 'Opportunity for improvement',
};

/** Short words for the segmented control, where space is tight. */
export const RESULT_SHORT: Record<ItemResult, string> = {
  conforming: 'Conforming',
  nonconformity: 'Nonconformity',
  observation: 'Observation',
  opportunity: 'Opportunity',
};

export const RESULT_COLORS: Record<ItemResult, string> = {
  conforming: 'teal',
  nonconformity: 'red',
  observation: 'yellow',
  opportunity: 'blue',
};

export const AREA_KIND_LABELS: Record<string, string> = {
  'ai-system': 'AI system',
  document: 'Document',
  role: 'Governance role',
  control: 'Control',
  evidence: 'Evidence',
  risk: 'Risk',
  supplier: 'Supplier',
  incident: 'Incident',
  objective: 'AI objective',
  'impact-assessment': 'Impact assessment',
  training: 'Training topic',
};

/** Where a linked record is shown in the app, or null when it has no page of its own. */
export function recordHref(orgId: string, type: string, id: string): string | null {
  const base = `/orgs/${orgId}`;
  const paths: Record<string, string> = {
    'ai-system': `${base}/inventory/${id}`,
    document: `${base}/documents/${id}`,
    role: `${base}/roles/${id}`,
    control: `${base}/soa`,
    evidence: `${base}/evidence/${id}`,
    risk: `${base}/risks/${id}`,
    supplier: `${base}/suppliers/${id}`,
    incident: `${base}/incidents/${id}`,
    objective: `${base}/objectives/${id}`,
    'impact-assessment': `${base}/impact-assessments/${id}`,
    training: `${base}/training/topics/${id}`,
  };
  return paths[type] ?? null;
}

export const DEFAULT_CRITERIA = "ISO/IEC 42001:2023 and the organization's AIMS documents";
