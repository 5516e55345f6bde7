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

/**
 * What a folded name is matched by, stored on the row and indexed: its
 * blocks (first and last three characters: only systems sharing one are
 * compared), its numbers (leading zeros dropped; names with different
 * numbers are never near) and its length without leading zeros (near names
 * differ in length by at most two).
 */
export interface DuplicateKeys {
  prefix: string;
  suffix: string;
  numbers: string;
  length: number;
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

export function duplicateKeys(nameKey: string): DuplicateKeys {
  const norm = withoutLeadingZeros(nameKey);
  return {
    prefix: nameKey.slice(0, 3),
    suffix: nameKey.slice(-3),
    numbers: (norm.match(/\d+/g) ?? []).join(' '),
    length: norm.length,
  };
}

/**
 * The blocks a folded name falls in: its first three and last three
 * characters. An empty name is in none (it matches nothing).
 */
export function duplicateBlocks(nameKey: string): string[] {
  const k = duplicateKeys(nameKey);
  return nameKey ? [`p:${k.prefix}`, `s:${k.suffix}`] : [];
}

/** A name prepared for comparison: what nearNames reads, computed once. */
interface Keyed {
  nameKey: string;
  norm: string;
  numbers: string;
}

const keyed = (nameKey: string): Keyed => {
  const norm = withoutLeadingZeros(nameKey);
  return { nameKey, norm, numbers: (norm.match(/\d+/g) ?? []).join(' ') };
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

/**
 * Pairs of systems with near names (indexes into `systems`, i < j), at
 * least one of them in `targets` when given. Every pair sharing a block is
 * considered (no sliding window: a stored pair must not depend on which
 * other systems exist), but only names whose numbers agree and whose
 * lengths are within two are compared, so a crowded block of a numbered
 * series costs little.
 */
export function nearNamePairs(systems: { id: string; nameKey: string }[], targets?: Set<string>): [number, number][] {
  const names = systems.map((s) => keyed(s.nameKey));
  const isTarget = systems.map((s) => !targets || targets.has(s.id));
  const blocks = new Map<string, number[]>();
  systems.forEach((s, i) => {
    for (const key of duplicateBlocks(s.nameKey)) {
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  const out: [number, number][] = [];
  const consider = (i: number, j: number) => {
    if (i === j || !(isTarget[i] || isTarget[j])) return;
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = a * systems.length + b;
    if (seen.has(key)) return;
    seen.add(key);
    if (nearNames(names[a], names[b])) out.push([a, b]);
  };
  for (const members of blocks.values()) {
    if (members.length < 2 || !members.some((i) => isTarget[i])) continue;
    // by numbers, then by length: a name only meets names it can be near
    const byNumbers = new Map<string, number[]>();
    for (const i of members) {
      const list = byNumbers.get(names[i].numbers);
      if (list) list.push(i);
      else byNumbers.set(names[i].numbers, [i]);
    }
    for (const list of byNumbers.values()) list.sort((x, y) => names[x].norm.length - names[y].norm.length);
    const plain = byNumbers.get('') ?? [];
    for (const [numbers, list] of byNumbers) {
      compareSorted(list, list, names, consider);
      if (numbers) compareSorted(list, plain, names, consider);
    }
  }
  return out;
}

/** Calls consider(i, j) for i in xs, j in ys with lengths within MAX_NAME_EDITS (both sorted by length). */
function compareSorted(xs: number[], ys: number[], names: Keyed[], consider: (i: number, j: number) => void) {
  let from = 0;
  for (const i of xs) {
    const len = names[i].norm.length;
    while (from < ys.length && names[ys[from]].norm.length < len - MAX_NAME_EDITS) from++;
    for (let y = from; y < ys.length && names[ys[y]].norm.length <= len + MAX_NAME_EDITS; y++) consider(i, ys[y]);
  }
}

/**
 * The likely duplicates among `systems`, as edges: near names (nearNamePairs)
 * that nothing tells apart, with at least one end in `targets` when given.
 * An edge depends on its two systems alone.
 */
export function duplicateEdges(systems: DuplicateCandidate[], targets?: Set<string>): DuplicateEdge[] {
  const purposes = new Map<number, Set<string>>();
  const purposeOf = (i: number) => {
    const known = purposes.get(i);
    if (known) return known;
    const p = words(systems[i].purpose);
    purposes.set(i, p);
    return p;
  };
  const out: DuplicateEdge[] = [];
  for (const [i, j] of nearNamePairs(systems, targets)) {
    const reason = duplicateReason(systems[i], systems[j], purposeOf(i), purposeOf(j));
    if (!reason) continue;
    const [a, b] = systems[i].id < systems[j].id ? [systems[i].id, systems[j].id] : [systems[j].id, systems[i].id];
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
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const { a, b } of edges) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
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

/** Groups likely duplicates over a whole set of systems (what the stored edges amount to). */
export function findDuplicates(systems: DuplicateCandidate[]): DuplicateGroup[] {
  return groupEdges(duplicateEdges(systems), new Map(systems.map((s) => [s.id, s])));
}
