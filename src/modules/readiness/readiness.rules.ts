// Pure rules of the readiness rehearsal: Stage 1 as a certification body's
// auditor reviews readiness, from the facts the gather step collects. No I/O.
// Stage 2 lives in readiness.stage2.rules.ts, evidence sampling in
// readiness.sample.rules.ts; this file also puts the two stages together.
import type { ReadinessFacts } from './readiness.facts.js';
import { evidenceSamplingCheck } from './readiness.sample.rules.js';
import { stage2Checks } from './readiness.stage2.rules.js';
import { type CheckVerdict, count, listNames, notAvailable, record, type Verdict, verdict } from './readiness.verdict.js';

export { evidenceSamplingCheck } from './readiness.sample.rules.js';
export { stage2Checks } from './readiness.stage2.rules.js';

/** The Stage 1 checks, in the order an auditor works through them (ids are the API's). */
export const STAGE1 = {
  scope: { id: 'scope', title: 'Scope' },
  documents: { id: 'documented-information', title: 'Documented information' },
  inventory: { id: 'ai-inventory', title: 'AI inventory' },
  riskMethod: { id: 'risk-method', title: 'Risk method' },
  audit: { id: 'internal-audit', title: 'Internal audit' },
  review: { id: 'management-review', title: 'Management review' },
} as const;

/** The management system clauses an internal audit should cover before Stage 1. */
export const AIMS_CLAUSES = ['4', '5', '6', '7', '8', '9', '10'] as const;

export function scopeCheck({ orgId, scope }: ReadinessFacts): CheckVerdict {
  const head = STAGE1.scope;
  if (!scope) return notAvailable(orgId, head, 'The scope', 'scope');
  const { approved } = scope;
  if (!approved) {
    const draft = scope.draftVersion ? `Scope draft v${scope.draftVersion} is not approved yet.` : 'No scope is drafted yet.';
    return verdict(orgId, head, 'fail', `${draft} Stage 1 starts from an approved scope tied to the AI systems in use.`, {
      fix: scope.draftVersion
        ? 'Review and approve the scope draft.'
        : 'Draft the scope: the AI systems, sites and activities covered.',
      link: 'scope',
    });
  }
  const records = [record(orgId, 'scope', approved.id, `Scope version ${approved.version}`)];
  if (approved.aiSystems === 0)
    return verdict(
      orgId,
      head,
      'fail',
      `Approved scope v${approved.version} names no AI system: it is not tied to actual AI use.`,
      {
        records,
        fix: 'Name the AI systems the management system covers in a new scope version and approve it.',
        link: 'scope',
      },
    );
  const missing = scope.missingFromInventory;
  if (missing.length > 0)
    return verdict(
      orgId,
      head,
      'fail',
      `Approved scope v${approved.version} names ${count(missing.length, 'AI system or service', 'AI systems or services')} missing from the inventory: ${listNames(missing)}.`,
      { records, fix: `Add ${listNames(missing)} to the AI inventory, or take them out of the scope.`, link: 'inventory/new' },
    );
  const pending = scope.draftVersion ? `; draft v${scope.draftVersion} is not approved yet` : '';
  return verdict(
    orgId,
    head,
    'pass',
    `Scope v${approved.version} is approved and names ${count(approved.aiSystems, 'AI system')}, all in the inventory${pending}.`,
    { records, link: 'scope' },
  );
}

export function documentsCheck({ orgId, documents }: ReadinessFacts): CheckVerdict {
  const head = STAGE1.documents;
  if (!documents) return notAvailable(orgId, head, 'The document register', 'documents');
  const missing = documents.core.filter((d) => d.heldAs === 'missing');
  const notInForce = documents.core.filter((d) => d.heldAs !== 'missing' && !d.inForce);
  const coreKeys = new Set(documents.core.map((d) => d.key));
  const lapsed = documents.pastReview.filter((d) => coreKeys.has(d.docType));
  const otherLapsed = documents.pastReview.filter((d) => !coreKeys.has(d.docType));
  const records = [
    ...notInForce.flatMap((d) => d.documentIds.map((id) => record(orgId, 'document', id, d.title))),
    ...lapsed.map((d) => record(orgId, 'document', d.id, d.label)),
    ...otherLapsed.map((d) => record(orgId, 'document', d.id, d.label)),
  ];
  const problems = [
    missing.length ? `missing: ${listNames(missing.map((d) => d.title))}` : '',
    notInForce.length ? `not approved: ${listNames(notInForce.map((d) => d.title))}` : '',
    lapsed.length ? `past their review date: ${listNames(lapsed.map((d) => d.label))}` : '',
  ].filter(Boolean);
  const total = documents.core.length;
  if (problems.length > 0)
    return verdict(
      orgId,
      head,
      'fail',
      `${total - missing.length - notInForce.length} of ${total} required documents are in force; ${problems.join('; ')}.`,
      { records, fix: 'Write, approve or review the required documents listed, so they match how you work.', link: 'documents' },
    );
  if (otherLapsed.length > 0)
    return verdict(
      orgId,
      head,
      'warn',
      `All ${total} required documents are in force; ${count(otherLapsed.length, 'other document')} ${otherLapsed.length === 1 ? 'is' : 'are'} past the review date.`,
      { records, fix: 'Review the documents past their review date.', link: 'documents' },
    );
  return verdict(orgId, head, 'pass', `All ${total} required documents are approved and within their review date.`, {
    link: 'documents',
  });
}

export function inventoryCheck({ orgId, inventory }: ReadinessFacts): CheckVerdict {
  const head = STAGE1.inventory;
  if (!inventory) return notAvailable(orgId, head, 'The AI inventory', 'inventory');
  const { inScope, duplicateGroups } = inventory;
  if (inScope.length === 0)
    return verdict(orgId, head, 'fail', 'No AI system in the inventory is marked in scope.', {
      fix: 'Add the AI systems you build, buy or use, and mark those the management system covers as in scope.',
      link: 'inventory',
    });
  const noOwner = inScope.filter((s) => !s.hasOwner);
  const noRisk = inScope.filter((s) => !s.riskLevel);
  const dupIds = duplicateGroups.flatMap((g) => g.ids);
  const byId = new Map(inScope.map((s) => [s.id, s]));
  const names = new Map(duplicateGroups.flatMap((g) => g.ids.map((id, i) => [id, g.names[i] ?? id] as const)));
  const flagged = [...new Set([...noOwner.map((s) => s.id), ...noRisk.map((s) => s.id), ...dupIds])];
  const problems = [
    noOwner.length ? `${count(noOwner.length, 'in-scope system')} without both owners` : '',
    noRisk.length ? `${count(noRisk.length, 'in-scope system')} not risk-rated` : '',
    duplicateGroups.length ? `${count(duplicateGroups.length, 'likely duplicate group')} not resolved` : '',
  ].filter(Boolean);
  if (problems.length > 0)
    return verdict(orgId, head, 'fail', `${count(inScope.length, 'AI system')} in scope: ${problems.join(', ')}.`, {
      records: flagged.map((id) => record(orgId, 'ai-system', id, byId.get(id)?.name ?? names.get(id) ?? id)),
      fix: 'Name a business and a technical owner and a risk level for each system listed; merge or tell apart the likely duplicates.',
      link: 'inventory',
    });
  return verdict(
    orgId,
    head,
    'pass',
    `${count(inScope.length, 'AI system')} in scope, each with its owners and a risk level; no likely duplicates.`,
    { link: 'inventory' },
  );
}

/**
 * The method is AI-specific when (riskMethod's own generic-criteria checks):
 * at least one AI risk source is in use, and at least one impact dimension is
 * about people affected (individuals, groups, society) with a descriptor at
 * every impact point. Descriptors that read as a generic template only warn.
 */
const NOT_AI_SPECIFIC = new Set(['no-ai-risk-source', 'no-people-dimension', 'no-people-descriptors']);

export function riskMethodCheck({ orgId, riskMethod }: ReadinessFacts): CheckVerdict {
  const head = STAGE1.riskMethod;
  if (!riskMethod) return notAvailable(orgId, head, 'The risk method', 'risk-method');
  if (riskMethod.status !== 'approved') {
    const what =
      riskMethod.status === 'draft'
        ? `Risk method draft v${riskMethod.version} is not approved`
        : 'No risk method is approved (risks are scored with the built-in default)';
    return verdict(orgId, head, 'fail', `${what}.`, {
      fix: 'Adapt the risk criteria to your AI systems and approve the method.',
      link: 'risk-method',
    });
  }
  const blocking = riskMethod.warnings.filter((w) => NOT_AI_SPECIFIC.has(w.code));
  if (blocking.length > 0)
    return verdict(
      orgId,
      head,
      'fail',
      `Risk method v${riskMethod.version} is approved but not AI-specific: ${blocking.map((w) => w.message).join('; ')}.`,
      {
        fix: 'Name the AI risk sources in use and describe impacts on individuals, groups or society at every impact point.',
        link: 'risk-method',
      },
    );
  if (riskMethod.warnings.length > 0)
    return verdict(
      orgId,
      head,
      'warn',
      `Risk method v${riskMethod.version} is approved and AI-specific, but ${riskMethod.warnings.map((w) => w.message).join('; ')}.`,
      { fix: 'Rewrite the generic descriptors in terms of your AI systems.', link: 'risk-method' },
    );
  return verdict(
    orgId,
    head,
    'pass',
    `Risk method v${riskMethod.version} is approved, uses AI risk sources and describes impacts on people affected by AI systems.`,
    { link: 'risk-method' },
  );
}

/** The clause (4 … 10) a requirement id belongs to; null for Annex A controls. */
const clauseOf = (id: string) => /^(\d+)(\.|$)/.exec(id)?.[1] ?? null;

export function internalAuditCheck({ orgId, audits }: ReadinessFacts): CheckVerdict {
  const head = STAGE1.audit;
  if (!audits) return notAvailable(orgId, head, 'The internal audit register', 'internal-audits');
  if (audits.length === 0)
    return verdict(orgId, head, 'fail', 'No internal audit has been reported yet.', {
      fix: 'Plan an internal audit of the management system (clauses 4 to 10), carry it out and issue its report.',
      link: 'internal-audits',
    });
  const covered = new Set(audits.flatMap((a) => a.requirementIds.map(clauseOf)));
  const missing = AIMS_CLAUSES.filter((c) => !covered.has(c));
  const records = audits.map((a) => record(orgId, 'internal-audit', a.id, `${a.number} ${a.title}`));
  const reported = count(audits.length, 'internal audit');
  if (missing.length > 0)
    return verdict(
      orgId,
      head,
      'warn',
      `${reported} reported, covering part of the management system: clause${missing.length === 1 ? '' : 's'} ${missing.join(', ')} not audited.`,
      {
        records,
        fix: `Audit clause${missing.length === 1 ? '' : 's'} ${missing.join(', ')} before Stage 1.`,
        link: 'internal-audits/new',
      },
    );
  return verdict(orgId, head, 'pass', `${reported} reported, covering clauses 4 to 10 of the management system.`, {
    records,
    link: 'internal-audits',
  });
}

export function managementReviewCheck({ orgId, review }: ReadinessFacts): CheckVerdict {
  const head = STAGE1.review;
  if (review === undefined) return notAvailable(orgId, head, 'The management review register', 'management-reviews');
  if (review === null)
    return verdict(orgId, head, 'fail', 'No management review has been approved yet.', {
      fix: 'Hold a management review with top management, record its decisions and approve the minutes.',
      link: 'management-reviews',
    });
  const records = [record(orgId, 'management-review', review.id, `${review.number} ${review.title}`)];
  const gaps = [
    review.topManagementAttended ? '' : 'no member of top management attended',
    review.decisions > 0 ? '' : 'no decision is recorded',
  ].filter(Boolean);
  if (gaps.length > 0)
    return verdict(orgId, head, 'fail', `${review.number} is approved but ${gaps.join(' and ')}: the review reads as symbolic.`, {
      records,
      fix: 'Hold the next review with top management and record what it decided (changes, resources, improvements).',
      link: 'management-reviews',
    });
  return verdict(
    orgId,
    head,
    'pass',
    `${review.number} is approved: top management attended, ${count(review.decisions, 'decision')} and ${count(review.actions, 'action')} recorded.`,
    { records, link: 'management-reviews' },
  );
}

export function stage1Checks(facts: ReadinessFacts): CheckVerdict[] {
  return [
    scopeCheck(facts),
    documentsCheck(facts),
    inventoryCheck(facts),
    riskMethodCheck(facts),
    internalAuditCheck(facts),
    managementReviewCheck(facts),
  ];
}

export function allStage2Checks(facts: ReadinessFacts): CheckVerdict[] {
  return [...stage2Checks(facts), evidenceSamplingCheck(facts)];
}

/** Verdicts counted, for the daily snapshot. */
export function tally(checks: CheckVerdict[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0, 'not-available': 0 };
  for (const c of checks) out[c.status]++;
  return out;
}
