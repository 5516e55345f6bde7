import type { Executor } from '../../platform/db/db.js';
import { inventorySummary, type ScopeGap, scopeEntriesMissingFromInventory } from '../inventory/index.js';
import { objectiveSummary } from '../objectives/index.js';
import { evaluationFacts } from './gap.evaluation-facts.js';
import { operationFacts } from './gap.operation-facts.js';
import { planningFacts } from './gap.planning-facts.js';
import { supportFacts } from './gap.support-facts.js';
import { nextTurn } from '../../platform/turns.js';
import { riskRegisterSummary } from '../risks/index.js';
import { getScopeOverview } from '../scope/index.js';
import { soaSummary } from '../soa/index.js';
import { supplierReviewSummary } from '../suppliers/index.js';

// The facts OpenAIMS already holds, keyed by the module that holds a
// requirement's evidence, so an answer can be checked against the
// organization's actual systems instead of filled in from memory.
export async function moduleFacts(db: Executor, orgId: string): Promise<Record<string, string[]>> {
  // the inventory, risk and SoA summaries are read once: the core document set shows them too
  const [scope, inventory, suppliers, missing, objectives, risks, soa] = await Promise.all([
    getScopeOverview(db, orgId),
    inventorySummary(db, orgId),
    supplierFacts(db, orgId),
    scopeEntriesMissingFromInventory(db, orgId),
    objectiveFacts(db, orgId),
    riskRegisterSummary(db, orgId),
    soaSummary(db, orgId),
  ]);
  await nextTurn();
  const planning = await planningFacts(db, orgId, { risks, soa });
  await nextTurn();
  const support = await supportFacts(db, orgId, { inventory, risks, soa });
  await nextTurn();
  const [operation, evaluation] = await Promise.all([operationFacts(db, orgId), evaluationFacts(db, orgId)]);
  const scopeFacts: string[] = [];
  if (scope.approved) {
    const a = scope.approved;
    scopeFacts.push(
      `Scope version ${a.version} approved on ${a.approvedAt?.slice(0, 10)}${a.approvedByName ? ` by ${a.approvedByName}` : ''}.`,
    );
    const warnings = a.checks.filter((c) => c.severity === 'warning').length;
    if (warnings) scopeFacts.push(`The approved scope has ${warnings} open check${warnings === 1 ? '' : 's'}.`);
    scopeFacts.push(missingFact(a.version, missing));
  } else {
    scopeFacts.push('No approved scope yet.');
  }
  if (scope.draft) scopeFacts.push(`Draft version ${scope.draft.version} is in progress.`);

  const notRated = inventory.byRiskLevel.unrated ?? 0;
  const inventoryFacts = [
    `${inventory.total} AI system${inventory.total === 1 ? '' : 's'} in the inventory, ${inventory.inScope} marked in scope.`,
    `${notRated} not risk-rated, ${inventory.missing.owner} without an owner, ${inventory.missing.monitoring} without a monitoring method.`,
    `${inventory.duplicateGroups} likely duplicate${inventory.duplicateGroups === 1 ? '' : 's'}.`,
  ];
  if (scope.approved) inventoryFacts.push(missingFact(scope.approved.version, missing));
  return {
    scope: scopeFacts,
    inventory: inventoryFacts,
    suppliers,
    objectives,
    ...planning,
    ...support,
    ...operation,
    ...evaluation,
    // the inventory's monitoring methods beside the metrics actually watched
    monitoring: [...operation.monitoring, inventoryFacts[1]],
  };
}

async function supplierFacts(db: Executor, orgId: string): Promise<string[]> {
  const s = await supplierReviewSummary(db, orgId);
  return [
    `${s.total} supplier${s.total === 1 ? '' : 's'} registered: ${s.neverReviewed} never reviewed, ${s.overdue} with an overdue review.`,
  ];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** AI objectives (6.2, A.6.1.2, A.9.3): how many, in what state, and whether each can be measured and judged. */
async function objectiveFacts(db: Executor, orgId: string): Promise<string[]> {
  const o = await objectiveSummary(db, orgId);
  if (o.total === 0) return ['No AI objectives recorded yet.'];
  return [
    `${plural(o.total, 'AI objective')}: ${o.open} open (${o.overdue} overdue, ${o.atRisk} at risk), ${o.achieved} achieved, ${o.missed} missed.`,
    `Each has a measure and a target; ${o.numericTarget} of ${o.total} with a numeric target, ${o.withProgress} with progress recorded.`,
    `Open objectives without an owner: ${o.withoutOwner}; without a due date: ${o.withoutDueDate}; without an evaluation method: ${o.withoutEvaluation}.`,
  ];
}

const KIND: Record<ScopeGap['kind'], string> = { 'ai-system': 'AI system', 'product-or-service': 'product or service' };
const NAMED = 10;

/** In scope, missing from the inventory: Stage 1 fails when AI systems are missing. */
export function missingFact(scopeVersion: number, missing: ScopeGap[]): string {
  if (missing.length === 0)
    return `Every AI system, product and service scope version ${scopeVersion} names has an inventory record.`;
  const named = missing.slice(0, NAMED).map((m) => `${m.name} (${KIND[m.kind]})`);
  const more = missing.length > NAMED ? `, and ${missing.length - NAMED} more` : '';
  return `In scope version ${scopeVersion} but missing from the inventory (${missing.length}): ${named.join('; ')}${more}.`;
}
