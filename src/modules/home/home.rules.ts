// Pure rules of the organization's home page: the state of each journey step
// with its reason in words, and the next best actions, most important first.
// No I/O: the service gathers the facts, these functions judge them.
import {
  type CertificationFacts,
  certificationBodyStep,
  decisionStep,
  stage1Step,
  stage2Step,
  surveillanceStep,
} from './home.certification.js';
import { JOURNEY_STEPS, type StepId } from './home.steps.js';

export type StepState = 'not-started' | 'in-progress' | 'done';

export const INVENTORY_FLAGS = ['owner', 'risk', 'monitoring', 'supplier', 'review'] as const;
export type InventoryFlag = (typeof INVENTORY_FLAGS)[number];

export interface HomeFacts {
  orgId: string;
  /** YYYY-MM-DD, UTC */
  today: string;
  /** a day as the organization writes it (its locale); ISO 8601 when not given */
  formatDay?: (day: string) => string;
  scope: {
    approved: { version: number; approvedAt: string | null } | null;
    draft: { version: number; warnings: number } | null;
  };
  /** the latest gap assessment, null when there is none */
  gap: {
    assessmentId: string;
    title: string;
    status: 'in-progress' | 'completed';
    answered: number;
    total: number;
    /** overall score, 0 to 100 */
    score: number | null;
    actions: { status: 'open' | 'in-progress' | 'done'; dueDate: string }[];
  } | null;
  inventory: { total: number; missing: Record<InventoryFlag, number>; duplicateGroups: number };
  suppliers: { total: number; neverReviewed: number; overdue: number };
  /** the core document set (documents.coreSet): how many are held, and held in force (approved, or a live register) */
  documents?: { coreTotal: number; held: number; inForce: number; reviewOverdue: number; inReview: number };
  /** the SoA's applicable controls, how many are implemented and how many have valid evidence */
  controls?: { soaStarted: boolean; applicable: number; implemented: number; evidenced: number };
  /** required trainings across the members (training.trainingSummary) */
  training?: {
    topics: number;
    people: number;
    required: number;
    complete: number;
    missing: number;
    overdue: number;
    peopleFullyTrained: number;
  };
  /** internal audits (internalAuditSummary) */
  audits?: { planned: number; inProgress: number; reported: number; lastReportedAt: string | null };
  /** management reviews (managementReviewSummary) */
  reviews?: {
    lastApprovedAt: string | null;
    nextPlanned: string | null;
    openActions: number;
    overdueActions: number;
    topManagementSet: boolean;
  };
  /** the nonconformity register (nonconformitySummary) */
  nonconformities?: {
    open: number;
    planOverdue: number;
    evidenceOverdue: number;
    awaitingEffectiveness: number;
    closedLast12Months: number;
    correctiveActionsOverdue: number;
  };
  /** the operation registers: monitoring, incidents and concerns */
  operation?: {
    metrics: number;
    systemsMonitored: number;
    openBreaches: number;
    reviewsOverdue: number;
    openIncidents: number;
    incidentsNotEscalated: number;
    concernsToTriage: number;
  };
  /** steps 9 to 14: the certification bodies, audits and certificate summaries */
  certification?: CertificationFacts;
}

export interface StepView {
  id: StepId;
  number: number;
  title: string;
  state: StepState;
  reason: string;
}

export interface NextAction {
  title: string;
  detail: string;
  href: string;
}

/** "1 AI system", "7 AI systems" */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const day = (iso: string | null, format: (d: string) => string = (d) => d) =>
  iso ? format(iso.slice(0, 10)) : 'an unknown date';

/** What the inventory page flags: missing fields per system, and likely duplicates. */
export function inventoryFlagCount(inv: HomeFacts['inventory']): number {
  return INVENTORY_FLAGS.reduce((sum, f) => sum + inv.missing[f], 0) + inv.duplicateGroups;
}

export function overdueActions(gap: HomeFacts['gap'], today: string): number {
  return gap ? gap.actions.filter((a) => a.status !== 'done' && a.dueDate < today).length : 0;
}

function scopeStep({ scope, formatDay }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (scope.approved) {
    const pending = scope.draft ? `; draft v${scope.draft.version} not approved yet` : '';
    return {
      state: 'done',
      reason: `Scope v${scope.approved.version} approved on ${day(scope.approved.approvedAt, formatDay)}${pending}`,
    };
  }
  if (scope.draft) {
    const warn = scope.draft.warnings ? ` (${count(scope.draft.warnings, 'check')} to look at)` : '';
    return { state: 'in-progress', reason: `Scope draft v${scope.draft.version} not approved yet${warn}` };
  }
  return { state: 'not-started', reason: 'No scope drafted yet' };
}

function gapStep({ gap }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (!gap) return { state: 'not-started', reason: 'No gap assessment yet' };
  const answered = `${gap.answered} of ${gap.total} requirements answered`;
  if (gap.status === 'completed') {
    const score = gap.score === null ? '' : `, overall score ${gap.score}%`;
    return { state: 'done', reason: `“${gap.title}” completed: ${answered}${score}` };
  }
  const complete = gap.answered >= gap.total ? '; not marked complete yet' : '';
  return { state: 'in-progress', reason: `${answered} in “${gap.title}”${complete}` };
}

function inventoryStep({ inventory, suppliers }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (inventory.total === 0) return { state: 'not-started', reason: 'No AI systems in the inventory yet' };
  const flags = inventoryFlagCount(inventory);
  const parts = [
    count(inventory.total, 'AI system'),
    flags ? `${count(flags, 'inventory flag')} to resolve` : 'no inventory flags',
  ];
  if (suppliers.overdue) parts.push(`${count(suppliers.overdue, 'supplier review')} overdue`);
  if (suppliers.neverReviewed) parts.push(`${count(suppliers.neverReviewed, 'supplier')} never reviewed`);
  const done = flags === 0 && suppliers.overdue === 0 && suppliers.neverReviewed === 0;
  if (done) parts.push(suppliers.total ? 'supplier reviews up to date' : 'no suppliers registered');
  return { state: done ? 'done' : 'in-progress', reason: parts.join('; ') };
}

function documentationStep({ documents: d }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (!d || d.held === 0) return { state: 'not-started', reason: 'None of the core AIMS documents is held yet' };
  const parts = [`${d.inForce} of ${d.coreTotal} core documents in force`];
  if (d.held > d.inForce) parts.push(`${d.held - d.inForce} held but not in force yet`);
  if (d.held < d.coreTotal) parts.push(`${d.coreTotal - d.held} missing`);
  if (d.inReview) parts.push(`${count(d.inReview, 'document')} in review`);
  if (d.reviewOverdue) parts.push(`${count(d.reviewOverdue, 'review')} overdue`);
  const done = d.inForce === d.coreTotal && d.reviewOverdue === 0;
  return { state: done ? 'done' : 'in-progress', reason: parts.join('; ') };
}

function controlsStep({ controls: c }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (!c?.soaStarted) return { state: 'not-started', reason: 'No Statement of Applicability yet' };
  const reason = `${c.implemented} of ${count(c.applicable, 'applicable control')} implemented; ${c.evidenced} with valid evidence`;
  const done = c.applicable > 0 && c.implemented === c.applicable && c.evidenced === c.applicable;
  return { state: done ? 'done' : 'in-progress', reason };
}

function trainingStep({ training: t }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (!t || t.topics === 0) return { state: 'not-started', reason: 'No training topics yet' };
  if (t.complete === 0)
    return { state: 'not-started', reason: `No training on record yet; ${count(t.required, 'training')} required` };
  const parts = [`${t.peopleFullyTrained} of ${count(t.people, 'member')} fully trained`];
  if (t.missing) parts.push(`${count(t.missing, 'required training')} not taken`);
  if (t.overdue) parts.push(`${count(t.overdue, 'refresher')} overdue`);
  const done = t.missing === 0 && t.overdue === 0;
  return { state: done ? 'done' : 'in-progress', reason: parts.join('; ') };
}

function internalAuditStep({ audits: a, formatDay }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (!a || a.planned + a.inProgress + a.reported === 0) return { state: 'not-started', reason: 'No internal audit planned yet' };
  const parts: string[] = [];
  if (a.lastReportedAt) parts.push(`Last audit reported on ${day(a.lastReportedAt, formatDay)}`);
  if (a.inProgress) parts.push(`${count(a.inProgress, 'audit')} under way`);
  if (a.planned) parts.push(`${count(a.planned, 'audit')} planned`);
  return { state: a.reported > 0 ? 'done' : 'in-progress', reason: parts.join('; ') };
}

function managementReviewStep({ reviews: r, formatDay }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (!r) return { state: 'not-started', reason: 'No management review yet' };
  const parts: string[] = [];
  if (r.lastApprovedAt) parts.push(`Last review approved on ${day(r.lastApprovedAt, formatDay)}`);
  if (r.nextPlanned) parts.push(`${r.lastApprovedAt ? 'next one' : 'Review'} planned for ${day(r.nextPlanned, formatDay)}`);
  if (r.overdueActions) parts.push(`${count(r.overdueActions, 'action')} overdue`);
  if (parts.length === 0) return { state: 'not-started', reason: 'No management review yet' };
  return { state: r.lastApprovedAt ? 'done' : 'in-progress', reason: parts.join('; ') };
}

function correctiveActionStep({ nonconformities: n }: HomeFacts): Pick<StepView, 'state' | 'reason'> {
  if (!n || n.open + n.closedLast12Months === 0) return { state: 'not-started', reason: 'No nonconformities recorded' };
  if (n.open === 0)
    return {
      state: 'done',
      reason: `${count(n.closedLast12Months, 'nonconformity', 'nonconformities')} closed in the last 12 months, none open`,
    };
  const parts = [`${count(n.open, 'nonconformity', 'nonconformities')} open`];
  if (n.planOverdue) parts.push(`${n.planOverdue} without a corrective action past the plan date`);
  if (n.evidenceOverdue) parts.push(`${n.evidenceOverdue} past the evidence date`);
  if (n.awaitingEffectiveness) parts.push(`${n.awaitingEffectiveness} waiting for the effectiveness check`);
  return { state: 'in-progress', reason: parts.join('; ') };
}

const JUDGES: Record<StepId, (f: HomeFacts) => Pick<StepView, 'state' | 'reason'>> = {
  scope: scopeStep,
  'gap-assessment': gapStep,
  'ai-system-inventory': inventoryStep,
  documentation: documentationStep,
  controls: controlsStep,
  training: trainingStep,
  'internal-audit': internalAuditStep,
  'management-review': managementReviewStep,
  'corrective-actions': correctiveActionStep,
  'certification-body': (f) => certificationBodyStep(f.certification),
  'stage-1-audit': (f) => stage1Step(f.certification, f.formatDay ?? ((d) => d)),
  'stage-2-audit': (f) => stage2Step(f.certification, f.formatDay ?? ((d) => d)),
  'certification-decision': (f) => decisionStep(f.certification, f.formatDay ?? ((d) => d)),
  surveillance: (f) => surveillanceStep(f.certification, f.today, f.formatDay ?? ((d) => d)),
};

/** The 14 steps, each with its state and the reason in words. */
export function journeySteps(facts: HomeFacts): StepView[] {
  return JOURNEY_STEPS.map((step, i) => {
    const { state, reason } = JUDGES[step.id](facts);
    return { id: step.id, number: i + 1, title: step.title, state, reason };
  });
}
