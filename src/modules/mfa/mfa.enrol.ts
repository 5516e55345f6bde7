import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit-log/audit-log.js';
import { verifyPassword } from '../../platform/auth/secrets.js';
import { recordSignInAttempt } from '../../platform/auth/throttle.js';
import type { Db, Executor, Tx } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import { type AuthContext, actorOf } from '../../platform/http/auth-context.js';
import { AppError, conflict, invalid } from '../../platform/http/errors.js';
import { newRecoveryCode, newTotpSecret, otpauthUri, RECOVERY_CODE_COUNT, recoveryCodeHash } from './mfa.codes.js';
import { enforcingOrgsOf } from './mfa.policy.js';
import { type SecondFactorProof, withSecondFactor, withTokenMark } from './mfa.verify.js';

// The account's own second factor: enrol, confirm, new recovery codes, off.
// The secret is returned once, when enrolment starts; after confirmation no
// route returns it (it stays in the database because checking a code needs it).

const wrongCode =
  (field = 'body.code') =>
  () =>
    invalid([{ field, message: 'is wrong, expired or already used' }], 'The code is wrong.');

export async function mfaStatus(db: Executor, auth: AuthContext) {
  const row = await db.selectFrom('mfa_totp').select(['confirmed_at']).where('user_id', '=', auth.user.id).executeTakeFirst();
  const left = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', auth.user.id)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    enabled: Boolean(row?.confirmed_at),
    pending: Boolean(row && !row.confirmed_at),
    confirmedAt: row?.confirmed_at ?? null,
    recoveryCodesLeft: row?.confirmed_at ? Number(left.n) : 0,
    sessionVerified: auth.via === 'session' && auth.session?.mfa_verified === 1,
    requiredBy: await enforcingOrgsOf(db, auth.user.id),
  };
}

/** Starts (or restarts) enrolment with a fresh secret; refused while a factor is on. */
export async function startEnrolment(db: Db, auth: AuthContext) {
  const secret = await newTotpSecret();
  await db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('mfa_totp')
      .select('confirmed_at')
      .where('user_id', '=', auth.user.id)
      .executeTakeFirst();
    if (existing?.confirmed_at) throw conflict('Two-step verification is already on; turn it off first to set up a new app.');
    await tx.deleteFrom('mfa_totp').where('user_id', '=', auth.user.id).execute();
    await tx
      .insertInto('mfa_totp')
      .values({ user_id: auth.user.id, secret, confirmed_at: null, failures_since: null, created_at: nowIso() })
      .execute();
    await appendAudit(tx, actorOf(auth), {
      orgId: null,
      entityType: 'mfa',
      entityId: auth.user.id,
      action: 'enrol-start',
    });
  });
  return { secret, otpauthUri: await otpauthUri(auth.user.email, secret) };
}

export async function confirmEnrolment(db: Db, auth: AuthContext, code: string, ip: string) {
  return withSecondFactor(
    db,
    auth.user,
    { code },
    ip,
    wrongCode(),
    async (tx) => {
      await tx.updateTable('mfa_totp').set({ confirmed_at: nowIso() }).where('user_id', '=', auth.user.id).execute();
      // The session that proved the code counts as verified; others do not.
      if (auth.via === 'session' && auth.session) {
        await tx.updateTable('sessions').set({ mfa_verified: 1 }).where('id', '=', auth.session.id).execute();
      }
      const codes = await replaceRecoveryCodes(tx, auth.user.id);
      await appendAudit(tx, actorOf(auth), { orgId: null, entityType: 'mfa', entityId: auth.user.id, action: 'enable' });
      return { recoveryCodes: codes };
    },
    { pending: true },
  );
}

export async function regenerateRecoveryCodes(db: Db, auth: AuthContext, code: string, ip: string) {
  await requireEnabled(db, auth.user.id);
  return withSecondFactor(db, auth.user, { code }, ip, wrongCode(), async (tx) => {
    const codes = await replaceRecoveryCodes(tx, auth.user.id);
    await appendAudit(tx, actorOf(auth), {
      orgId: null,
      entityType: 'mfa',
      entityId: auth.user.id,
      action: 'recovery-codes-regenerate',
    });
    return { recoveryCodes: codes };
  });
}

export async function turnOff(db: Db, auth: AuthContext, body: SecondFactorProof & { password: string }, ip: string) {
  await requireEnabled(db, auth.user.id);
  const enforcing = await enforcingOrgsOf(db, auth.user.id);
  if (enforcing.length > 0) {
    throw conflict(
      `${enforcing.map((o) => o.name).join(', ')} require${enforcing.length === 1 ? 's' : ''} two-step verification: it cannot be turned off while you are a member.`,
    );
  }
  if (!(await verifyPassword(auth.user.password_hash, body.password))) {
    await recordSignInAttempt(db, auth.user.email, ip, false);
    throw invalid([{ field: 'body.password', message: 'is wrong' }], 'The password is wrong.');
  }
  const field = body.code ? 'body.code' : 'body.recoveryCode';
  await withSecondFactor(db, auth.user, body, ip, wrongCode(field), async (tx) => {
    await tx.deleteFrom('mfa_recovery_codes').where('user_id', '=', auth.user.id).execute();
    await tx.deleteFrom('mfa_totp').where('user_id', '=', auth.user.id).execute();
    // Marks made under this factor must not count for a factor set up later.
    await tx.updateTable('sessions').set({ mfa_verified: 0 }).where('user_id', '=', auth.user.id).execute();
    await withTokenMark(tx).updateTable('api_tokens').set({ mfa_verified: 0 }).where('user_id', '=', auth.user.id).execute();
    await appendAudit(tx, actorOf(auth), { orgId: null, entityType: 'mfa', entityId: auth.user.id, action: 'disable' });
  });
}

async function requireEnabled(db: Executor, userId: string) {
  const row = await db.selectFrom('mfa_totp').select('confirmed_at').where('user_id', '=', userId).executeTakeFirst();
  if (!row?.confirmed_at) throw new AppError(409, 'Conflict', 'Two-step verification is not on for your account.');
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  await tx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const now = nowIso();
  await tx
    .insertInto('mfa_recovery_codes')
    .values(codes.map((c) => ({ id: uuidv7(), user_id: userId, code_hash: recoveryCodeHash(c), used_at: null, created_at: now })))
    .execute();
  return codes;
}

/** A token made by a session with the mark carries it (called right after the token is issued). */
export async function markTokenFromSession(db: Executor, tokenId: string, auth: AuthContext): Promise<void> {
  if (auth.via !== 'session' || auth.session?.mfa_verified !== 1) return;
  await withTokenMark(db).updateTable('api_tokens').set({ mfa_verified: 1 }).where('id', '=', tokenId).execute();
}
