import { randomSecret, sha256 } from '../../platform/auth/secrets.js';
import { recordSignInAttempt } from '../../platform/auth/throttle.js';
import type { Db } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { AppError, unauthorized } from '../../platform/http/errors.js';
import { hasSecondFactor } from './mfa.policy.js';
import { type SecondFactorProof, withSecondFactor } from './mfa.verify.js';

// The step between a right password and a session. The challenge proves the
// password was right; it is short-lived, single use, and stored hashed.

export const CHALLENGE_TTL_MS = 5 * 60_000;
/** Wrong codes on one challenge before it is spent and the password is asked again. */
export const MAX_WRONG_CODES_PER_CHALLENGE = 5;

/** A challenge when the account has a second factor, else null (sign in at once). */
export async function secondFactorChallenge(db: Db, user: Row<'users'>) {
  if (!(await hasSecondFactor(db, user.id))) return null;
  const challenge = randomSecret();
  const now = new Date();
  await db.transaction().execute(async (tx) => {
    // Expired challenges are of no use to anyone: cleared as new ones are made.
    await tx.deleteFrom('mfa_challenges').where('expires_at', '<', now.toISOString()).execute();
    await tx
      .insertInto('mfa_challenges')
      .values({
        id: sha256(challenge),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(),
      })
      .execute();
  });
  return { mfaRequired: true as const, challenge };
}

const expired = () => unauthorized('The sign-in step expired or was already used; sign in again.');

/** The user whose challenge and code are right; the challenge and the code are spent. */
export async function completeSecondFactor(
  db: Db,
  body: SecondFactorProof & { challenge: string },
  ip: string,
): Promise<Row<'users'>> {
  const id = sha256(body.challenge);
  const found = await db
    .selectFrom('mfa_challenges')
    .innerJoin('users', 'users.id', 'mfa_challenges.user_id')
    .selectAll('users')
    .where('mfa_challenges.id', '=', id)
    .where('mfa_challenges.expires_at', '>', nowIso())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!found) throw expired();
  let wasWrong = false;
  const wrong = () => {
    wasWrong = true;
    return new AppError(401, 'Unauthorized', 'The code is wrong or was already used.');
  };
  try {
    await withSecondFactor(db, found, body, ip, wrong, async (tx) => {
      // Spent with the code: of two requests with one challenge, one wins.
      const r = await tx.deleteFrom('mfa_challenges').where('id', '=', id).executeTakeFirst();
      if (Number(r.numDeletedRows) !== 1) throw expired();
    });
  } catch (e) {
    if (wasWrong) await countWrong(db, id);
    throw e;
  }
  await recordSignInAttempt(db, found.email, ip, true);
  return found;
}

async function countWrong(db: Db, challengeId: string) {
  await db
    .updateTable('mfa_challenges')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('id', '=', challengeId)
    .execute();
  await db
    .deleteFrom('mfa_challenges')
    .where('id', '=', challengeId)
    .where('failures', '>=', MAX_WRONG_CODES_PER_CHALLENGE)
    .execute();
}
