// The next best actions on the home page, most important first: what the
// facts of each step ask for now, weighted by what an auditor looks at first.
// Pure, like the step judges in home.rules.ts.
import { certificationActions } from './home.certification.js';
import { count, type HomeFacts, type NextAction, overdueActions } from './home.rules.js';

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
