// Pure rules of training and competence: numbering, refresher expiry and the
// state of one person's training on one topic.
import { addDays } from '../../platform/dates.js';
export { addDays, addMonths } from '../../platform/dates.js';

export const AUDIENCE_KINDS = ['all', 'roles', 'teams'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const CELL_STATES = ['complete', 'expiring', 'overdue', 'missing', 'not-required'] as const;
export type CellState = (typeof CELL_STATES)[number];

export const RECORD_STATES = ['valid', 'expiring', 'expired'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/** A completion expiring within this many days is "expiring". */
export const EXPIRING_DAYS = 30;

export const trainingNumber = (seq: number) => `TRN-${String(seq).padStart(3, '0')}`;

/** TRN-7, trn-007, TRN-007 → 7; anything else null. */
export function parseTrainingNumber(text: string): number | null {
  const m = /^trn-0*(\d{1,6})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** A completion's state: valid through its expiry day, expiring in the 30 days before. */
export function recordState(expiresOn: string | null, today: string): RecordState {
  if (!expiresOn) return 'valid';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, EXPIRING_DAYS) ? 'expiring' : 'valid';
}

/**
 * One cell of the matrix. Required and never completed: missing; required and
 * the latest completion expired: overdue. A topic someone is not required to
 * take still shows a valid completion they have.
 */
export function cellState(required: boolean, latest: { expiresOn: string | null } | null, today: string): CellState {
  if (!latest) return required ? 'missing' : 'not-required';
  const s = recordState(latest.expiresOn, today);
  if (s === 'expired') return required ? 'overdue' : 'not-required';
  return s === 'expiring' ? 'expiring' : 'complete';
}

export interface Audience {
  kind: AudienceKind;
  roleIds: string[];
  teams: string[];
}

/** Does a topic's audience take in a person with these governance roles and team? */
export function audienceCovers(a: Audience, roleIds: readonly string[], team: string | null): boolean {
  if (a.kind === 'all') return true;
  if (a.kind === 'roles') return a.roleIds.some((r) => roleIds.includes(r));
  return !!team && a.teams.some((t) => teamKey(t) === teamKey(team));
}

/** Teams compare without case or extra spaces. */
export const teamKey = (team: string) => team.trim().replace(/\s+/g, ' ').toLowerCase();

export const STATE_WORDS: Record<CellState, string> = {
  complete: 'Complete',
  expiring: 'Expiring',
  overdue: 'Overdue',
  missing: 'Missing',
  'not-required': 'Not required',
};

/** Evidence given as an address must be an absolute http(s) one. */
export function urlError(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'must be an absolute http or https address';
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'must be an http or https address';
}
