import { editDistance, fold, jaccard, words } from '../../platform/text.js';
import type { AiSystemInput } from './inventory.schemas.js';
import { addDays } from '../../platform/dates.js';
export { addDays } from '../../platform/dates.js';

// Pure rules of the inventory: what an auditor would find missing, which
// systems are likely the same one entered twice, and how two merge.
// Stage 1 fails when "AI systems are missing, duplicated, or not risk-rated".

export interface Flag {
  code: string;
  field: string;
  message: string;
}

export interface FlagContext {
  today: string;
  reviewIntervalDays: number;
  riskScale: string[];
  /** the AI systems the approved scope names (clause 4.3), when one is approved */
  approvedScope?: { version: number; ids: Set<string>; nameKeys: Set<string> } | null;
}

type Flaggable = Pick<
  AiSystemInput,
  'name' | 'businessOwner' | 'technicalOwner' | 'riskLevel' | 'monitoringMethod' | 'kind' | 'lastReviewDate' | 'inScope'
> & {
  id?: string;
  suppliers: unknown[];
};

/** The last review date before which a system's review is overdue. */
export function reviewCutoff(today: string, reviewIntervalDays: number): string {
  return addDays(today, -reviewIntervalDays);
}

/** What an auditor would flag in one record; `duplicates` are its matches from duplicatesOf. */
export function aiSystemFlags(s: Flaggable, ctx: FlagContext, duplicates: DuplicateMatch[] = []): Flag[] {
  const flags: Flag[] = [];
  const duplicate = possibleDuplicateFlag(duplicates);
  if (duplicate) flags.push(duplicate);
  if (!s.businessOwner) flags.push({ code: 'no-business-owner', field: 'businessOwner', message: 'No business owner is named.' });
  if (!s.technicalOwner)
    flags.push({ code: 'no-technical-owner', field: 'technicalOwner', message: 'No technical owner is named.' });
  if (!s.riskLevel) flags.push({ code: 'not-risk-rated', field: 'riskLevel', message: 'The system is not risk-rated.' });
  else if (!ctx.riskScale.includes(s.riskLevel)) {
    flags.push({
      code: 'risk-level-unknown',
      field: 'riskLevel',
      message: `"${s.riskLevel}" is not on the organization's risk scale (${ctx.riskScale.join(', ')}).`,
    });
  }
  if (!s.monitoringMethod.trim())
    flags.push({
      code: 'no-monitoring-method',
      field: 'monitoringMethod',
      message: 'No monitoring method: how are outputs, performance and incidents reviewed?',
    });
  if (s.kind === 'third-party-saas' && s.suppliers.length === 0) {
    flags.push({
      code: 'third-party-without-supplier',
      field: 'suppliers',
      message: 'A third-party system with no supplier recorded.',
    });
  }
  if (!s.lastReviewDate)
    flags.push({ code: 'never-reviewed', field: 'lastReviewDate', message: 'The system has never been reviewed.' });
  else if (s.lastReviewDate < reviewCutoff(ctx.today, ctx.reviewIntervalDays)) {
    flags.push({
      code: 'review-overdue',
      field: 'lastReviewDate',
      message: `Last reviewed on ${s.lastReviewDate}, longer ago than the ${ctx.reviewIntervalDays}-day review interval.`,
    });
  }
  const scope = ctx.approvedScope;
  if (scope && s.inScope !== null) {
    const listed = (s.id !== undefined && scope.ids.has(s.id)) || scope.nameKeys.has(fold(s.name));
    if (s.inScope && !listed) {
      flags.push({
        code: 'not-in-approved-scope',
        field: 'inScope',
        message: `Marked in scope, but approved scope version ${scope.version} does not name it.`,
      });
    } else if (!s.inScope && listed) {
      flags.push({
        code: 'excluded-but-in-scope',
        field: 'inScope',
        message: `Marked out of scope, but approved scope version ${scope.version} names it.`,
      });
    }
  }
  return flags;
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  nameKey: string;
  purpose: string;
  supplierIds: string[];
}

export interface DuplicateGroup {
  ids: string[];
  names: string[];
  reason: string;
}

/** Edits allowed between two folded names for them to count as near-same. */
function nameTolerance(length: number): number {
  return length <= 5 ? 0 : length <= 12 ? 1 : 2;
}

const WINDOW = 25;
const MIN_PURPOSE_SIMILARITY = 0.3;

/**
 * The blocks a folded name falls in: its first three and last three
 * characters. Only systems sharing a block are compared, so a record's
 * candidates are the systems in its two blocks (what the list loads for a
 * page, and what an index of these keys can serve later).
 */
export function duplicateBlocks(nameKey: string): string[] {
  return nameKey ? [`p:${nameKey.slice(0, 3)}`, `s:${nameKey.slice(-3)}`] : [];
}

/** What the name phase of duplicate detection reads: no purpose, no suppliers. */
export type NameKeyed = Pick<DuplicateCandidate, 'id' | 'name' | 'nameKey'>;

/** A block's members in the one order both the summary and the flags compare them in. */
function blockOrder(a: NameKeyed, b: NameKeyed): number {
  return a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A folded name with its numbers' leading zeros dropped: "aisystem0099" reads "aisystem99". */
const withoutLeadingZeros = (nameKey: string) => nameKey.replace(/\d+/g, (n) => n.replace(/^0+(?=\d)/, ''));
/** The numbers in a folded name, leading zeros dropped: "aisystem0099" reads "99". */
const numbersIn = (nameKey: string) => (withoutLeadingZeros(nameKey).match(/\d+/g) ?? []).join(' ');

/**
 * The same or a near-same folded name: the first test of two systems, and
 * the cheap one. Names that both carry numbers and whose numbers differ are
 * not near ("AI system 0001" and "AI system 0099", "Model v2" and "Model v3"
 * are numbered members of a series, not one system entered twice), however
 * few characters apart they are.
 */
function nearNames(ka: string, kb: string): boolean {
  if (ka === kb) return true;
  const na = numbersIn(ka);
  const nb = numbersIn(kb);
  if (na && nb && na !== nb) return false;
  const a = withoutLeadingZeros(ka);
  const b = withoutLeadingZeros(kb);
  const tol = nameTolerance(Math.min(a.length, b.length));
  return a === b || editDistance(a, b, tol) <= tol;
}

/**
 * Why two systems with near names still look like one entered twice, or
 * null: nothing tells them apart (no disjoint suppliers, no unrelated
 * purposes).
 */
function duplicateReason(a: DuplicateCandidate, b: DuplicateCandidate, pa: Set<string>, pb: Set<string>): string | null {
  const sa = a.supplierIds;
  const sb = b.supplierIds;
  if (sa.length && sb.length && !sa.some((x) => sb.includes(x))) return null;
  if (pa.size && pb.size && jaccard(pa, pb) < MIN_PURPOSE_SIMILARITY) return null;
  const name = a.nameKey === b.nameKey ? 'same name' : 'near-same name';
  const extra = sa.length && sb.length ? ', same supplier' : '';
  const purpose = pa.size && pb.size ? ', similar purpose' : '';
  return `${name}${extra}${purpose}`;
}

/** Systems grouped by block, each block in blockOrder. */
function blocksOf(systems: NameKeyed[]): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  systems.forEach((s, i) => {
    for (const key of duplicateBlocks(s.nameKey)) {
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  });
  for (const members of blocks.values()) members.sort((a, b) => blockOrder(systems[a], systems[b]));
  return blocks;
}

/**
 * Groups likely duplicates (see duplicateReason). Candidates are blocked by
 * name prefix and suffix, then compared within a sorted window, so 10,000
 * systems take milliseconds, not n² comparisons.
 */
export function findDuplicates(systems: DuplicateCandidate[]): DuplicateGroup[] {
  const parent = systems.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root];
    parent[i] = root;
    return root;
  };
  const reasons = new Map<number, Set<string>>();
  const purposeWords = systems.map((s) => words(s.purpose));

  const link = (a: number, b: number, reason: string) => {
    const ra = find(a);
    const rb = find(b);
    const merged = new Set([...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), reason]);
    parent[rb] = ra;
    reasons.set(ra, merged);
  };

  for (const members of blocksOf(systems).values()) {
    if (members.length < 2) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < Math.min(members.length, x + WINDOW); y++) {
        const a = members[x];
        const b = members[y];
        if (find(a) === find(b) || !nearNames(systems[a].nameKey, systems[b].nameKey)) continue;
        const reason = duplicateReason(systems[a], systems[b], purposeWords[a], purposeWords[b]);
        if (reason) link(a, b, reason);
      }
    }
  }

  const groups = new Map<number, number[]>();
  systems.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.entries()]
    .filter(([, g]) => g.length > 1)
    .map(([root, g]) => ({
      ids: g.map((i) => systems[i].id),
      names: g.map((i) => systems[i].name),
      reason: [...(reasons.get(root) ?? [])].join('; '),
    }));
}

export interface DuplicateMatch {
  id: string;
  name: string;
  reason: string;
}

/**
 * Name phase for some systems (a page of the list, one record): the systems
 * whose names are near theirs, compared exactly as findDuplicates compares
 * names. `systems` must hold every active system sharing a block with them
 * (duplicateBlocks), which makes each block, its order and its window the
 * same as over the whole inventory. Reads names only, so a page's block
 * mates cost little even when blocks are large.
 */
export function nearNameMatches(ids: string[], systems: NameKeyed[]): Map<string, NameKeyed[]> {
  const out = new Map<string, NameKeyed[]>();
  const wanted = new Set(ids);
  for (const members of blocksOf(systems).values()) {
    members.forEach((a, x) => {
      if (!wanted.has(systems[a].id)) return;
      const to = Math.min(members.length, x + WINDOW);
      for (let y = Math.max(0, x - WINDOW + 1); y < to; y++) {
        const b = members[y];
        if (y === x || !nearNames(systems[a].nameKey, systems[b].nameKey)) continue;
        const matches = out.get(systems[a].id) ?? [];
        if (!matches.some((m) => m.id === systems[b].id)) matches.push(systems[b]);
        out.set(systems[a].id, matches);
      }
    });
  }
  return out;
}

/**
 * Detail phase: of the near-name matches, those nothing tells apart, with
 * why. `details` holds every system the matches name. A system has a match
 * here exactly when findDuplicates puts it in a group, and its matches are
 * in that group: the flags on the records and the summary's duplicateGroups
 * agree.
 */
export function duplicatesOf(
  matches: Map<string, NameKeyed[]>,
  details: Map<string, DuplicateCandidate>,
): Map<string, DuplicateMatch[]> {
  const out = new Map<string, DuplicateMatch[]>();
  const purposeWords = new Map([...details.values()].map((d) => [d.id, words(d.purpose)]));
  for (const [id, others] of matches) {
    const a = details.get(id);
    if (!a) continue;
    const found: DuplicateMatch[] = [];
    for (const o of others) {
      const b = details.get(o.id);
      const reason = b && duplicateReason(a, b, purposeWords.get(a.id) as Set<string>, purposeWords.get(b.id) as Set<string>);
      if (reason) found.push({ id: o.id, name: o.name, reason });
    }
    if (found.length) out.set(id, found);
  }
  return out;
}

/** The flag a likely duplicate carries, naming the other system(s). */
export function possibleDuplicateFlag(matches: DuplicateMatch[]): Flag | null {
  if (!matches.length) return null;
  const names = matches.map((m) => `"${m.name}"`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return {
    code: 'possible-duplicate',
    field: 'name',
    message: `Possibly the same system as ${list} (${matches[0].reason}). Merge them, or tell them apart by supplier or purpose.`,
  };
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The survivor of a merge: the kept system's values win; its empty fields
 * take the duplicate's; lists are united; the later review date counts.
 */
export function mergeAiSystems(kept: AiSystemInput, duplicate: AiSystemInput): AiSystemInput {
  const out = { ...kept } as Record<string, unknown>;
  for (const [key, value] of Object.entries(duplicate)) {
    const mine = out[key];
    if (key === 'suppliers') {
      const ids = new Set(kept.suppliers.map((s) => s.supplierId));
      out.suppliers = [...kept.suppliers, ...duplicate.suppliers.filter((s) => !ids.has(s.supplierId))];
    } else if (Array.isArray(mine) && Array.isArray(value)) {
      out[key] = [...new Set([...mine, ...value])];
    } else if (isEmpty(mine)) {
      out[key] = value;
    }
  }
  if (kept.lastReviewDate && duplicate.lastReviewDate && duplicate.lastReviewDate > kept.lastReviewDate)
    out.lastReviewDate = duplicate.lastReviewDate;
  return out as AiSystemInput;
}
