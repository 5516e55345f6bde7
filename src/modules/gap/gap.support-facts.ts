import type { Executor } from '../../platform/db/db.js';
import { type CoreSetGiven, coreSet, documentSummary } from '../documents/index.js';
import { evidenceSummary } from '../evidence/index.js';
import { governanceRoles } from '../roles/index.js';
import { nextTurn } from '../../platform/turns.js';

// Facts from the support modules (5.2, 5.3, 7.5, Annex A.2, A.3.2): the
// governance roles, the document register and its core set, the evidence
// store, keyed like the catalogue's `module` of each requirement. Each answers
// in a fixed number of statements, whatever the organization holds.

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** Governance roles beside 5.3, A.3.2 (and 7.2): who holds what, and what nobody holds. */
export async function roleFacts(db: Executor, orgId: string): Promise<string[]> {
  const roles = await governanceRoles(db, orgId);
  if (roles.length === 0) return ['No governance roles recorded.'];
  const vacant = roles.filter((r) => r.vacant || r.holderLeft);
  const facts = [`${n(roles.length, 'governance role')} recorded, ${roles.length - vacant.length} held.`];
  if (vacant.length) facts.push(`Vacant, or held by someone who left: ${vacant.map((r) => r.name).join('; ')}.`);
  return facts;
}

type CoreSet = Awaited<ReturnType<typeof coreSet>>;

/**
 * The document register and the core set beside 7.5.x (and 4.3, 8.1 that the
 * catalogue keys to documents). `given`: the core set already read, which asks
 * several registers for their summaries, so one gathering reads it once.
 */
export async function documentFacts(db: Executor, orgId: string, given?: CoreSet): Promise<string[]> {
  const core = given ?? (await coreSet(db, orgId));
  const [docs, evidence] = await Promise.all([documentSummary(db, orgId, undefined, core), evidenceSummary(db, orgId)]);
  const missing = core.filter((c) => c.heldAs === 'missing');
  const facts = [
    `${core.length - missing.length} of ${core.length} core documents held (${n(core.filter((c) => c.heldAs === 'live').length, 'live record')} kept in OpenAIMS).`,
    `${n(docs.total, 'controlled document')}: ${docs.approved} approved, ${docs.inReview} in review, ${docs.draft} draft, ${docs.retired} retired; ${docs.reviewOverdue} past the review date.`,
    `${n(evidence.annexAWithValidEvidence, 'Annex A control')} of ${evidence.annexATotal} with valid evidence.`,
  ];
  if (missing.length) facts.push(`Missing: ${missing.map((c) => c.title).join('; ')}.`);
  return facts;
}

/** The AI policy beside 5.2 and A.2.x: held, approved, and when. */
export async function policyFacts(db: Executor, orgId: string, given?: CoreSet): Promise<string[]> {
  const policy = (given ?? (await coreSet(db, orgId))).find((c) => c.key === 'ai-policy');
  if (!policy || policy.heldAs === 'missing') return ['No AI policy in the document register yet.'];
  if (!policy.approvedAt) return [`The AI policy is held but not approved yet (status: ${policy.status}).`];
  return [
    `AI policy${policy.version ? ` version ${policy.version}` : ''} approved on ${policy.approvedAt.slice(0, 10)}; acknowledgements are tracked on the document.`,
  ];
}

/** The support modules' facts by catalogue module id; `given`: summaries the gathering already read. */
export async function supportFacts(db: Executor, orgId: string, given: CoreSetGiven = {}): Promise<Record<string, string[]>> {
  const core = await coreSet(db, orgId, given);
  await nextTurn();
  const [roles, documents, policies] = await Promise.all([
    roleFacts(db, orgId),
    documentFacts(db, orgId, core),
    policyFacts(db, orgId, core),
  ]);
  return { roles, documents, policies };
}
