// Pure rules of the Stage 2 rehearsal: is the management system implemented
// and effective, judged on the evidence an auditor asks to see for each focus
// area. Evidence sampling is in readiness.sample.rules.ts. No I/O.
import type { ReadinessFacts } from './readiness.facts.js';
import { type CheckVerdict, count, listNames, notAvailable, record, verdict } from './readiness.verdict.js';

export const STAGE2 = {
  leadership: { id: 'leadership', title: 'Leadership involvement' },
  risk: { id: 'risk-assessment', title: 'AI risk assessment' },
  lifecycle: { id: 'lifecycle-controls', title: 'AI lifecycle controls' },
  suppliers: { id: 'supplier-management', title: 'Supplier management' },
  training: { id: 'training', title: 'Training and competence' },
  corrective: { id: 'corrective-action', title: 'Corrective action' },
} as const;

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function leadershipCheck({ orgId, documents, roles, review, reviewActions }: ReadinessFacts): CheckVerdict {
  const head = STAGE2.leadership;
  if (!documents || !roles || review === undefined || !reviewActions)
    return notAvailable(orgId, head, 'One of the documents, roles or management review registers', 'documents');
  const policy = documents.core.find((d) => d.key === 'ai-policy');
  const policyOk = !!policy && policy.inForce;
  const unheld = roles.filter((r) => r.vacant || r.holderLeft);
  const records = [
    ...(policy && !policyOk ? policy.documentIds.map((id) => record(orgId, 'document', id, policy.title)) : []),
    ...unheld.map((r) => record(orgId, 'role', r.id, r.name)),
  ];
  const failures = [
    policyOk ? '' : policy?.heldAs === 'document' ? 'the AI policy is not approved' : 'there is no AI policy',
    roles.length === 0 ? 'no governance role is defined' : '',
    unheld.length ? `${count(unheld.length, 'governance role')} without a holder: ${listNames(unheld.map((r) => r.name))}` : '',
  ].filter(Boolean);
  if (failures.length > 0)
    return verdict(orgId, head, 'fail', `${sentence(failures.join('; '))}.`, {
      records,
      fix: policyOk ? 'Assign a holder to each governance role.' : 'Approve the AI policy and assign each governance role.',
      link: policyOk ? 'roles' : 'documents',
    });
  if (!review)
    return verdict(
      orgId,
      head,
      'warn',
      'Approved AI policy and every governance role held, but no management review yet whose actions show leadership at work.',
      {
        fix: 'Hold and approve a management review with actions for top management to follow up.',
        link: 'management-reviews',
      },
    );
  const reviewRecord = [record(orgId, 'management-review', review.id, `${review.number} ${review.title}`)];
  if (reviewActions.overdue > 0)
    return verdict(
      orgId,
      head,
      'warn',
      `Approved AI policy and every role held; ${count(reviewActions.overdue, 'management review action')} past ${reviewActions.overdue === 1 ? 'its' : 'their'} due date.`,
      {
        records: reviewRecord,
        fix: 'Close or re-plan the overdue management review actions.',
        link: `management-reviews/${review.id}`,
      },
    );
  return verdict(
    orgId,
    head,
    'pass',
    `Approved AI policy, ${count(roles.length, 'governance role')} held, management review actions on track (${reviewActions.open} open).`,
    { records: reviewRecord, link: 'management-reviews' },
  );
}

/** High risk: a level above the middle of the organization's scale (with low, medium, high: high). */
export function isHighRisk(level: string | null, scale: string[]): boolean {
  if (!level) return false;
  const rank = scale.findIndex((s) => s.toLowerCase() === level.toLowerCase());
  return rank >= 0 && rank > (scale.length - 1) / 2;
}

export function riskAssessmentCheck({ orgId, inventory, risks, riskScale, impactAssessed }: ReadinessFacts): CheckVerdict {
  const head = STAGE2.risk;
  if (!inventory || !risks || !riskScale || !impactAssessed)
    return notAvailable(orgId, head, 'The risk register or the impact assessments', 'risks');
  if (risks.total === 0)
    return verdict(orgId, head, 'fail', 'The risk register holds no risk yet.', {
      fix: 'Assess the risks of each in-scope AI system and record how each is treated.',
      link: 'risks/new',
    });
  const assessed = new Set(impactAssessed);
  const highWithout = inventory.inScope.filter((s) => isHighRisk(s.riskLevel, riskScale) && !assessed.has(s.id));
  const records = [
    ...risks.inScopeWithoutRisk.map((s) => record(orgId, 'ai-system', s.id, s.name)),
    ...highWithout.map((s) => record(orgId, 'ai-system', s.id, s.name)),
  ];
  const problems = [
    risks.inScopeWithoutRisk.length
      ? `${count(risks.inScopeWithoutRisk.length, 'in-scope AI system')} with no risk assessed`
      : '',
    risks.aboveThresholdUntreated
      ? `${count(risks.aboveThresholdUntreated, 'risk')} above the acceptance threshold with no treatment decision`
      : '',
    highWithout.length ? `${count(highWithout.length, 'high-risk system')} without an approved impact assessment` : '',
  ].filter(Boolean);
  if (problems.length > 0)
    return verdict(orgId, head, 'fail', `${count(risks.total, 'risk')} recorded; ${problems.join('; ')}.`, {
      records,
      fix: 'Assess the systems listed, decide the treatment of each risk above the threshold, and approve impact assessments for high-risk systems.',
      link: highWithout.length && !risks.inScopeWithoutRisk.length ? 'impact-assessments/new' : 'risks',
    });
  return verdict(
    orgId,
    head,
    'pass',
    `${count(risks.total, 'risk')} recorded covering every in-scope AI system, each above the threshold with a treatment decision; high-risk systems have impact assessments.`,
    { link: 'risks' },
  );
}

export function lifecycleCheck({ orgId, inventory, lifecycleEvidence, monitoring }: ReadinessFacts): CheckVerdict {
  const head = STAGE2.lifecycle;
  if (!inventory || !lifecycleEvidence || !monitoring)
    return notAvailable(orgId, head, 'The evidence or monitoring register', 'evidence');
  if (lifecycleEvidence.valid === 0)
    return verdict(
      orgId,
      head,
      'fail',
      lifecycleEvidence.items
        ? `The ${count(lifecycleEvidence.items, 'item')} filed under operation ${lifecycleEvidence.items === 1 ? 'has' : 'have'} all expired.`
        : 'No evidence of the AI life cycle is filed (design reviews, change logs, deployment approvals).',
      {
        fix: 'File design reviews, change logs and deployment approvals as evidence linked to clause 8 or A.6 controls.',
        link: 'evidence/new',
      },
    );
  const unmonitored = inventory.inScope.filter((s) => !s.monitored);
  if (unmonitored.length > 0 || monitoring.metrics === 0)
    return verdict(
      orgId,
      head,
      'warn',
      `${count(lifecycleEvidence.valid, 'valid life cycle item')}; ${
        unmonitored.length
          ? `${count(unmonitored.length, 'in-scope AI system')} with no monitoring method`
          : 'no monitoring metric records results yet'
      }.`,
      {
        records: unmonitored.map((s) => record(orgId, 'ai-system', s.id, s.name)),
        fix: 'Say how each in-scope system is monitored and record its metrics.',
        link: unmonitored.length ? 'inventory' : 'monitoring',
      },
    );
  return verdict(
    orgId,
    head,
    'pass',
    `${count(lifecycleEvidence.valid, 'valid life cycle item')}; every in-scope system is monitored (${count(monitoring.metrics, 'metric')}).`,
    { link: 'evidence' },
  );
}

export function supplierCheck({ orgId, suppliers }: ReadinessFacts): CheckVerdict {
  const head = STAGE2.suppliers;
  if (!suppliers) return notAvailable(orgId, head, 'The supplier register', 'suppliers');
  if (suppliers.total === 0)
    return verdict(
      orgId,
      head,
      'warn',
      'No supplier is recorded: an auditor will ask whether no AI system relies on a third party.',
      {
        fix: 'Record the suppliers of models, data and AI services you rely on, or confirm there are none.',
        link: 'suppliers/new',
      },
    );
  if (suppliers.overdue.length > 0 || suppliers.neverReviewed > 0)
    return verdict(
      orgId,
      head,
      'fail',
      [
        suppliers.neverReviewed ? `${count(suppliers.neverReviewed, 'supplier')} never reviewed` : '',
        suppliers.overdue.length ? `${count(suppliers.overdue.length, 'review')} overdue` : '',
      ]
        .filter(Boolean)
        .join('; ')
        .concat(` of ${count(suppliers.total, 'supplier')}.`),
      {
        records: suppliers.overdue.map((s) => record(orgId, 'supplier', s.id, s.name)),
        fix: 'Review each supplier listed (vendor risk, contract terms, controls) and record the review.',
        link: 'suppliers',
      },
    );
  return verdict(orgId, head, 'pass', `${count(suppliers.total, 'supplier')}, each reviewed and none overdue.`, {
    link: 'suppliers',
  });
}

export function trainingCheck({ orgId, training }: ReadinessFacts): CheckVerdict {
  const head = STAGE2.training;
  if (!training) return notAvailable(orgId, head, 'The training register', 'training');
  if (training.required === 0)
    return verdict(orgId, head, 'fail', 'No training is required of anyone yet.', {
      fix: 'Say which training topics each governance role or team needs.',
      link: 'training/topics',
    });
  const progress = `${training.complete} of ${training.required} required trainings complete`;
  if (training.overdue > 0)
    return verdict(orgId, head, 'fail', `${progress}; ${count(training.overdue, 'training')} overdue.`, {
      fix: 'Have the people listed in the matrix complete or renew their overdue trainings.',
      link: 'training',
    });
  if (training.missing > 0 || training.criteria === 0)
    return verdict(
      orgId,
      head,
      'warn',
      `${progress}${training.missing ? `; ${training.missing} not done yet` : ''}${training.criteria === 0 ? '; no competence criteria set' : ''}.`,
      {
        fix: training.criteria === 0 ? 'Set the competence criteria each role must meet.' : 'Complete the missing trainings.',
        link: training.criteria === 0 ? 'training/competence' : 'training',
      },
    );
  return verdict(
    orgId,
    head,
    'pass',
    `All ${training.required} required trainings complete across ${count(training.people, 'person', 'people')}; ${count(training.criteria, 'competence criterion', 'competence criteria')} set.`,
    { link: 'training' },
  );
}

/** A record that lacks what its stage calls for: a cause once planned, actions once done, a check once closed. */
function incomplete(n: NonNullable<ReadinessFacts['nonconformities']>[number]): boolean {
  if (n.status !== 'open' && !n.rootCause) return true;
  if (['actions-done', 'effectiveness-check', 'closed'].includes(n.status) && n.actions === 0) return true;
  return n.status === 'closed' && !n.effectivenessChecked;
}

export function correctiveActionCheck({ orgId, nonconformities }: ReadinessFacts): CheckVerdict {
  const head = STAGE2.corrective;
  if (!nonconformities) return notAvailable(orgId, head, 'The nonconformity register', 'nonconformities');
  if (nonconformities.length === 0)
    return verdict(
      orgId,
      head,
      'warn',
      'No nonconformity in the last 12 months: the auditor will have no corrective action to sample.',
      {
        fix: 'Raise what the internal audit and incidents found as nonconformities and work them through.',
        link: 'nonconformities/new',
      },
    );
  const overdue = nonconformities.filter((n) => n.overdue);
  const gaps = nonconformities.filter((n) => !n.overdue && incomplete(n));
  if (overdue.length > 0 || gaps.length > 0)
    return verdict(
      orgId,
      head,
      'fail',
      [
        overdue.length ? `${count(overdue.length, 'nonconformity', 'nonconformities')} overdue` : '',
        gaps.length
          ? `${count(gaps.length, 'nonconformity', 'nonconformities')} without a root cause, actions or effectiveness check`
          : '',
      ]
        .filter(Boolean)
        .join('; ')
        .concat('.'),
      {
        records: [...overdue, ...gaps].map((n) => record(orgId, 'nonconformity', n.id, `${n.number} ${n.title}`)),
        fix: 'Record the root cause, the corrective actions and the effectiveness check of each nonconformity listed.',
        link: 'nonconformities',
      },
    );
  return verdict(
    orgId,
    head,
    'pass',
    `${count(nonconformities.length, 'nonconformity', 'nonconformities')} with root cause, actions and effectiveness checks as their stage calls for; none overdue.`,
    { link: 'nonconformities' },
  );
}

export function stage2Checks(facts: ReadinessFacts): CheckVerdict[] {
  return [
    leadershipCheck(facts),
    riskAssessmentCheck(facts),
    lifecycleCheck(facts),
    supplierCheck(facts),
    trainingCheck(facts),
    correctiveActionCheck(facts),
  ];
}
