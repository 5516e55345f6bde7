import { fold } from '../../platform/text.js';
import type { AiSystemInput } from './inventory.schemas.js';
import { addDays } from '../../platform/dates.js';
export { addDays } from '../../platform/dates.js';

// Pure rules of the inventory: what an auditor would find missing, which
// systems are likely the same one entered twice (the flag; detection is in
// inventory.duplicate-rules), and how two merge.
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

let lastCutoff = { today: '', days: 0, cutoff: '' };

/** The last review date before which a system's review is overdue (the same for every row of a list: worked out once). */
export function reviewCutoff(today: string, reviewIntervalDays: number): string {
  if (lastCutoff.today !== today || lastCutoff.days !== reviewIntervalDays)
    lastCutoff = { today, days: reviewIntervalDays, cutoff: addDays(today, -reviewIntervalDays) };
  return lastCutoff.cutoff;
}

/**
 * The gaps of a record that do not change with the date, one bit each,
 * stored on its row (missing_mask) so the summary counts them from an index
 * instead of testing every row (and its supplier links) on each request. The
 * other two are read from their columns: risk (no risk level) and review
 * (the cutoff moves every day). The conditions are the flags' own.
 */
export const MASKED_MISSING = { owner: 1, monitoring: 2, supplier: 4 } as const;

export function missingMask(s: Pick<Flaggable, 'businessOwner' | 'technicalOwner' | 'monitoringMethod' | 'kind' | 'suppliers'>) {
  return (
    (!s.businessOwner || !s.technicalOwner ? MASKED_MISSING.owner : 0) |
    (!s.monitoringMethod.trim() ? MASKED_MISSING.monitoring : 0) |
    (s.kind === 'third-party-saas' && s.suppliers.length === 0 ? MASKED_MISSING.supplier : 0)
  );
}

const fixed = (code: string, field: string, message: string): Flag => Object.freeze({ code, field, message });

// The flags whose words never change, made once and shared (frozen): a list
// page flags 50 systems, and these were most of its flag objects.
const FIXED = {
  noBusinessOwner: fixed('no-business-owner', 'businessOwner', 'No business owner is named.'),
  noTechnicalOwner: fixed('no-technical-owner', 'technicalOwner', 'No technical owner is named.'),
  notRiskRated: fixed('not-risk-rated', 'riskLevel', 'The system is not risk-rated.'),
  noMonitoringMethod: fixed(
    'no-monitoring-method',
    'monitoringMethod',
    'No monitoring method: how are outputs, performance and incidents reviewed?',
  ),
  thirdPartyWithoutSupplier: fixed(
    'third-party-without-supplier',
    'suppliers',
    'A third-party system with no supplier recorded.',
  ),
  neverReviewed: fixed('never-reviewed', 'lastReviewDate', 'The system has never been reviewed.'),
};

/** What an auditor would flag in one record; `duplicates` are its stored duplicate edges (duplicatesOfRecords). */
export function aiSystemFlags(
  s: Flaggable,
  ctx: FlagContext,
  duplicates: DuplicateMatch[] = [],
  /** fold(s.name), when the caller has it stored (a row's name_key): a list flags 50 rows at a time */
  nameKey?: string,
): Flag[] {
  const flags: Flag[] = [];
  const duplicate = possibleDuplicateFlag(duplicates);
  if (duplicate) flags.push(duplicate);
  if (!s.businessOwner) flags.push(FIXED.noBusinessOwner);
  if (!s.technicalOwner) flags.push(FIXED.noTechnicalOwner);
  if (!s.riskLevel) flags.push(FIXED.notRiskRated);
  else if (!ctx.riskScale.includes(s.riskLevel)) {
    flags.push({
      code: 'risk-level-unknown',
      field: 'riskLevel',
      message: `"${s.riskLevel}" is not on the organization's risk scale (${ctx.riskScale.join(', ')}).`,
    });
  }
  if (!s.monitoringMethod.trim()) flags.push(FIXED.noMonitoringMethod);
  if (s.kind === 'third-party-saas' && s.suppliers.length === 0) flags.push(FIXED.thirdPartyWithoutSupplier);
  if (!s.lastReviewDate) flags.push(FIXED.neverReviewed);
  else if (s.lastReviewDate < reviewCutoff(ctx.today, ctx.reviewIntervalDays)) {
    flags.push({
      code: 'review-overdue',
      field: 'lastReviewDate',
      message: `Last reviewed on ${s.lastReviewDate}, longer ago than the ${ctx.reviewIntervalDays}-day review interval.`,
    });
  }
  const scope = ctx.approvedScope;
  if (scope && s.inScope !== null) {
    const listed = (s.id !== undefined && scope.ids.has(s.id)) || scope.nameKeys.has(nameKey ?? fold(s.name));
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

export interface DuplicateMatch {
  id: string;
  name: string;
  reason: string;
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
