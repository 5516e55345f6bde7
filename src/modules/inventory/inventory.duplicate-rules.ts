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
  prefix: string;
  suffix: string;
}

const keyed = (nameKey: string): Keyed => {
  const norm = withoutLeadingZeros(nameKey);
  return { nameKey, norm, numbers: (norm.match(/\d+/g) ?? []).join(' '), prefix: nameKey.slice(0, 3), suffix: nameKey.slice(-3) };
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

/** Where the MAX_NAME_EDITS + 1 pieces of a name of this length start, and how long they are. */
function pieces(length: number): [number, number][] {
  const size = Math.floor(length / (MAX_NAME_EDITS + 1));
  return Array.from({ length: MAX_NAME_EDITS + 1 }, (_, i) => [i * size, i === MAX_NAME_EDITS ? length - i * size : size]);
}

/** Names this short are near only when equal (nameTolerance 0). */
const EXACT_BELOW = 6;

/**
 * Pairs of systems with near names that share a block (indexes into
 * `systems`, i < j), at least one of them in `targets` when given. Every
 * such pair is found (no sliding window: a stored pair must not depend on
 * which other systems exist), without comparing every two names: names are
 * near only when equal or at most MAX_NAME_EDITS edits apart, and then one
 * of the MAX_NAME_EDITS + 1 pieces of one name appears unchanged in the
 * other, at most MAX_NAME_EDITS characters from where it was (the
 * pigeonhole filter of PassJoin). Names are indexed by their pieces; each
 * name looks up its substrings near those places, and only the names found
 * are compared.
 */
export function nearNamePairs(systems: { id: string; nameKey: string }[], targets?: Set<string>): [number, number][] {
  const names = systems.map((s) => keyed(s.nameKey));
  const byNorm = new Map<string, number[]>();
  const byPiece = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  names.forEach((n, i) => {
    if (!n.nameKey) return;
    add(byNorm, n.norm, i);
    if (n.norm.length < EXACT_BELOW) return;
    for (const [p, [start, size]] of pieces(n.norm.length).entries())
      add(byPiece, `${n.norm.length}:${p}:${n.norm.substr(start, size)}`, i);
  });
  const isTarget = (i: number) => !targets || targets.has(systems[i].id);
  const out: [number, number][] = [];
  // the probe that last found each name: a name found twice is compared once
  const seenBy = new Int32Array(systems.length).fill(-1);
  const consider = (i: number, j: number) => {
    if (seenBy[j] === i) return;
    seenBy[j] = i;
    const a = names[i];
    const b = names[j];
    // a pair of two targets is reported by the first of them
    if (j === i || (j < i && isTarget(j))) return;
    if (a.prefix !== b.prefix && a.suffix !== b.suffix) return;
    if (nearNames(a, b)) out.push(i < j ? [i, j] : [j, i]);
  };
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (!n.nameKey || !isTarget(i)) continue;
    for (const j of byNorm.get(n.norm) ?? []) consider(i, j);
    const len = n.norm.length;
    if (len < EXACT_BELOW) continue;
    for (let other = Math.max(EXACT_BELOW, len - MAX_NAME_EDITS); other <= len + MAX_NAME_EDITS; other++) {
      const parts = pieces(other);
      for (let p = 0; p < parts.length; p++) {
        const [start, size] = parts[p];
        const to = Math.min(len - size, start + MAX_NAME_EDITS);
        for (let at = Math.max(0, start - MAX_NAME_EDITS); at <= to; at++) {
          const found = byPiece.get(`${other}:${p}:${n.norm.substr(at, size)}`);
          if (found) for (const j of found) consider(i, j);
        }
      }
    }
  }
  return out;
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
