import { recordSignInAttempt, signInBlocked, lockoutMessage } from '../../platform/auth/throttle.js';
import type { Db, Executor, Tx } from '../../platform/db/db.js';
import { forUpdate, nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { AppError } from '../../platform/http/errors.js';
import { acceptedStep, recoveryCodeHash } from './mfa.codes.js';
import type { TokenMarkTables } from './mfa.tables.js';

// Checking a code: one place for the replay rule, single-use recovery codes
// and the count of wrong codes, so sign-in, enrolment, new recovery codes and
// turning it off all obey the same limits.

/** Wrong codes per account within the window before codes are refused for the rest of it. */
export const MAX_WRONG_CODES = 10;
export const WRONG_CODE_WINDOW_MS = 15 * 60_000;

export interface SecondFactorProof {
  code?: string | undefined;
  recoveryCode?: string | undefined;
}

export function withTokenMark(db: Executor) {
  return db.withTables<TokenMarkTables>();
}

/**
 * Runs `then` in the transaction that consumes the code: a code is spent only
 * if what it authorises commits. A wrong code counts against the account's
 * own limit and the sign-in throttle, then `wrong()` is thrown.
 */
export async function withSecondFactor<T>(
  db: Db,
  user: Row<'users'>,
  proof: SecondFactorProof,
  ip: string,
  wrong: () => AppError,
  then: (tx: Tx) => Promise<T>,
  opts: { pending?: boolean } = {},
): Promise<T> {
  const blocked = (await wrongCodeLock(db, user.id)) ?? (await signInBlocked(db, user.email, ip));
  if (blocked) {
    throw new AppError(429, 'Too Many Requests', lockoutMessage(blocked.retryAfterSeconds), [], {
      'retry-after': String(blocked.retryAfterSeconds),
    });
  }
  const outcome = await db.transaction().execute(async (tx) => {
    let ok = false;
    if (proof.code) ok = await spendTotpCode(tx, user.id, proof.code, opts.pending ?? false);
    else if (proof.recoveryCode && !opts.pending) ok = await spendRecoveryCode(tx, user.id, proof.recoveryCode);
    if (!ok) return { ok: false as const };
    return { ok: true as const, value: await then(tx) };
  });
  if (!outcome.ok) {
    await recordWrongCode(db, user.id);
    await recordSignInAttempt(db, user.email, ip, false);
    throw wrong();
  }
  return outcome.value;
}

async function spendTotpCode(tx: Tx, userId: string, code: string, pending: boolean): Promise<boolean> {
  const row = await forUpdate(tx, tx.selectFrom('mfa_totp').selectAll().where('user_id', '=', userId)).executeTakeFirst();
  if (!row || (pending ? row.confirmed_at !== null : row.confirmed_at === null)) return false;
  const step = await acceptedStep(row.secret, code, Number(row.last_step));
  if (step === null) return false;
  // Conditional on the step still being new: two nodes checking the same code
  // at once cannot both accept it.
  const r = await tx
    .updateTable('mfa_totp')
    .set({ last_step: step, failures: 0, failures_since: null })
    .where('user_id', '=', userId)
    .where('last_step', '<', step)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

async function spendRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  const r = await tx
    .updateTable('mfa_recovery_codes')
    .set({ used_at: nowIso() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', recoveryCodeHash(code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await tx.updateTable('mfa_totp').set({ failures: 0, failures_since: null }).where('user_id', '=', userId).execute();
  return true;
}

/**
 * The account's own limit on wrong codes. The sign-in throttle alone is not
 * enough: whoever knows the password could reset it with a right password
 * between guesses. This count only a right code resets.
 */
async function wrongCodeLock(db: Executor, userId: string): Promise<{ retryAfterSeconds: number } | null> {
  const row = await db
    .selectFrom('mfa_totp')
    .select(['failures', 'failures_since'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row?.failures_since || Number(row.failures) < MAX_WRONG_CODES) return null;
  const until = Date.parse(row.failures_since) + WRONG_CODE_WINDOW_MS;
  if (until <= Date.now()) return null;
  return { retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
}

async function recordWrongCode(db: Db, userId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await forUpdate(
      tx,
      tx.selectFrom('mfa_totp').select(['failures', 'failures_since']).where('user_id', '=', userId),
    ).executeTakeFirst();
    if (!row) return;
    const now = nowIso();
    const fresh = !row.failures_since || Date.parse(row.failures_since) + WRONG_CODE_WINDOW_MS <= Date.now();
    await tx
      .updateTable('mfa_totp')
      .set(fresh ? { failures: 1, failures_since: now } : { failures: Number(row.failures) + 1 })
      .where('user_id', '=', userId)
      .execute();
  });
}
