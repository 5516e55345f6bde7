import { uuidv7 } from 'uuidv7';
import { appendAudit, type Actor } from '../../platform/audit-log/audit-log.js';
import { randomSecret, sha256 } from '../../platform/auth/secrets.js';
import { findUserByEmail, toPublicUser } from '../../platform/auth/users.js';
import { type Db, nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { AppError } from '../../platform/http/errors.js';
import { lockMemberships } from '../organizations/index.js';
import type { Configuration } from 'openid-client';
import { openidClient, providerConfig } from './sso.provider.js';
import { domainsOf, findSettings } from './sso.settings.js';

// Sign-in through the organization's provider: authorization code flow with
// PKCE (S256), state and nonce. What the callback must check is kept in
// sso_logins, used once (deleted as it is read) and short-lived, so whichever
// app node receives the provider's redirect can finish the sign-in.

const LOGIN_TTL_MS = 10 * 60_000;
/** who the audit log names for what a sign-in through a provider creates */
export const SSO_ACTOR: Actor = { userId: null, label: 'sso' };

/** A refusal shown to the person on the sign-in page (never a stack trace). */
export class SsoRefusal extends Error {}

export const NOT_SET_UP = 'Single sign-on is not set up for this email address. Sign in with your password.';

export async function startSignIn(
  db: Db,
  email: string,
  redirectUri: string,
): Promise<{ authorizationUrl: string; state: string }> {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const claim = await db
    .selectFrom('sso_domains')
    .innerJoin('organizations', 'organizations.id', 'sso_domains.org_id')
    .select('sso_domains.org_id')
    .where('sso_domains.domain', '=', domain)
    .where('organizations.archived_at', 'is', null)
    .executeTakeFirst();
  const settings = claim && (await findSettings(db, claim.org_id));
  // the same answer whether the domain is unclaimed or its organization unknown: nothing is revealed
  if (!settings) throw new AppError(404, 'Not Found', NOT_SET_UP, [{ field: 'body.email', message: 'has no single sign-on' }]);
  let config: Configuration;
  try {
    config = await providerConfig({
      issuer: settings.issuer,
      clientId: settings.client_id,
      clientSecret: settings.client_secret,
    });
  } catch {
    throw new AppError(503, 'Service Unavailable', 'The single sign-on provider cannot be reached; try again in a moment.');
  }
  const client = await openidClient();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const now = Date.now();
  await db.transaction().execute(async (tx) => {
    // sign-ins never finished are dropped once expired: the table stays small
    await tx.deleteFrom('sso_logins').where('expires_at', '<', new Date(now).toISOString()).execute();
    await tx
      .insertInto('sso_logins')
      .values({
        state_hash: sha256(state),
        org_id: settings.org_id,
        nonce,
        code_verifier: verifier,
        redirect_uri: redirectUri,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + LOGIN_TTL_MS).toISOString(),
      })
      .execute();
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: email,
  });
  return { authorizationUrl: url.toString(), state };
}

/** Takes the sign-in the state names, once: a second use (a replay) finds nothing. */
async function takeLogin(db: Db, state: string): Promise<Row<'sso_logins'>> {
  const row = await db.deleteFrom('sso_logins').where('state_hash', '=', sha256(state)).returningAll().executeTakeFirst();
  if (!row || row.expires_at < nowIso()) {
    throw new SsoRefusal('This sign-in has expired or was already used. Start again.');
  }
  return row;
}

export interface SsoIdentity {
  email: string;
  name: string | null;
  /** the provider says a second factor was used (amr: mfa, otp, hwk...) */
  multiFactor: boolean;
}

/** Exchanges the code (checking state, nonce and PKCE) and reads who signed in. */
export async function verifiedIdentity(db: Db, state: string, query: string): Promise<{ orgId: string; identity: SsoIdentity }> {
  const login = await takeLogin(db, state);
  const settings = await findSettings(db, login.org_id);
  if (!settings) throw new SsoRefusal('Single sign-on is no longer set up for this organization.');
  const config = await providerConfig({
    issuer: settings.issuer,
    clientId: settings.client_id,
    clientSecret: settings.client_secret,
  });
  const client = await openidClient();
  const current = new URL(login.redirect_uri);
  current.search = query;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (e) {
    throw new SsoRefusal(
      `The identity provider's answer could not be verified (${(e as Error).message.slice(0, 120)}). Start again.`,
    );
  }
  const idClaims = tokens.claims()!;
  let claims: Record<string, unknown> = idClaims;
  // A provider that keeps the ID token lean gives email on the userinfo endpoint.
  if (typeof idClaims.email !== 'string') {
    claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
  }
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email) throw new SsoRefusal('Your identity provider did not send an email address.');
  if (claims.email_verified !== true) {
    throw new SsoRefusal('Your identity provider has not verified your email address, so it cannot sign you in here.');
  }
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!(await domainsOf(db, login.org_id)).includes(domain)) {
    throw new SsoRefusal(`Accounts at ${domain} may not sign in through this identity provider.`);
  }
  const amr = Array.isArray(idClaims.amr) ? idClaims.amr : [];
  return {
    orgId: login.org_id,
    identity: {
      email,
      name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : null,
      multiFactor: amr.some((m) => ['mfa', 'otp', 'hwk', 'swk', 'sms', 'face', 'fpt'].includes(String(m))),
    },
  };
}

/**
 * The account of who signed in: found by email, or created without a usable
 * password; made a member with the organization's default role when not one.
 * An existing account that belongs to other organizations but not this one is
 * refused: a provider vouches for its own organization's people, and must not
 * be able to take over an account that others rely on.
 */
export async function accountFor(db: Db, orgId: string, identity: SsoIdentity): Promise<Row<'users'>> {
  return db.transaction().execute(async (tx) => {
    await lockMemberships(tx, orgId);
    const settings = await findSettings(tx, orgId);
    if (!settings) throw new SsoRefusal('Single sign-on is no longer set up for this organization.');
    let user = await findUserByEmail(tx, identity.email);
    if (user?.disabled_at) throw new SsoRefusal('This account is disabled. Ask an administrator of your organization.');
    if (user) {
      const memberships = await tx.selectFrom('memberships').select('org_id').where('user_id', '=', user.id).execute();
      if (memberships.some((m) => m.org_id === orgId)) return user;
      if (memberships.length > 0) {
        throw new SsoRefusal(
          'An account with this email already exists and belongs to other organizations. Ask an administrator to add it to this organization, then sign in with single sign-on again.',
        );
      }
    } else {
      const now = nowIso();
      user = {
        id: uuidv7(),
        email: identity.email,
        name: identity.name ?? identity.email.slice(0, identity.email.indexOf('@')),
        // not a hash argon2 can match: this account has no password until someone sets one
        password_hash: `!sso:${randomSecret()}`,
        created_at: now,
        updated_at: now,
        disabled_at: null,
        must_change_password: 0,
      };
      await tx.insertInto('users').values(user).execute();
      await appendAudit(tx, SSO_ACTOR, {
        orgId: null,
        entityType: 'user',
        entityId: user.id,
        action: 'create',
        after: { ...toPublicUser(user), via: 'sso' },
      });
    }
    const membership = {
      org_id: orgId,
      user_id: user.id,
      role: settings.default_role as Row<'memberships'>['role'],
      created_at: nowIso(),
      expires_at: null,
    };
    await tx.insertInto('memberships').values(membership).execute();
    await appendAudit(tx, SSO_ACTOR, {
      orgId,
      entityType: 'membership',
      entityId: user.id,
      action: 'create',
      after: { ...toPublicUser(user), role: membership.role, expiresAt: null, via: 'sso' },
    });
    return user;
  });
}
