// The sign-in limits as pure rules, so the schedule can be tested without a
// database or a clock. Three counters, each a number of failures and the time
// of the latest one (see throttle.ts for how they are counted):
//
// - per source (address): at most 20 failures in 15 minutes, whatever the
//   accounts. Stops one source from guessing across many accounts.
// - per account and source: 5 failures free, then each further attempt waits
//   1 s, 2 s, 4 s ... doubling up to 15 minutes. This is the stern limit, and
//   it falls only on the source that failed.
// - per account (all sources): 10 failures free, then the same doubling but
//   capped at 60 seconds. It slows guessing spread over many addresses, and
//   because it is capped at a minute an attacker cannot lock the real user out
//   for long. An address the account has signed in from before is exempt from
//   it (only its own failures count there), so a user at their usual desk is
//   not slowed at all by someone failing elsewhere.
//
// A success resets the account's counter and that source's pair counter.
// Attempts refused with 429 are not counted, so hammering a locked account
// does not extend its lock.

export const LOOKBACK_MS = 24 * 3600_000;
export const SOURCE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_SOURCE = 20;

export interface Backoff {
  /** failures allowed before any wait */
  free: number;
  /** the first wait, doubled after each further failure */
  firstDelayMs: number;
  capMs: number;
}

export const PAIR_BACKOFF: Backoff = { free: 5, firstDelayMs: 1000, capMs: 15 * 60_000 };
export const ACCOUNT_BACKOFF: Backoff = { free: 10, firstDelayMs: 1000, capMs: 60_000 };

/** How long to wait after the latest of `failures` consecutive failures. */
export function backoffDelayMs(failures: number, b: Backoff): number {
  if (failures < b.free) return 0;
  const doublings = Math.min(failures - b.free, 30);
  return Math.min(b.firstDelayMs * 2 ** doublings, b.capMs);
}

export interface FailureCount {
  n: number;
  /** ISO time of the latest failure counted (for backoff) or the earliest (for the source window) */
  at: string | null;
}

export interface ThrottleState {
  source: FailureCount;
  pair: FailureCount;
  account: FailureCount;
  /** this source signed in to this account before: the account-wide counter does not apply */
  knownSource: boolean;
}

/** Milliseconds until an attempt is allowed; 0 when it is allowed now. */
export function waitMs(state: ThrottleState, now: number): number {
  const after = (c: FailureCount, b: Backoff) => (c.at ? Date.parse(c.at) + backoffDelayMs(c.n, b) - now : 0);
  const waits = [after(state.pair, PAIR_BACKOFF)];
  if (!state.knownSource) waits.push(after(state.account, ACCOUNT_BACKOFF));
  if (state.source.n >= MAX_FAILURES_PER_SOURCE && state.source.at) {
    waits.push(Date.parse(state.source.at) + SOURCE_WINDOW_MS - now);
  }
  return Math.max(0, ...waits);
}

/** The Retry-After value: whole seconds, at least 1. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
