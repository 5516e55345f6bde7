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
