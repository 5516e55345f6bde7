import type { Schemas } from '../../shared/api';

// Words and colours of certification audits, in one place for the list, the
// form and the audit room.

type Audit = Schemas['CertificationAudit'];
export type AuditType = Audit['type'];
export type AuditStatus = Audit['status'];
export type AuditOutcome = Audit['outcome'];
export type TeamRole = Audit['team'][number]['role'];
export type FindingGrade = Schemas['CertificationAuditFinding']['grade'];
export type RequestStatus = Schemas['CertificationAuditRequest']['status'];

export const TYPE_LABELS: Record<AuditType, string> = {
  'stage-1': 'Stage 1',
  'stage-2': 'Stage 2',
  surveillance: 'Surveillance',
  recertification: 'Recertification',
  special: 'Special',
};

export const STATUS_LABELS: Record<AuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
export const STATUS_COLORS: Record<AuditStatus, string> = {
  planned: 'blue',
  'in-progress': 'yellow',
  completed: 'teal',
  cancelled: 'gray',
};

export const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  pending: 'Pending',
  'ready-for-stage-2': 'Ready for Stage 2',
  'not-ready': 'Not ready for Stage 2',
  recommended: 'Recommended for certification',
  'recommended-after-corrections': 'Recommended once corrections are accepted',
  'not-recommended': 'Not recommended',
};
/** Stage 1 concludes on readiness; the other audits on a recommendation. */
export const outcomesFor = (type: AuditType): AuditOutcome[] =>
  type === 'stage-1'
    ? ['pending', 'ready-for-stage-2', 'not-ready']
    : ['pending', 'recommended', 'recommended-after-corrections', 'not-recommended'];

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  lead: 'Lead auditor',
  auditor: 'Auditor',
  'technical-expert': 'Technical expert',
  observer: 'Observer',
};

export const GRADE_LABELS: Record<FindingGrade, string> = {
  major: 'Major nonconformity',
  minor: 'Minor nonconformity',
  observation: 'Observation',
  opportunity: 'Opportunity for improvement',
};
export const GRADE_COLORS: Record<FindingGrade, string> = {
  major: 'red',
  minor: 'orange',
  observation: 'blue',
  opportunity: 'teal',
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'Open',
  answered: 'Answered',
  closed: 'Closed',
};
export const REQUEST_STATUS_COLORS: Record<RequestStatus, string> = { open: 'yellow', answered: 'blue', closed: 'gray' };

/** Kinds of record an answer can link to, as the answer dialog offers them. */
export const LINK_KIND_LABELS: Record<string, string> = {
  'ai-system': 'AI system',
  risk: 'Risk',
  evidence: 'Evidence',
  document: 'Document',
  nonconformity: 'Nonconformity',
  improvement: 'Improvement',
};

export const FIELD_LABELS: Record<string, string> = {
  type: 'Type',
  surveillanceNumber: 'Surveillance',
  certificationBodyId: 'Certification body',
  plannedStart: 'Planned start',
  plannedEnd: 'Planned end',
  actualStart: 'Actual start',
  actualEnd: 'Actual end',
  status: 'Status',
  team: 'Audit team',
  sites: 'Sites visited',
  requirementsSampled: 'Requirements sampled',
  outcome: 'Outcome',
  notes: 'Notes',
};

export const auditTitle = (a: Pick<Audit, 'label'>) => `${a.label} audit`;

const LINK_PATHS: Record<string, string> = {
  'ai-system': 'inventory',
  risk: 'risks',
  evidence: 'evidence',
  document: 'documents',
  nonconformity: 'nonconformities',
  improvement: 'improvements',
  'certification-audit': 'certification-audits',
};
/** The page of a linked record, when the app has one. */
export const linkHref = (orgId: string, type: string, id: string) =>
  LINK_PATHS[type] ? `/orgs/${orgId}/${LINK_PATHS[type]}/${id}` : null;

/** A finding's nonconformity as its register words its state. */
export const NC_STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  'action-planned': 'Actions planned',
  'actions-done': 'Actions done',
  'effectiveness-check': 'Checking effectiveness',
  closed: 'Closed',
};
