// Pure rules of what is due for the signed-in person on the home page: their
// tasks across the registers, overdue first, each with a link.

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

/** How many due items the home page shows. */
export const DUE_SHOWN = 15;

/**
 * What falls to this person: open gap actions assigned to them and due by
 * `until`; supplier reviews due by `until` where they did the latest review
 * (the next one falls to them); and, while the assessment is in progress,
 * the answers they own that are still a gap. Overdue first, then by date,
 * then what has no date.
 */
export function dueForPerson(input: DueInputs, limit = DUE_SHOWN): DueItem[] {
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
