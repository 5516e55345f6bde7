import { editDistance, jaccard, words } from '../../platform/text.js';

// Pure duplicate detection: which two AI systems are likely one entered
// twice, and why. Pairs are decided one at a time from the two records
// alone (names, purposes, suppliers), so the pairs ("edges") are stored when
// a record is written and duplicate groups are the connected components of
// the stored edges: no request compares the whole inventory.

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

/** Two systems nothing tells apart, a < b by id, and why they look the same. */
export interface DuplicateEdge {
  a: string;
  b: string;
  reason: string;
}

const MIN_PURPOSE_SIMILARITY = 0.3;
/** The most edits nameTolerance allows: near names differ in length by at most this. */
export const MAX_NAME_EDITS = 2;

/** Edits allowed between two folded names for them to count as near-same. */
function nameTolerance(length: number): number {
  return length <= 5 ? 0 : length <= 12 ? 1 : MAX_NAME_EDITS;
}

/** A folded name with its numbers' leading zeros dropped: "aisystem0099" reads "aisystem99". */
const withoutLeadingZeros = (nameKey: string) => nameKey.replace(/\d+/g, (n) => n.replace(/^0+(?=\d)/, ''));

/**
 * The numbers of a folded name, leading zeros dropped ("12 3" for
 * "System 12-03"), or "" for a name without any: names whose numbers differ
 * are never near (nearNames), so the stored pieces carry them too.
 */
export function nameNumbers(nameKey: string): string {
  return numbersOf(withoutLeadingZeros(nameKey));
}

const numbersOf = (norm: string) => (norm.match(/\d+/g) ?? []).join(' ');

/** A name prepared for comparison: what nearNames reads, computed once. */
interface Keyed {
  nameKey: string;
  norm: string;
  numbers: string;
  prefix: string;
  suffix: string;
}

const keyed = (nameKey: string): Keyed => {
  const norm = withoutLeadingZeros(nameKey);
  return { nameKey, norm, numbers: numbersOf(norm), prefix: nameKey.slice(0, 3), suffix: nameKey.slice(-3) };
};

/**
 * The same or a near-same folded name: the first test of two systems, and
 * the cheap one. Names that both carry numbers and whose numbers differ are
 * not near ("AI system 0001" and "AI system 0099", "Model v2" and "Model v3"
 * are numbered members of a series, not one system entered twice), however
 * few characters apart they are.
 */
function nearNames(a: Keyed, b: Keyed): boolean {
  if (a.nameKey === b.nameKey) return true;
  if (a.numbers && b.numbers && a.numbers !== b.numbers) return false;
  const tol = nameTolerance(Math.min(a.norm.length, b.norm.length));
  return a.norm === b.norm || editDistance(a.norm, b.norm, tol) <= tol;
}

/**
 * Whether two folded names share a block and are near: what nearNamePairs
 * decides for a pair its pieces found, for a write whose mates were found
 * by the stored pieces already.
 */
export function nearInBlock(x: string, y: string): boolean {
  const [a, b] = [keyed(x), keyed(y)];
  return !!x && !!y && (a.prefix === b.prefix || a.suffix === b.suffix) && nearNames(a, b);
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

/** Where the MAX_NAME_EDITS + 1 pieces of a name of this length start, and how long they are. */
function pieces(length: number): [number, number][] {
  const size = Math.floor(length / (MAX_NAME_EDITS + 1));
  return Array.from({ length: MAX_NAME_EDITS + 1 }, (_, i) => [i * size, i === MAX_NAME_EDITS ? length - i * size : size]);
}

/** Names this short are near only when equal (nameTolerance 0). */
const EXACT_BELOW = 6;

/**
 * What a folded name is found by (stored per system, indexed): its
 * MAX_NAME_EDITS + 1 pieces, each with the name's length and its place
 * ("36:2:financeberlin"), or, for a name too short to have near names, the
 * whole name ("=chat"). Numbers' leading zeros are dropped first.
 */
export function namePieces(nameKey: string): string[] {
  const norm = withoutLeadingZeros(nameKey);
  if (!norm) return [];
  if (norm.length < EXACT_BELOW) return [`=${norm}`];
  return pieces(norm.length).map(([start, size], p) => `${norm.length}:${p}:${norm.substr(start, size)}`);
}

/**
 * The pieces to look up for a folded name: every name near it holds one of
 * them (the pigeonhole filter of PassJoin). A name at most MAX_NAME_EDITS
 * edits from this one is at most that much longer or shorter, and one of its
 * MAX_NAME_EDITS + 1 pieces survives the edits unchanged, at most
 * MAX_NAME_EDITS characters from its place: so this name's substrings near
 * those places, for each length in the window, name all of them.
 */
export function probePieces(nameKey: string): string[] {
  const out = new Set<string>();
  forEachProbe(withoutLeadingZeros(nameKey), (piece) => out.add(piece));
  return [...out];
}

/** probePieces of a name whose leading zeros are dropped, some more than once: no set to build on the whole-org path. */
function forEachProbe(norm: string, visit: (piece: string) => void) {
  const len = norm.length;
  if (!len) return;
  if (len < EXACT_BELOW) return visit(`=${norm}`);
  for (let other = Math.max(EXACT_BELOW, len - MAX_NAME_EDITS); other <= len + MAX_NAME_EDITS; other++) {
    for (const [p, [start, size]] of pieces(other).entries()) {
      const to = Math.min(len - size, start + MAX_NAME_EDITS);
      for (let at = Math.max(0, start - MAX_NAME_EDITS); at <= to; at++) visit(`${other}:${p}:${norm.substr(at, size)}`);
    }
  }
}

/**
 * Pairs of systems with near names that share a block (indexes into
 * `systems`, i < j), at least one of them in `targets` when given. Every
 * such pair is found (no sliding window: a stored pair must not depend on
 * which other systems exist), without comparing every two names: names are
 * indexed by their pieces (namePieces), each target looks up its probes
 * (probePieces), and only the names found are compared. The same pieces
 * are stored (ai_system_name_pieces) so a write looks up its few candidates
 * in SQL instead of reading the organization.
 */
export function nearNamePairs(systems: { id: string; nameKey: string }[], targets?: Set<string>): [number, number][] {
  const out: [number, number][] = [];
  for (const _ of nearNamePairSteps(systems, targets, out));
  return out;
}

/** nearNamePairs in steps: yields after each stretch of names indexed and each target compared, so a caller can give the event loop turns. */
export function* nearNamePairSteps(
  systems: { id: string; nameKey: string }[],
  targets: Set<string> | undefined,
  out: [number, number][],
): Generator<void> {
  const names: Keyed[] = [];
  // Names are indexed by piece and by their numbers, since names whose
  // numbers differ are never near (nearNames): in a numbered series ("System
  // 1-1" ... "System 1-20000", whose pieces are all alike) a name then finds
  // the names with its own numbers, and those with none, instead of the
  // whole series (20,000 names: 22 s, and 97 s with 20,000 more, before).
  // Keys: "piece#numbers" (the numbers empty for a name without any), and
  // "piece#*" for every numbered name, which a name without numbers looks up.
  const index = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  for (let i = 0; i < systems.length; i++) {
    const name = keyed(systems[i].nameKey);
    names.push(name);
    for (const piece of namePieces(systems[i].nameKey)) {
      add(`${piece}#${name.numbers}`, i);
      if (name.numbers) add(`${piece}#*`, i);
    }
    if (i % 500 === 499) yield;
  }
  const isTarget = (i: number) => !targets || targets.has(systems[i].id);
  // the probe that last found each name: a name found twice is compared once
  const seenBy = new Int32Array(systems.length).fill(-1);
  for (let i = 0; i < names.length; i++) {
    if (!isTarget(i)) continue;
    const a = names[i];
    // its own numbers (or none), and: names without numbers, or every numbered one
    const keys = [`#${a.numbers}`, a.numbers ? '#' : '#*'];
    forEachProbe(a.norm, (piece) => {
      for (const key of keys) {
        const found = index.get(piece + key);
        if (found) compare(i, a, found);
      }
    });
    yield;
  }

  function compare(i: number, a: Keyed, found: number[]) {
    for (const j of found) {
      if (seenBy[j] === i) continue;
      seenBy[j] = i;
      // a pair of two targets is reported by the first of them
      if (j === i || (j < i && isTarget(j))) continue;
      const b = names[j];
      if (a.prefix !== b.prefix && a.suffix !== b.suffix) continue;
      if (nearNames(a, b)) out.push(i < j ? [i, j] : [j, i]);
    }
  }
}

/**
 * The likely duplicates among `systems`, as edges: near names (nearNamePairs)
 * that nothing tells apart, with at least one end in `targets` when given.
 * An edge depends on its two systems alone.
 */
export function duplicateEdges(systems: DuplicateCandidate[], targets?: Set<string>): DuplicateEdge[] {
  return pairEdges(nearNamePairs(systems, targets).map(([i, j]) => [systems[i], systems[j]]));
}

/** The pairs of systems with near names that nothing tells apart, as edges. */
export function pairEdges(pairs: [DuplicateCandidate, DuplicateCandidate][]): DuplicateEdge[] {
  const purposes = new Map<string, Set<string>>();
  const purposeOf = (s: DuplicateCandidate) => {
    const known = purposes.get(s.id);
    if (known) return known;
    const p = words(s.purpose);
    purposes.set(s.id, p);
    return p;
  };
  const out: DuplicateEdge[] = [];
  for (const [x, y] of pairs) {
    const reason = duplicateReason(x, y, purposeOf(x), purposeOf(y));
    if (!reason) continue;
    const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
    out.push({ a, b, reason });
  }
  return out;
}

/**
 * Duplicate groups: the connected components of the edges, members in name
 * order, groups in the order of their first member, each with the distinct
 * reasons of its edges.
 */
export function groupEdges(edges: DuplicateEdge[], names: Map<string, { name: string; nameKey: string }>): DuplicateGroup[] {
  const { parent, find } = joinEdges(edges);
  const order = (x: string, y: string) => {
    const kx = names.get(x)?.nameKey ?? '';
    const ky = names.get(y)?.nameKey ?? '';
    return kx < ky ? -1 : kx > ky ? 1 : x < y ? -1 : x > y ? 1 : 0;
  };
  const members = new Map<string, string[]>();
  for (const id of [...parent.keys()].sort(order)) {
    const root = find(id);
    const list = members.get(root);
    if (list) list.push(id);
    else members.set(root, [id]);
  }
  const reasons = new Map<string, Set<string>>();
  for (const e of [...edges].sort((x, y) => order(x.a, y.a) || order(x.b, y.b))) {
    const root = find(e.a);
    const set = reasons.get(root) ?? new Set<string>();
    set.add(e.reason);
    reasons.set(root, set);
  }
  return [...members.entries()].map(([root, ids]) => ({
    ids,
    names: ids.map((id) => names.get(id)?.name ?? ''),
    reason: [...(reasons.get(root) ?? [])].join('; '),
  }));
}

/** How many groups the edges make (their connected components), without naming or ordering them. */
export function countGroups(edges: { a: string; b: string }[]): number {
  return joinEdges(edges).groups;
}

/** Union-find over the edges' ids: each id's root, and how many components there are. */
function joinEdges(edges: { a: string; b: string }[]) {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  let groups = 0;
  for (const { a, b } of edges) {
    for (const x of [a, b])
      if (!parent.has(x)) {
        parent.set(x, x);
        groups++;
      }
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      parent.set(rb, ra);
      groups--;
    }
  }
  return { parent, find, groups };
}

/** Groups likely duplicates over a whole set of systems (what the stored edges amount to). */
export function findDuplicates(systems: DuplicateCandidate[]): DuplicateGroup[] {
  return groupEdges(duplicateEdges(systems), new Map(systems.map((s) => [s.id, s])));
}
