// Pure rules of the evidence register: numbers, states, flags and the
// evidence area a requirement or control belongs to. No I/O.
import { addDays } from '../../platform/dates.js';
export { addDays } from '../../platform/dates.js';

export const EVIDENCE_KINDS = ['file', 'link', 'record'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What an evidence link may point at (evidence_links.target_kind). */
export const LINK_TARGETS = ['requirement', 'control', 'ai-system', 'risk'] as const;

/** The seven evidence areas follow the management-system clauses 4 to 10. */
export const EVIDENCE_AREAS = [
  'scope-context',
  'leadership',
  'planning',
  'support',
  'operation',
  'performance-evaluation',
  'improvement',
] as const;
export type EvidenceArea = (typeof EVIDENCE_AREAS)[number];

export const AREA_LABELS: Record<EvidenceArea, string> = {
  'scope-context': 'Scope and context',
  leadership: 'Leadership',
  planning: 'Planning',
  support: 'Support',
  operation: 'Operation',
  'performance-evaluation': 'Performance evaluation',
  improvement: 'Improvement',
};

/** Where an item with no requirement or control to tell lands: documented information is support (7.5). */
export const DEFAULT_AREA: EvidenceArea = 'support';

const CLAUSE_AREAS: Record<string, EvidenceArea> = {
  '4': 'scope-context',
  '5': 'leadership',
  '6': 'planning',
  '7': 'support',
  '8': 'operation',
  '9': 'performance-evaluation',
  '10': 'improvement',
};

// Annex A objectives by the clause whose work they mostly evidence: policies
// and roles are leadership, resources support, impact assessment planning,
// the life cycle, data, information, use and third parties operation.
const ANNEX_AREAS: Record<string, EvidenceArea> = {
  'A.2': 'leadership',
  'A.3': 'leadership',
  'A.4': 'support',
  'A.5': 'planning',
  'A.6': 'operation',
  'A.7': 'operation',
  'A.8': 'operation',
  'A.9': 'operation',
  'A.10': 'operation',
};

/** The area of a clause (7.5.1) or Annex A control (A.6.2.6) id; null for an own control or an unknown id. */
export function areaOf(id: string): EvidenceArea | null {
  const annex = /^(A\.\d+)\./.exec(id);
  if (annex) return ANNEX_AREAS[annex[1]] ?? null;
  const clause = /^(\d+)(\.|$)/.exec(id);
  return clause ? (CLAUSE_AREAS[clause[1]] ?? null) : null;
}

/** The area of the first linked requirement, else the first control that has one, else support. */
export function defaultArea(requirementIds: string[], controlIds: string[]): EvidenceArea {
  for (const id of [...requirementIds, ...controlIds]) {
    const a = areaOf(id);
    if (a) return a;
  }
  return DEFAULT_AREA;
}

/** Evidence about to run out is "expiring" this many days ahead. */
export const EXPIRING_DAYS = 30;

export const EVIDENCE_STATES = ['valid', 'expiring', 'expired'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

let lastToday = '';
let lastUntil = '';

/** The last date counted as expiring (today + 30 days): later or no end date is valid. */
export function expiringUntil(today: string): string {
  // Asked once per item of a list, always with the same today: the last answer is kept.
  if (today !== lastToday) {
    lastUntil = addDays(today, EXPIRING_DAYS);
    lastToday = today;
  }
  return lastUntil;
}

/** Valid on its last day; expired the day after. */
export function evidenceState(validUntil: string | null, today: string): EvidenceState {
  if (validUntil === null || validUntil > expiringUntil(today)) return 'valid';
  return validUntil < today ? 'expired' : 'expiring';
}

export interface EvidenceFlag {
  code: 'expired' | 'expiring-soon' | 'no-links' | 'file-missing';
  message: string;
}

export function evidenceFlags(
  f: { validUntil: string | null; linkCount: number; fileMissing: boolean },
  today: string,
): EvidenceFlag[] {
  const out: EvidenceFlag[] = [];
  const state = evidenceState(f.validUntil, today);
  if (state === 'expired') out.push({ code: 'expired', message: `No longer valid: its validity ended on ${f.validUntil}.` });
  if (state === 'expiring')
    out.push({ code: 'expiring-soon', message: `Valid until ${f.validUntil}: collect a fresh one before then.` });
  if (f.linkCount === 0)
    out.push({
      code: 'no-links',
      message: 'Not linked to any requirement, control, AI system or risk: it evidences nothing yet.',
    });
  if (f.fileMissing) out.push({ code: 'file-missing', message: 'The stored file cannot be found.' });
  return out;
}

export const evidenceNumber = (seq: number) => `EV-${String(seq).padStart(4, '0')}`;

/** "EV-12", "ev-0012" or "12" -> 12; anything else null. */
export function parseEvidenceNumber(q: string): number | null {
  const m = /^\s*(?:ev-?)?0*(\d{1,9})\s*$/i.exec(q);
  return m ? Number(m[1]) : null;
}

/** Only http and https addresses: anything else (javascript:, file:, data:) is refused. */
export function urlError(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'must be an absolute http or https address';
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'must be an http or https address';
}
