import { editDistance, fold, jaccard, words } from '../../platform/text.js';
import type { AiSystemInput } from './inventory.schemas.js';

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

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last review date before which a system's review is overdue. */
export function reviewCutoff(today: string, reviewIntervalDays: number): string {
  return addDays(today, -reviewIntervalDays);
}

export function aiSystemFlags(s: Flaggable, ctx: FlagContext): Flag[] {
  const flags: Flag[] = [];
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
 * Groups likely duplicates: the same or near-same folded name, and nothing
 * that tells them apart (no disjoint suppliers, no unrelated purposes).
 * Candidates are blocked by name prefix and suffix, then compared within a
 * sorted window, so 10,000 systems take milliseconds, not n² comparisons.
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

  const compatible = (a: number, b: number): string | null => {
    const sa = systems[a].supplierIds;
    const sb = systems[b].supplierIds;
    if (sa.length && sb.length && !sa.some((x) => sb.includes(x))) return null;
    const pa = purposeWords[a];
    const pb = purposeWords[b];
    if (pa.size && pb.size && jaccard(pa, pb) < MIN_PURPOSE_SIMILARITY) return null;
    const name = systems[a].nameKey === systems[b].nameKey ? 'same name' : 'near-same name';
    const extra = sa.length && sb.length ? ', same supplier' : '';
    const purpose = pa.size && pb.size ? ', similar purpose' : '';
    return `${name}${extra}${purpose}`;
  };

  const link = (a: number, b: number, reason: string) => {
    const ra = find(a);
    const rb = find(b);
    const merged = new Set([...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), reason]);
    parent[rb] = ra;
    reasons.set(ra, merged);
  };

  const blocks = new Map<string, number[]>();
  systems.forEach((s, i) => {
    if (!s.nameKey) return;
    for (const key of [`p:${s.nameKey.slice(0, 3)}`, `s:${s.nameKey.slice(-3)}`]) {
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  });
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    members.sort((a, b) => (systems[a].nameKey < systems[b].nameKey ? -1 : 1));
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < Math.min(members.length, x + WINDOW); y++) {
        const a = members[x];
        const b = members[y];
        if (find(a) === find(b)) continue;
        const ka = systems[a].nameKey;
        const kb = systems[b].nameKey;
        const tol = nameTolerance(Math.min(ka.length, kb.length));
        if (ka !== kb && editDistance(ka, kb, tol) > tol) continue;
        const reason = compatible(a, b);
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
