import { uuidv7 } from 'uuidv7';
import type { Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';
import {
  type FailureCount,
  LOOKBACK_MS,
  retryAfterSeconds,
  SOURCE_WINDOW_MS,
  type ThrottleState,
  waitMs,
} from './throttle.rules.js';

// Sign-in attempts are counted in the database so the limits hold across app
// nodes; the limits themselves are in throttle.rules.ts. An attempt is stored
// as a failure *before* the password is checked and turned into a success
// after, so guesses sent at the same moment to several nodes all count.

export type Blocked = { retryAfterSeconds: number };

const later = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

async function lastSuccess(db: Executor, email: string, ip?: string): Promise<string | null> {
  let q = db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where('succeeded', '=', 1);
  if (ip !== undefined) q = q.where('ip', '=', ip);
  const row = await q.executeTakeFirst();
  return row?.at ? String(row.at) : null;
}

async function failures(
  db: Executor,
  where: { email?: string; ip?: string },
  since: string,
  pick: 'max' | 'min',
  exceptId?: string,
): Promise<FailureCount> {
  let q = db
    .selectFrom('sign_in_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), (pick === 'max' ? eb.fn.max('at') : eb.fn.min('at')).as('at')])
    .where('succeeded', '=', 0)
    .where('at', '>', since);
  if (where.email !== undefined) q = q.where('email', '=', where.email);
  if (where.ip !== undefined) q = q.where('ip', '=', where.ip);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const row = await q.executeTakeFirstOrThrow();
  return { n: Number(row.n), at: row.at ? String(row.at) : null };
}

/** The three counters for an attempt on `email` from `ip` (see throttle.rules.ts). */
export async function throttleState(
  db: Executor,
  email: string,
  ip: string,
  now: number,
  exceptId?: string,
): Promise<ThrottleState> {
  const lookback = new Date(now - LOOKBACK_MS).toISOString();
  const [anySuccess, successHere] = await Promise.all([lastSuccess(db, email), lastSuccess(db, email, ip)]);
  const [source, pair, account] = await Promise.all([
    failures(db, { ip }, new Date(now - SOURCE_WINDOW_MS).toISOString(), 'min', exceptId),
    failures(db, { email, ip }, later(lookback, successHere), 'max', exceptId),
    failures(db, { email }, later(lookback, anySuccess), 'max', exceptId),
  ]);
  return { source, pair, account, knownSource: successHere !== null };
}

/** Whether an attempt on `email` from `ip` must wait now, and how long. Reads only. */
export async function signInBlocked(db: Executor, email: string, ip: string, now = Date.now()): Promise<Blocked | null> {
  const ms = waitMs(await throttleState(db, email, ip, now), now);
  return ms > 0 ? { retryAfterSeconds: retryAfterSeconds(ms) } : null;
}

/**
 * Claims one attempt: refused (nothing stored) when a limit applies; else
 * stored as a failure, then checked again counting attempts that raced it, so
 * of N simultaneous guesses only those within the limits go ahead. Call
 * `settleSignInAttempt` with the outcome.
 */
export async function claimSignInAttempt(
  db: Executor,
  email: string,
  ip: string,
): Promise<{ attemptId: string; blocked?: undefined } | { attemptId?: undefined; blocked: Blocked }> {
  const first = await signInBlocked(db, email, ip);
  if (first) return { blocked: first };
  const attemptId = uuidv7();
  await db.insertInto('sign_in_attempts').values({ id: attemptId, email, ip, succeeded: 0, at: nowIso() }).execute();
  const now = Date.now();
  const ms = waitMs(await throttleState(db, email, ip, now, attemptId), now);
  if (ms > 0) {
    await db.deleteFrom('sign_in_attempts').where('id', '=', attemptId).execute();
    return { blocked: { retryAfterSeconds: retryAfterSeconds(ms) } };
  }
  return { attemptId };
}

/**
 * A success resets the account's counters (see throttle.rules.ts); a failure
 * stays counted. The time stays the claim's: failures that raced this
 * success, stored after it was claimed, still count.
 */
export async function settleSignInAttempt(db: Executor, attemptId: string, succeeded: boolean): Promise<void> {
  if (!succeeded) return;
  await db.updateTable('sign_in_attempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
}

/** Records an attempt whose outcome is already known (a wrong current password when changing it). */
export async function recordSignInAttempt(db: Executor, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values({ id: uuidv7(), email, ip, succeeded: succeeded ? 1 : 0, at: nowIso() })
    .execute();
}

/** The 429 answer's words: the real time left, and who can lift it. */
export function lockoutMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
      : `${Math.ceil(retryAfterSeconds / 60)} minute${Math.ceil(retryAfterSeconds / 60) === 1 ? '' : 's'}`;
  return `Too many attempts. Try again in ${wait} or ask an administrator to unlock your account.`;
}

/**
 * Lifts the per-account limits: forgets the failed attempts on this email
 * (from every source; the rows are the lock, the audit log keeps the unlock).
 * The per-source limit stays: it protects against one source guessing many
 * accounts, which an account's administrator cannot vouch for.
 */
export async function clearFailedSignIns(db: Executor, email: string): Promise<number> {
  const r = await db.deleteFrom('sign_in_attempts').where('email', '=', email).where('succeeded', '=', 0).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}
