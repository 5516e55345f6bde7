// Pure rules of the organization's home page: the state of each journey step
// with its reason in words, and the next best actions, most important first.
// No I/O: the service gathers the facts, these functions judge them.
import {
  type CertificationFacts,
  certificationActions,
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

/**
 * The next best actions towards Stage 1, most important first. The weights
 * follow what a Stage 1 auditor looks at first: an approved scope, then a
 * gap assessment and an inventory that exist at all, then the assessment
 * finished, then accountability (owners) and risk for every AI system,
 * supplier reviews (A.10.3), the overdue action plan, and last the finer
 * inventory flags. A step that needs nothing contributes nothing.
 */
export function nextActions(facts: HomeFacts, limit = 5): NextAction[] {
  const base = `/orgs/${facts.orgId}`;
  const { scope, gap, inventory: inv, suppliers } = facts;
  const out: (NextAction & { weight: number })[] = [];
  const add = (weight: number, title: string, detail: string, path: string) =>
    out.push({ weight, title, detail, href: `${base}/${path}` });

  if (!scope.approved && !scope.draft)
    add(
      100,
      'Draft the AIMS scope',
      'Stage 1 starts from the scope: the AI systems, products, sites and departments the management system covers.',
      'scope',
    );
  if (!scope.approved && scope.draft) {
    const warn = scope.draft.warnings ? ` ${count(scope.draft.warnings, 'check')} still warn.` : '';
    add(
      95,
      'Approve the scope draft',
      `Version ${scope.draft.version} is drafted but not approved.${warn} An approved scope is the first thing Stage 1 reviews.`,
      'scope',
    );
  }
  if (!gap)
    add(
      90,
      'Start a gap assessment',
      'Answer each ISO/IEC 42001 requirement against what you have today; the gaps become the action plan.',
      'gap-assessment',
    );
  if (inv.total === 0)
    add(
      85,
      'List your AI systems in the inventory',
      'Add them one by one or import a spreadsheet or CycloneDX file.',
      'inventory',
    );
  if (gap && gap.status === 'in-progress') {
    const left = gap.total - gap.answered;
    if (left > 0)
      add(
        80,
        `Answer the gap assessment's remaining ${count(left, 'requirement')}`,
        `${gap.answered} of ${gap.total} answered in “${gap.title}”.`,
        `gap-assessment/${gap.assessmentId}/answer?filter=unanswered`,
      );
    else
      add(
        80,
        'Complete the gap assessment',
        `Every requirement of “${gap.title}” is answered; mark it complete on its dashboard.`,
        `gap-assessment/${gap.assessmentId}`,
      );
  }
  const m = inv.missing;
  if (m.owner)
    add(
      75,
      `Give owners to ${count(m.owner, 'AI system')}`,
      'Each AI system needs a business and a technical owner: Stage 1 asks who is accountable.',
      'inventory?missing=owner',
    );
  if (m.risk)
    add(
      70,
      `Give risk ratings to ${count(m.risk, 'AI system')}`,
      "Rate each AI system on the organization's risk scale.",
      'inventory?missing=risk',
    );
  if (suppliers.overdue)
    add(
      65,
      `Review ${count(suppliers.overdue, 'overdue supplier')}`,
      'Their AI-specific review (A.10.3) is past its date.',
      'suppliers?overdue=true',
    );
  if (suppliers.neverReviewed)
    add(
      60,
      `Review ${count(suppliers.neverReviewed, 'supplier')} never reviewed`,
      'No AI-specific review (A.10.3) is on record for them yet.',
      'suppliers',
    );
  const late = overdueActions(gap, facts.today);
  if (gap && late)
    add(
      55,
      `Catch up on ${count(late, 'overdue gap action')}`,
      `The action plan of “${gap.title}” has actions past their due date.`,
      `gap-assessment/${gap.assessmentId}/actions`,
    );
  if (inv.duplicateGroups)
    add(
      50,
      `Resolve ${count(inv.duplicateGroups, 'likely duplicate')} in the inventory`,
      'Merge the records that describe the same AI system.',
      'inventory',
    );
  if (m.monitoring)
    add(
      45,
      `Describe how ${count(m.monitoring, 'AI system is', 'AI systems are')} monitored`,
      'A monitoring method for each AI system.',
      'inventory?missing=monitoring',
    );
  if (m.supplier)
    add(
      40,
      `Name the supplier of ${count(m.supplier, 'third-party AI system')}`,
      'A third-party SaaS system should name the supplier it depends on.',
      'inventory?missing=supplier',
    );
  if (m.review)
    add(
      35,
      `Review ${count(m.review, 'AI system')} not reviewed within the review interval`,
      "The organization's settings give the interval.",
      'inventory?missing=review',
    );
  if (scope.approved && scope.draft)
    add(
      30,
      `Approve or discard scope draft v${scope.draft.version}`,
      `Version ${scope.approved.version} stays in force until then.`,
      'scope',
    );
  // Steps 4 and 5: the core documents, then controls put in place with evidence.
  const d = facts.documents;
  if (d && d.held < d.coreTotal)
    add(
      28,
      `Write or upload ${count(d.coreTotal - d.held, 'missing core document')}`,
      'Stage 1 reads the core AIMS documents; start one from a template or upload what you have.',
      'documents',
    );
  if (d?.reviewOverdue)
    add(
      27,
      `Review ${count(d.reviewOverdue, 'document')} past its review date`,
      'A document past its review date reads as one nobody follows.',
      'documents?flagged=true',
    );
  if (d && d.held > d.inForce)
    add(
      25,
      `Bring ${count(d.held - d.inForce, 'core document')} into force`,
      'Held but not in force: a draft waiting for approval, or a register with a gap (a governance role nobody holds).',
      'documents',
    );
  const c = facts.controls;
  if (c?.soaStarted && c.implemented < c.applicable)
    add(
      22,
      `Implement ${count(c.applicable - c.implemented, 'applicable control')}`,
      'The Statement of Applicability says how each one is, or will be, put in place.',
      'soa',
    );
  if (c?.soaStarted && c.evidenced < c.applicable)
    add(
      20,
      `Collect evidence for ${count(c.applicable - c.evidenced, 'applicable control')}`,
      'Stage 2 samples records that show each control working; link them to the control.',
      'evidence/coverage',
    );
  // Operation: what is wrong now comes before what is missing (incidents, concerns, breaches).
  const op = facts.operation;
  if (op?.incidentsNotEscalated)
    add(
      68,
      `Escalate ${count(op.incidentsNotEscalated, 'open AI incident')}`,
      'Nobody holds the role incidents are escalated to: name a holder, then escalate the incident.',
      'incidents?flag=not-escalated',
    );
  if (op?.concernsToTriage)
    add(
      64,
      `Triage ${count(op.concernsToTriage, 'concern')} raised about AI systems`,
      'Decide for each: an incident, a risk, or closed with a reason; the person who raised it sees the outcome.',
      'concerns',
    );
  if (op?.openBreaches)
    add(
      58,
      `Act on ${count(op.openBreaches, 'open threshold breach', 'open threshold breaches')}`,
      'An AI system is outside the threshold its metric sets: look into it, then resolve the breach with a note.',
      'monitoring?state=breached',
    );
  if (op && inv.total > 0 && op.metrics === 0)
    add(
      24,
      'Set up monitoring metrics for your AI systems',
      'Accuracy, drift, complaints or your own measure, each with a threshold and a review frequency (clause 9.1).',
      'monitoring',
    );
  if (op?.reviewsOverdue)
    add(
      21,
      `Review ${count(op.reviewsOverdue, 'monitoring metric')} past its review date`,
      'A metric nobody looks at is not monitoring: record a review with what you concluded.',
      'monitoring?state=review-overdue',
    );
  // Step 6: people trained on what the AIMS asks of them.
  const t = facts.training;
  if (t && t.topics > 0 && t.missing > 0)
    add(
      18,
      `Record ${count(t.missing, 'missing training')}`,
      `${t.peopleFullyTrained} of ${count(t.people, 'member')} have every training their roles and team require; training records are audit evidence.`,
      'training',
    );
  if (t?.overdue)
    add(
      17,
      `Renew ${count(t.overdue, 'training')} past the refresher date`,
      'The matrix shows who needs a refresher on which topic.',
      'training',
    );
  // Steps 7, 8 and 12: audit yourself, let leadership review, fix what was found.
  const nc = facts.nonconformities;
  if (nc?.planOverdue)
    add(
      62,
      `Plan corrective action for ${count(nc.planOverdue, 'nonconformity', 'nonconformities')}`,
      'Past the date its grade sets for a plan: find the root cause and add corrective actions.',
      'nonconformities?flag=plan-overdue',
    );
  if (nc?.evidenceOverdue)
    add(
      60,
      `Close out ${count(nc.evidenceOverdue, 'nonconformity', 'nonconformities')} past the evidence date`,
      'Finish the corrective actions and check that they worked.',
      'nonconformities?flag=evidence-overdue',
    );
  if (nc?.awaitingEffectiveness)
    add(
      26,
      `Check the effectiveness of ${count(nc.awaitingEffectiveness, 'corrective action plan')}`,
      'A nonconformity closes only once someone checked that the actions worked.',
      'nonconformities',
    );
  const a = facts.audits;
  if (a && a.planned + a.inProgress + a.reported === 0 && t && t.complete > 0)
    add(
      16,
      'Plan the internal audit (step 7)',
      'Find the weak areas before the external auditor does: audit every clause and applicable control once per cycle.',
      'internal-audits',
    );
  const r = facts.reviews;
  if (r && !r.topManagementSet)
    add(
      15,
      'Name top management for management reviews',
      'Leadership involvement must be visible: a review is approved by top management and should be attended by them.',
      'management-reviews/settings',
    );
  if (a && a.reported > 0 && r && !r.lastApprovedAt)
    add(
      14,
      'Hold the management review (step 8)',
      'The internal audit is reported: leadership reviews its results with risks, incidents and objectives.',
      'management-reviews',
    );
  // Steps 9 to 14: the certification body's part. Choosing the body waits until
  // the system is ready for it (an internal audit reported) or nothing else is left.
  const ready = !!scope.approved && ((facts.audits?.reported ?? 0) > 0 || out.length === 0);
  for (const x of certificationActions(facts.certification, ready, facts.today, facts.formatDay ?? ((d) => d)))
    add(x.weight, x.title, x.detail, x.path);

  return out
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map(({ weight: _, ...action }) => action);
}
