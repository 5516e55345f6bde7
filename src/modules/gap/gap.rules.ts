// Pure rules of the gap assessment (journey step 2): scores, roll-ups by
// clause and by the twelve review areas, the action plan a gap becomes, and
// the comparison of two assessments, and which records an answer may link to.
// No I/O: unit-tested directly.
import { addDays } from '../../platform/dates.js';
import { oncePer } from '../../platform/memo.js';

export const ANSWER_STATUSES = ['not-started', 'partial', 'implemented', 'not-applicable'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface RequirementRef {
  id: string;
  title: string;
  kind: 'clause' | 'annex-a';
  group: string;
  groupTitle: string;
  reviewAreas: string[];
}

export interface AnswerRef {
  requirementId: string;
  status: AnswerStatus;
  maturity: number | null;
  owner?: { userId: string | null; name: string; email?: string } | null;
  /** still exactly as the ISO/IEC 27001 pre-fill wrote it */
  prefilled?: boolean;
  /** copied from an earlier assessment and not yet confirmed or changed by a person */
  carriedOver?: boolean;
}

/** An answer copied from an earlier assessment stays "carried over" until a person saves it (a save moves updated_at on). */
export function isCarriedOver(r: { carried_over_at?: string | null; updated_at: string }): boolean {
  return !!r.carried_over_at && r.updated_at <= r.carried_over_at;
}

/**
 * Clauses 4 to 10 always apply: only Annex A controls can be excluded
 * (through the Statement of Applicability, with a justification).
 */
export function statusError(kind: RequirementRef['kind'], status: AnswerStatus): string | null {
  return kind === 'clause' && status === 'not-applicable'
    ? 'cannot be "not-applicable" for a clause: clauses 4 to 10 always apply; only Annex A controls can be excluded, through the Statement of Applicability with a justification'
    : null;
}

export interface Progress {
  /** answers still exactly as the ISO/IEC 27001 pre-fill wrote them */
  reusedFromIsms: number;
  /** partial or implemented answers a person gave or changed since the pre-fill */
  aiSpecificInPlace: number;
  /** of which implemented */
  aiSpecificImplemented: number;
  /** Annex A controls excluded */
  notApplicable: number;
  /** answers copied from an earlier assessment that no one has confirmed or changed yet (also counted above by what they say) */
  carriedOver: number;
  /** requirements in the catalogue */
  total: number;
}

/**
 * Reuse and new work, kept apart so a pre-filled assessment never reads as
 * progress that was not made: an answer still as pre-filled counts as reused
 * from the ISMS; any other answer that is partial or implemented (on a
 * requirement never pre-filled, or changed by a person since) counts as
 * AI-specific work in place.
 */
export function progress(reqs: RequirementRef[], answers: Map<string, AnswerRef>): Progress {
  const out: Progress = {
    reusedFromIsms: 0,
    aiSpecificInPlace: 0,
    aiSpecificImplemented: 0,
    notApplicable: 0,
    carriedOver: 0,
    total: reqs.length,
  };
  for (const r of reqs) {
    const a = answers.get(r.id);
    if (!a) continue;
    if (a.carriedOver) out.carriedOver++;
    if (a.prefilled) out.reusedFromIsms++;
    else if (a.status === 'partial' || a.status === 'implemented') {
      out.aiSpecificInPlace++;
      if (a.status === 'implemented') out.aiSpecificImplemented++;
    } else if (a.status === 'not-applicable') out.notApplicable++;
  }
  return out;
}

/** Share of a requirement that is in place; not-applicable is left out. */
export function answerScore(status: AnswerStatus): number | null {
  switch (status) {
    case 'implemented':
      return 100;
    case 'partial':
      return 50;
    case 'not-started':
      return 0;
    default:
      return null;
  }
}

export interface RollUp {
  key: string;
  title: string;
  /** 0 to 100, null when nothing in it applies */
  score: number | null;
  counts: Record<AnswerStatus | 'unanswered', number>;
}

function emptyCounts(): RollUp['counts'] {
  return { 'not-started': 0, partial: 0, implemented: 0, 'not-applicable': 0, unanswered: 0 };
}

function rollUp(key: string, title: string, reqs: RequirementRef[], answers: Map<string, AnswerRef>): RollUp {
  const counts = emptyCounts();
  const scores: number[] = [];
  for (const r of reqs) {
    const a = answers.get(r.id);
    if (!a) {
      counts.unanswered++;
      scores.push(0);
      continue;
    }
    counts[a.status]++;
    const s = answerScore(a.status);
    if (s !== null) scores.push(s);
  }
  const score = scores.length ? Math.round(scores.reduce((x, y) => x + y, 0) / scores.length) : null;
  return { key, title, score, counts };
}

// Which requirements fall in each clause group and review area depends on
// the catalogue only, not on the answers: worked out once per requirement
// list, not on every read of an assessment (a get rolls up ~100 of them).
const groupsOf = oncePer((reqs: readonly RequirementRef[]) => {
  const groups = new Map<string, RequirementRef[]>();
  for (const r of reqs) {
    const list = groups.get(r.group);
    if (list) list.push(r);
    else groups.set(r.group, [r]);
  }
  return [...groups.values()];
});
const areasOf = oncePer((_reqs: readonly RequirementRef[]) => new Map<string, RequirementRef[]>());

export function rollUpByGroup(reqs: RequirementRef[], answers: Map<string, AnswerRef>): RollUp[] {
  return groupsOf(reqs).map((list) => rollUp(list[0].group, list[0].groupTitle, list, answers));
}

export function rollUpByArea(
  reqs: RequirementRef[],
  areas: { id: string; title: string }[],
  answers: Map<string, AnswerRef>,
): RollUp[] {
  const byArea = areasOf(reqs);
  return areas.map((a) => {
    let list = byArea.get(a.id);
    if (!list) {
      list = reqs.filter((r) => r.reviewAreas.includes(a.id));
      byArea.set(a.id, list);
    }
    return rollUp(a.id, a.title, list, answers);
  });
}

export function overallScore(reqs: RequirementRef[], answers: Map<string, AnswerRef>): RollUp {
  return rollUp('overall', 'All requirements', reqs, answers);
}

/** A gap is an applicable requirement not yet implemented (unanswered counts). */
export function isGap(answer: AnswerRef | undefined): boolean {
  return !answer || answer.status === 'not-started' || answer.status === 'partial';
}

// Requirements behind the Stage 1 failure points an auditor checks first:
// scope, documented information, risk method, internal audit, management review.
const STAGE1_CRITICAL = new Set(['4.3', '6.1.2', '7.5.1', '7.5.2', '7.5.3', '9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3']);

/**
 * The AI foundations everything else rests on, in the order to build them:
 * the AI policy, the AI risk criteria and method, the AI system impact
 * assessment process and its first assessments. No ISMS has them; when not
 * implemented they head the action plan.
 */
export const AI_FOUNDATIONS = ['5.2', '6.1.1', '6.1.2', '6.1.4', '8.4'] as const;
const foundationRank = new Map<string, number>(AI_FOUNDATIONS.map((id, i) => [id, i]));

export const EFFORTS = ['S', 'M', 'L'] as const;
export type Effort = (typeof EFFORTS)[number];

export const ASSESSMENT_STATUSES = ['in-progress', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface PlannedAction {
  requirementId: string;
  title: string;
  priority: 1 | 2 | 3;
  effort: Effort;
  dueDate: string;
  owner: { userId: string | null; name: string; email?: string } | null;
}

const DUE_DAYS: Record<1 | 2 | 3, number> = { 1: 30, 2: 60, 3: 90 };

/**
 * Turns each gap into an action. The AI foundations (AI_FOUNDATIONS) come
 * first of all; then the management-system clauses a certificate cannot do
 * without, Stage 1 failure points first; work not started weighs more than
 * work in progress. Due dates follow priority from the assessment date.
 */
export function planActions(reqs: RequirementRef[], answers: Map<string, AnswerRef>, assessmentDate: string): PlannedAction[] {
  const out: PlannedAction[] = [];
  for (const r of reqs) {
    const a = answers.get(r.id);
    if (!isGap(a)) continue;
    const started = a?.status === 'partial';
    let weight = r.kind === 'clause' ? 2 : 1;
    if (STAGE1_CRITICAL.has(r.id)) weight += 2;
    if (!started) weight += 1;
    const priority: 1 | 2 | 3 = foundationRank.has(r.id) || weight >= 4 ? 1 : weight >= 3 ? 2 : 3;
    const maturity = a?.maturity ?? 0;
    const effort: Effort = started ? (maturity >= 3 ? 'S' : 'M') : r.kind === 'clause' ? 'L' : 'M';
    out.push({
      requirementId: r.id,
      title: `${started ? 'Complete' : 'Put in place'} ${r.id} ${r.title}`,
      priority,
      effort,
      dueDate: addDays(assessmentDate, DUE_DAYS[priority]),
      owner: a?.owner ?? null,
    });
  }
  const rank = (id: string) => foundationRank.get(id) ?? AI_FOUNDATIONS.length;
  return out.sort(
    (x, y) =>
      x.priority - y.priority || rank(x.requirementId) - rank(y.requirementId) || compareIds(x.requirementId, y.requirementId),
  );
}

/** Orders "4.2" before "4.10" and clauses before "A." controls. */
export function compareIds(a: string, b: string): number {
  const pa = a.replace(/^A\./, '99.').split('.').map(Number);
  const pb = b.replace(/^A\./, '99.').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

export interface AnswerChange {
  requirementId: string;
  before: AnswerStatus | 'unanswered';
  after: AnswerStatus | 'unanswered';
  change: 'improved' | 'slipped';
}

/** What improved and what slipped between two assessments. */
export function compareAssessments(
  reqs: RequirementRef[],
  before: Map<string, AnswerRef>,
  after: Map<string, AnswerRef>,
): AnswerChange[] {
  const out: AnswerChange[] = [];
  for (const r of reqs) {
    const b = before.get(r.id);
    const a = after.get(r.id);
    const sb = b ? answerScore(b.status) : 0;
    const sa = a ? answerScore(a.status) : 0;
    if (sb === null || sa === null || sb === sa) continue;
    out.push({
      requirementId: r.id,
      before: b?.status ?? 'unanswered',
      after: a?.status ?? 'unanswered',
      change: sa > sb ? 'improved' : 'slipped',
    });
  }
  return out;
}

/** The records an answer can be tied to: the organization's AI systems, suppliers and scope versions. */
export const LINK_TYPES = ['ai-system', 'supplier', 'scope'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface LinkRef {
  type: LinkType;
  id: string;
}

/** A linked record as found in the organization's registers. */
export interface LinkTarget {
  label: string;
  /** archived (AI system, supplier) or superseded by a later approved version (scope) */
  archived: boolean;
  /** whether a new link to it is accepted (a scope draft is not: it changes, and is deleted when discarded) */
  linkable: boolean;
}

const LINK_NOUNS: Record<LinkType, { a: string; one: string }> = {
  'ai-system': { a: 'an AI system', one: 'AI system' },
  supplier: { a: 'a supplier', one: 'Supplier' },
  scope: { a: 'an approved scope version', one: 'Scope version' },
};

const linkKey = (l: LinkRef) => `${l.type}:${l.id}`;

/**
 * What is wrong with an answer's links, by index: the same record twice, or
 * an id that is not a linkable record of this organization. `find` answers
 * from the registers, looked up once for all the links.
 */
export function linkErrors(
  links: LinkRef[],
  find: (link: LinkRef) => LinkTarget | undefined,
): { index: number; message: string }[] {
  const seen = new Map<string, number>();
  const out: { index: number; message: string }[] = [];
  links.forEach((l, index) => {
    const first = seen.get(linkKey(l));
    if (first !== undefined) {
      out.push({ index, message: `repeats the record of links.${first}` });
      return;
    }
    seen.set(linkKey(l), index);
    if (!find(l)?.linkable) out.push({ index, message: `is not ${LINK_NOUNS[l.type].a} of this organization` });
  });
  return out;
}

/**
 * A stored link as the API shows it. A record that has gone since (a link
 * saved before links were checked) keeps its place, marked archived, so the
 * answer never silently loses a link.
 */
export function linkView(l: LinkRef, target: LinkTarget | undefined) {
  return {
    type: l.type,
    id: l.id,
    label: target?.label ?? `${LINK_NOUNS[l.type].one} not found`,
    archived: target ? target.archived : true,
  };
}
