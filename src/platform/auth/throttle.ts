import { uuidv7 } from 'uuidv7';
import type { Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';

// Sign-in attempts are counted in the database so the limit holds across app
// nodes. Failed attempts per email and per IP within a window are capped.
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export async function signInBlocked(db: Executor, email: string, ip: string): Promise<{ retryAfterSeconds: number } | null> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS).toISOString();
  const byEmail = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
    .where('email', '=', email)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  const byIp = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
    .where('ip', '=', ip)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  const hit = Number(byEmail.n) >= MAX_FAILURES_PER_EMAIL ? byEmail : Number(byIp.n) >= MAX_FAILURES_PER_IP ? byIp : null;
  if (!hit) return null;
  const retryAt = Date.parse(String(hit.first)) + SIGN_IN_WINDOW_MS;
  return { retryAfterSeconds: Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)) };
}

export async function recordSignInAttempt(db: Executor, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values({ id: uuidv7(), email, ip, succeeded: succeeded ? 1 : 0, at: nowIso() })
    .execute();
}

/** The 429 answer's words: the real minutes left, and who can lift it. */
export function lockoutMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} or ask an administrator to unlock your account.`;
}

/**
 * Lifts the per-account limit: forgets the failed attempts on this email in
 * the current window (the rows are the lock; the audit log keeps the unlock).
 * The per-IP limit stays: it protects against one source guessing many
 * accounts, which an account's administrator cannot vouch for.
 */
export async function clearFailedSignIns(db: Executor, email: string): Promise<number> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS).toISOString();
  const r = await db
    .deleteFrom('sign_in_attempts')
    .where('email', '=', email)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

/** Whether the account itself (not the caller's IP) is locked out now. */
export async function accountLocked(db: Executor, email: string): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS).toISOString();
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n) >= MAX_FAILURES_PER_EMAIL;
}
