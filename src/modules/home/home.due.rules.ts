// Pure rules of the home page's personal and history lists: what is due for
// the signed-in person, and how an audit-log entry reads as a recent change.

export interface DueItem {
  kind:
    | 'gap-action'
    | 'supplier-review'
    | 'gap-answer'
    | 'objective'
    | 'impact-assessment'
    | 'risk-action'
    | 'risk-review'
    | 'document-acknowledgement'
    | 'document-review'
    | 'evidence-expiry'
    | 'training'
    | 'monitoring-breach'
    | 'monitoring-review'
    | 'incident'
    | 'concern-triage'
    | 'corrective-action'
    | 'nonconformity'
    | 'internal-audit'
    | 'review-action';
  title: string;
  detail: string;
  /** YYYY-MM-DD; null for what has no date (an answer to finish) */
  dueDate: string | null;
  overdue: boolean;
  href: string;
}

type PersonRef = { userId: string | null } | null;

export interface DueInputs {
  orgId: string;
  userId: string;
  today: string;
  /** the last day that counts as due soon */
  until: string;
  /** a day as the organization writes it (its locale); ISO 8601 when not given */
  formatDay?: (day: string) => string;
  gap: {
    assessmentId: string;
    title: string;
    status: 'in-progress' | 'completed';
    actions: { id: string; title: string; owner: PersonRef; dueDate: string; status: string; requirementId: string }[];
    answers: { requirementId: string; requirementTitle: string; status: string; owner: PersonRef }[];
  } | null;
  supplierReviews: { id: string; name: string; nextReviewDate: string; lastReviewerUserId: string | null }[];
  /** approved impact assessments whose AI system changed or whose review is near, with the members each falls to */
  reassessments?: {
    id: string;
    systemName: string;
    reasons: string[];
    nextReviewDate: string | null;
    draftId: string | null;
    userIds: string[];
  }[];
  /** open risk treatment actions and risk reviews due by `until` that fall to this person (risks.riskTasksDue) */
  riskTasks?: {
    kind: 'risk-action' | 'risk-review';
    title: string;
    dueDate: string;
    riskId: string;
    riskNumber: string;
    riskTitle: string;
  }[];
  /** open AI objectives due by `until`, with the member who owns each */
  objectives?: { id: string; title: string; dueDate: string; ownerUserId: string | null }[];
  /** this person's policies to acknowledge and documents to review (documents.documentsDue) */
  documents?: {
    kind: 'acknowledge' | 'review';
    id: string;
    number: string;
    title: string;
    version: number | null;
    dueDate: string | null;
  }[];
  /** evidence this person owns that expires within 30 days or has expired (evidence.evidenceDue) */
  evidence?: { id: string; number: string; title: string; validUntil: string }[];
  /** this person's required trainings missing, past their refresher or expiring (training.trainingDue) */
  training?: {
    topicId: string;
    number: string;
    title: string;
    state: 'missing' | 'overdue' | 'expiring';
    expiresOn: string | null;
  }[];
  /** threshold breaches assigned to this person and metrics of theirs past review (monitoring.monitoringDue) */
  monitoring?: { kind: 'monitoring-breach' | 'monitoring-review'; id: string; metricId: string; title: string; since: string }[];
  /** open incidents escalated to this person (incidents.incidentsDue) */
  incidents?: { id: string; number: string; title: string; severity: string; status: string; since: string }[];
  /** concerns waiting for triage, for those who triage them (concerns.concernsDue) */
  concerns?: { id: string; number: string; raisedAt: string; aiSystemName: string | null }[];
  /** my corrective actions, and nonconformities I own past a deadline (nonconformities.nonconformitiesDue) */
  nonconformities?: {
    kind: 'corrective-action' | 'nonconformity';
    id: string;
    nonconformityId: string;
    number: string;
    title: string;
    dueDate: string;
  }[];
  /** internal audits I audit, starting soon or under way (internalAudits.internalAuditsDue) */
  audits?: { id: string; number: string; title: string; plannedStart: string | null; status: string }[];
  /** my open actions from management reviews (managementReviews.reviewActionsDue) */
  reviewActions?: { id: string; reviewId: string; number: string; text: string; dueDate: string | null }[];
}

const SEVERITY_WORDS: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
const INCIDENT_STATUS_WORDS: Record<string, string> = { open: 'open', contained: 'contained', resolved: 'resolved' };

const ANSWER_WORDS: Record<string, string> = { 'not-started': 'not started', partial: 'partly in place' };

function when(date: string, today: string, format: (d: string) => string = (d) => d): { detail: string; overdue: boolean } {
  return date < today
    ? { detail: `Overdue since ${format(date)}`, overdue: true }
    : { detail: `Due ${format(date)}`, overdue: false };
}

/**
 * What falls to this person: open gap actions assigned to them and due by
 * `until`; supplier reviews due by `until` where they did the latest review
 * (the next one falls to them); and, while the assessment is in progress,
 * the answers they own that are still a gap. Overdue first, then by date,
 * then what has no date.
 */
export function dueForPerson(input: DueInputs, limit = 15): DueItem[] {
  const base = `/orgs/${input.orgId}`;
  const mine = (p: PersonRef) => p?.userId === input.userId;
  const items: DueItem[] = [];
  const { gap } = input;
  if (gap) {
    for (const a of gap.actions) {
      if (!mine(a.owner) || a.status === 'done' || a.dueDate > input.until) continue;
      items.push({
        kind: 'gap-action',
        title: `Gap action: ${a.title}`,
        ...when(a.dueDate, input.today, input.formatDay),
        dueDate: a.dueDate,
        href: `${base}/gap-assessment/${gap.assessmentId}/actions`,
      });
    }
  }
  for (const s of input.supplierReviews) {
    if (s.lastReviewerUserId !== input.userId) continue;
    items.push({
      kind: 'supplier-review',
      title: `Review supplier ${s.name}`,
      ...when(s.nextReviewDate, input.today, input.formatDay),
      dueDate: s.nextReviewDate,
      href: `${base}/suppliers/${s.id}/review`,
    });
  }
  for (const t of input.riskTasks ?? []) {
    items.push({
      kind: t.kind,
      title: t.kind === 'risk-action' ? `Risk treatment: ${t.title}` : `Review risk ${t.riskNumber} ${t.riskTitle}`,
      ...when(t.dueDate, input.today, input.formatDay),
      dueDate: t.dueDate,
      href: `${base}/risks/${t.riskId}`,
    });
  }
  for (const o of input.objectives ?? []) {
    if (o.ownerUserId !== input.userId) continue;
    items.push({
      kind: 'objective',
      title: `AI objective: ${o.title}`,
      ...when(o.dueDate, input.today, input.formatDay),
      dueDate: o.dueDate,
      href: `${base}/objectives/${o.id}`,
    });
  }
  for (const r of input.reassessments ?? []) {
    if (!r.userIds.includes(input.userId)) continue;
    // a material change is due now; otherwise the review date decides
    const date = r.nextReviewDate && (r.nextReviewDate < input.today || r.reasons.length === 0) ? r.nextReviewDate : input.today;
    const timing = when(date, input.today, input.formatDay);
    items.push({
      kind: 'impact-assessment',
      title: `${r.draftId ? 'Finish the reassessment' : 'Reassess the impact'} of ${r.systemName}`,
      detail: r.reasons.length ? r.reasons.join('; ') : timing.detail,
      overdue: timing.overdue,
      dueDate: date,
      href: `${base}/impact-assessments/${r.draftId ? `${r.draftId}/edit` : r.id}`,
    });
  }
  for (const d of input.documents ?? []) {
    if (d.kind === 'acknowledge') {
      items.push({
        kind: 'document-acknowledgement',
        title: `Read and acknowledge ${d.number} ${d.title}`,
        detail: `Version ${d.version} applies to you`,
        dueDate: null,
        overdue: false,
        href: `${base}/documents/${d.id}`,
      });
    } else if (d.dueDate) {
      items.push({
        kind: 'document-review',
        title: `Review ${d.number} ${d.title}`,
        ...when(d.dueDate, input.today, input.formatDay),
        dueDate: d.dueDate,
        href: `${base}/documents/${d.id}`,
      });
    }
  }
  for (const e of input.evidence ?? []) {
    const expired = e.validUntil < input.today;
    items.push({
      kind: 'evidence-expiry',
      title: `Renew evidence ${e.number} ${e.title}`,
      detail: `${expired ? 'Expired on' : 'Valid until'} ${input.formatDay ? input.formatDay(e.validUntil) : e.validUntil}`,
      dueDate: e.validUntil,
      overdue: expired,
      href: `${base}/evidence/${e.id}`,
    });
  }
  // trainings never taken are one item (a new member has them all); refreshers one each
  const untaken = (input.training ?? []).filter((t) => t.state === 'missing');
  if (untaken.length)
    items.push({
      kind: 'training',
      title:
        untaken.length === 1
          ? `Take training ${untaken[0].number} ${untaken[0].title}`
          : `Take ${untaken.length} required trainings`,
      detail:
        untaken.length === 1
          ? 'Required for your roles or team; not on record yet'
          : `Required for your roles or team: ${untaken.map((t) => t.number).join(', ')}`,
      dueDate: null,
      overdue: false,
      href: `${base}/training`,
    });
  for (const t of input.training ?? []) {
    if (t.state === 'missing' || !t.expiresOn) continue;
    const overdue = t.state === 'overdue';
    items.push({
      kind: 'training',
      title: `Renew training ${t.number} ${t.title}`,
      detail: `${overdue ? 'Expired on' : 'Expires on'} ${input.formatDay ? input.formatDay(t.expiresOn) : t.expiresOn}`,
      dueDate: t.expiresOn,
      overdue,
      href: `${base}/training`,
    });
  }
  // what needs someone now (a breach, an incident, a concern) is dated since when, not called overdue
  for (const m of input.monitoring ?? []) {
    const since = m.since.slice(0, 10);
    const breach = m.kind === 'monitoring-breach';
    items.push({
      kind: m.kind,
      title: breach ? `Threshold breached: ${m.title}` : `Review the metric ${m.title}`,
      detail: `${breach ? 'Beyond its threshold since' : 'Review due since'} ${input.formatDay ? input.formatDay(since) : since}`,
      dueDate: since,
      overdue: false,
      href: `${base}/monitoring/metrics/${m.metricId}`,
    });
  }
  for (const i of input.incidents ?? []) {
    const since = i.since.slice(0, 10);
    items.push({
      kind: 'incident',
      title: `Incident ${i.number} ${i.title}`,
      detail: `${SEVERITY_WORDS[i.severity] ?? i.severity} severity, ${INCIDENT_STATUS_WORDS[i.status] ?? i.status}; escalated to you on ${input.formatDay ? input.formatDay(since) : since}`,
      dueDate: since,
      overdue: false,
      href: `${base}/incidents/${i.id}`,
    });
  }
  for (const c of input.concerns ?? []) {
    const raised = c.raisedAt.slice(0, 10);
    items.push({
      kind: 'concern-triage',
      title: `Triage concern ${c.number}${c.aiSystemName ? ` about ${c.aiSystemName}` : ''}`,
      detail: `Raised on ${input.formatDay ? input.formatDay(raised) : raised}`,
      dueDate: raised,
      overdue: false,
      href: `${base}/concerns/${c.id}`,
    });
  }
  for (const n of input.nonconformities ?? []) {
    if (n.dueDate > input.until) continue;
    items.push({
      kind: n.kind,
      title: n.kind === 'corrective-action' ? `Corrective action: ${n.title}` : `Nonconformity ${n.number} ${n.title}`,
      ...when(n.dueDate, input.today, input.formatDay),
      dueDate: n.dueDate,
      href: `${base}/nonconformities/${n.nonconformityId}`,
    });
  }
  for (const a of input.audits ?? []) {
    const starts = a.status === 'planned' && a.plannedStart;
    items.push({
      kind: 'internal-audit',
      title: `Internal audit ${a.number} ${a.title}`,
      detail: starts
        ? `You audit; it starts on ${input.formatDay ? input.formatDay(a.plannedStart as string) : a.plannedStart}`
        : 'You audit; under way',
      dueDate: a.plannedStart,
      overdue: false,
      href: `${base}/internal-audits/${a.id}`,
    });
  }
  for (const r of input.reviewActions ?? []) {
    if (r.dueDate && r.dueDate > input.until) continue;
    items.push({
      kind: 'review-action',
      title: `Management review action: ${r.text}`,
      ...(r.dueDate ? when(r.dueDate, input.today, input.formatDay) : { detail: `From ${r.number}`, overdue: false }),
      dueDate: r.dueDate,
      href: `${base}/management-reviews/${r.reviewId}`,
    });
  }
  if (gap && gap.status === 'in-progress') {
    for (const a of gap.answers) {
      const words = ANSWER_WORDS[a.status];
      if (!mine(a.owner) || !words) continue;
      items.push({
        kind: 'gap-answer',
        title: `Your answer to ${a.requirementId} ${a.requirementTitle}`,
        detail: `Answered as ${words} in “${gap.title}”`,
        dueDate: null,
        overdue: false,
        href: `${base}/gap-assessment/${gap.assessmentId}/answer?req=${encodeURIComponent(a.requirementId)}`,
      });
    }
  }
  const rank = (i: DueItem) => (i.overdue ? 0 : i.dueDate ? 1 : 2);
  return items
    .sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.title.localeCompare(b.title))
    .slice(0, limit);
}

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
