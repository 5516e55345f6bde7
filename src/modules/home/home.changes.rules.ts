// Recent changes on the home page: an audit-log entry described in words a
// person reads ("Ada approved scope v2"), with a link to the record. Pure.

export interface ChangeRow {
  /** the audit-log entry's id */
  id: string;
  at: string;
  actor: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface RecentChange {
  /** the audit-log entry's id */
  id: string;
  at: string;
  text: string;
  /** who made the change; null when the reader's role may not read the audit log */
  actor: string | null;
  href: string | null;
}

/** The kinds of record a recent change may be about (not sign-ins, users or tokens). */
export const RECENT_ENTITY_TYPES = [
  'scope',
  'gap_assessment',
  'gap_answer',
  'gap_action',
  'ai_system',
  'supplier',
  'supplier_review',
  'impact_assessment',
  'objective',
  'objective_progress',
  'risk',
  'risk_treatment_action',
  'governance_role',
  'document',
  'document_version',
  'evidence',
  'organization',
  'organization_profile',
  'organization_settings',
  'membership',
] as const;

const NOUNS: Record<string, string> = {
  scope: 'Scope',
  gap_assessment: 'Gap assessment',
  gap_answer: 'Gap answer',
  gap_action: 'Gap action',
  ai_system: 'AI system',
  supplier: 'Supplier',
  supplier_review: 'Supplier review',
  impact_assessment: 'Impact assessment',
  risk: 'Risk',
  risk_treatment_action: 'Risk treatment action',
  objective: 'AI objective',
  objective_progress: 'AI objective progress',
  governance_role: 'Governance role',
  document: 'Document',
  document_version: 'Document version',
  evidence: 'Evidence',
  organization: 'Organization',
  organization_profile: 'Organization profile',
  organization_settings: 'Organization settings',
  membership: 'Membership',
};

const VERBS: Record<string, string> = {
  create: 'added',
  update: 'changed',
  delete: 'deleted',
  approve: 'approved',
  supersede: 'superseded',
  review: 'reviewed',
  archive: 'archived',
  restore: 'restored',
  prefill: 'pre-filled',
  'merged-into': 'merged into another record',
};

function field(value: unknown, key: string): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/**
 * An audit-log entry as a line of recent changes. With `detail` (roles that
 * may read the audit log) it names the record and who changed it; without,
 * only the kind of record, what happened and when, with the link to the
 * record the reader can open anyway: who did what, and the values, are what
 * the audit permission guards.
 */
export function describeChange(orgId: string, row: ChangeRow, detail: boolean): RecentChange {
  const base = `/orgs/${orgId}`;
  const data = row.after ?? row.before;
  const noun = NOUNS[row.entityType] ?? row.entityType;
  const verb = VERBS[row.action] ?? row.action;
  let label: string | null = null;
  let href: string | null = null;
  switch (row.entityType) {
    case 'scope': {
      const v = field(data, 'version');
      label = v ? `v${v}` : null;
      href = `${base}/scope`;
      break;
    }
    case 'gap_answer': {
      const [assessmentId, requirementId] = row.entityId.split(':');
      label = requirementId ?? null;
      href = `${base}/gap-assessment/${assessmentId}/answer?req=${encodeURIComponent(requirementId ?? '')}`;
      break;
    }
    case 'gap_assessment':
      href = `${base}/gap-assessment/${row.entityId}`;
      break;
    case 'gap_action': {
      const assessmentId = field(data, 'assessmentId');
      href = assessmentId ? `${base}/gap-assessment/${assessmentId}/actions` : null;
      break;
    }
    case 'ai_system':
      href = `${base}/inventory/${row.entityId}`;
      break;
    case 'supplier':
      href = `${base}/suppliers/${row.entityId}`;
      break;
    case 'supplier_review': {
      const supplierId = field(data, 'supplierId');
      href = supplierId ? `${base}/suppliers/${supplierId}` : null;
      break;
    }
    case 'objective':
      href = `${base}/objectives/${row.entityId}`;
      break;
    case 'objective_progress': {
      const objectiveId = field(data, 'objectiveId');
      href = objectiveId ? `${base}/objectives/${objectiveId}` : null;
      break;
    }
    case 'impact_assessment':
      href = `${base}/impact-assessments/${row.entityId}`;
      break;
    case 'risk':
      href = `${base}/risks/${row.entityId}`;
      break;
    case 'risk_treatment_action': {
      const riskId = field(data, 'riskId');
      href = riskId ? `${base}/risks/${riskId}` : null;
      break;
    }
    case 'governance_role':
      href = `${base}/roles/${row.entityId}`;
      break;
    case 'document':
      href = `${base}/documents/${row.entityId}`;
      break;
    case 'document_version': {
      const documentId = field(data, 'key');
      const v = field(data, 'version');
      label = v ? `v${v}` : null;
      href = documentId ? `${base}/documents/${documentId}` : null;
      break;
    }
    case 'evidence':
      href = `${base}/evidence/${row.entityId}`;
      break;
    case 'organization':
    case 'organization_profile':
    case 'organization_settings':
      href = `${base}/profile`;
      break;
    case 'membership':
      href = `${base}/members`;
      break;
  }
  if (row.action === 'delete') href = null;
  // scope versions and requirement ids are not content; record names are
  const name = detail ? (field(data, 'name') ?? field(data, 'title')) : null;
  const what = [noun, label, name ? `“${name}”` : null].filter(Boolean).join(' ');
  return { id: row.id, at: row.at, text: `${what} ${verb}`, actor: detail ? row.actor : null, href };
}
