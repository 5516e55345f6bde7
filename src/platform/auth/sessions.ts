import type { SelectQueryBuilder } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';
import { type QueryTemplate, queryTemplate } from '../db/statement-cache.js';
import type { DB, Row } from '../db/tables.js';
import { joinMembership, type OrgLookup, type OrgPrefetch, ownColumns, takeOrgPrefetch } from './access.js';
import { cachedAuthRow } from './auth-cache.js';
import { randomSecret, sha256 } from './secrets.js';

// Sessions and API tokens live in the database, so any app node can serve
// any request; a node keeps what it read only while the database says nothing
// changed (auth-cache.ts). Only hashes of the secrets are stored.

export const SESSION_COOKIE = 'aims_session';
export const API_TOKEN_PREFIX = 'aims_';

/** Where a session was started, shown to its owner on the sessions page. */
export interface SessionOrigin {
  userAgent?: string | null;
  ip?: string | null;
}

export async function createSession(
  db: Executor,
  userId: string,
  ttlHours: number,
  origin: SessionOrigin = {},
): Promise<{ cookieValue: string; csrfToken: string; expiresAt: string; id: string }> {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(cookieValue),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      user_agent: origin.userAgent ? origin.userAgent.slice(0, 400) : null,
      ip: origin.ip ?? null,
    })
    .execute();
  return { cookieValue, csrfToken, expiresAt, id: sha256(cookieValue) };
}

// The user's columns under their own names beside the session's (both have id
// and created_at). The check below fails to compile if UsersTable gains a
// column this list misses.
const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'password_hash',
  'created_at',
  'updated_at',
  'disabled_at',
  'must_change_password',
] as const satisfies readonly (keyof Row<'users'>)[];
type MissingUserColumn = Exclude<keyof Row<'users'>, (typeof USER_COLUMNS)[number]>;
const allUserColumns: MissingUserColumn extends never ? true : MissingUserColumn = true;
void allUserColumns;

/** Each user column with the name the session statement reads it under (built once, not per request). */
const USER_ALIASES = USER_COLUMNS.map((c) => [c, `auth_user_${c}`] as const);

/** The statement that finds a live session and its user, and with an org lookup the membership there too. */
const sessionQuery = (db: Executor, p: Readonly<Record<'hash' | 'now', string>>) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(USER_COLUMNS.map((c) => `users.${c} as auth_user_${c}` as const))
    .where('sessions.id', '=', p.hash)
    .where('sessions.expires_at', '>', p.now)
    .where('users.disabled_at', 'is', null);

const sessionTemplate = queryTemplate(['hash', 'now'], sessionQuery);
const sessionInOrgTemplates = orgTemplates(['hash', 'now'], sessionQuery);

/**
 * The live session of a cookie and its user (not disabled), in one
 * statement; with `org`, the same statement also reads the user's
 * membership in that organization and the extras its checks asked for, so
 * an org request is authenticated and authorised in one round trip.
 */
export async function findSession(
  db: Executor,
  cookieValue: string,
  org?: OrgLookup,
): Promise<{ session: Row<'sessions'>; user: Row<'users'>; org?: OrgPrefetch } | null> {
  const now = nowIso();
  const row = await authRow(db, 'session', sessionTemplate, sessionInOrgTemplates, { hash: sha256(cookieValue), now }, org);
  // The statement judged expiry when it read the row; a row from the cache is judged now.
  if (!row || (row.expires_at as string) <= now) return null;
  const prefetch = org ? takeOrgPrefetch(row, org) : undefined;
  const user = {} as Record<string, unknown>;
  for (const [c, alias] of USER_ALIASES) user[c] = row[alias];
  // Like API tokens: last seen at most once a minute, so reads stay reads.
  if (Date.parse(now) - Date.parse(row.last_seen_at as string) > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id', '=', row.id as string)
      .execute();
    row.last_seen_at = now;
  }
  const session = ownColumns(row) as unknown as Row<'sessions'>;
  return { session, user: user as unknown as Row<'users'>, ...(prefetch ? { org: prefetch } : {}) };
}

/**
 * The row the authenticating statement finds for a secret's hash (with `org`,
 * its membership and checks there too), through the auth cache: a cookie and
 * a token, each alone or in an org, are kept apart by the key.
 */
function authRow(
  db: Executor,
  kind: 'session' | 'token',
  plain: QueryTemplate<'hash' | 'now', unknown>,
  inOrg: ReturnType<typeof orgTemplates<'hash' | 'now'>>,
  values: Readonly<Record<'hash' | 'now', string>>,
  org: OrgLookup | undefined,
): Promise<Record<string, unknown> | undefined> {
  const template = org ? inOrg(org) : null;
  return cachedAuthRow(db, `${kind} ${template ? `${template.id} ${org?.orgId}` : '-'} ${values.hash}`, async () => {
    const [found] = template && org ? await template.run(db, { ...values, org: org.orgId }) : await plain.run(db, values);
    return found as Record<string, unknown> | undefined;
  });
}

let templateIds = 0;

/**
 * The template of a query with the membership joined, per set of org checks:
 * a module that adds a check makes a new set, so its statement is compiled anew.
 */
function orgTemplates<K extends string>(
  names: readonly K[],
  query: (db: Executor, p: Readonly<Record<K, string>>) => SelectQueryBuilder<DB, 'users', object>,
) {
  const templates = new WeakMap<OrgLookup['extras'], QueryTemplate<K | 'org', unknown> & { id: number }>();
  return (org: OrgLookup) => {
    let t = templates.get(org.extras);
    if (!t) {
      // The id tells the auth cache's rows of one set of checks from another's.
      t = Object.assign(
        queryTemplate([...names, 'org'], (db, p) => joinMembership(query(db, p), { orgId: p.org, extras: org.extras })),
        { id: ++templateIds },
      );
      templates.set(org.extras, t);
    }
    return t;
  };
}

export async function deleteSession(db: Executor, cookieValue: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(cookieValue)).execute();
}

/**
 * Ends every session of a user but `keepId` (the caller's own, when there is
 * one). Used when the password changes: a session someone else opened with
 * the old password must not outlive it.
 */
export async function deleteSessionsOfUser(db: Executor, userId: string, keepId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

/** The user's live sessions, newest first. */
export function listSessionsOfUser(db: Executor, userId: string): Promise<Row<'sessions'>[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowIso())
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * The id a session is shown under. The row id is the hash of the cookie; it
 * is not a secret that signs anyone in, but it is the key that does, so the
 * API names sessions by a hash of it instead.
 */
export function sessionHandle(sessionRowId: string): string {
  return sha256(`session-handle:${sessionRowId}`).slice(0, 32);
}

export async function createApiToken(
  db: Executor,
  userId: string,
  name: string,
  expiresAt: string | null = null,
): Promise<{ token: string; row: Row<'api_tokens'> }> {
  const token = randomSecret(API_TOKEN_PREFIX);
  const row = {
    id: uuidv7(),
    user_id: userId,
    name,
    token_hash: sha256(token),
    token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
    expires_at: expiresAt,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return { token, row };
}

/** The token's own columns the statement reads beside its user's. */
interface TokenColumns {
  token_id: string;
  token_last_used_at: string | null;
  token_expires_at: string | null;
}

/** The statement that finds the user of a live API token (not disabled). */
const tokenQuery = (db: Executor, p: Readonly<Record<'hash' | 'now', string>>) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.last_used_at as token_last_used_at',
      'api_tokens.expires_at as token_expires_at',
    ])
    .where('api_tokens.token_hash', '=', p.hash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', p.now)]))
    .where('users.disabled_at', 'is', null);

const tokenTemplate = queryTemplate(['hash', 'now'], tokenQuery);
const tokenInOrgTemplates = orgTemplates(['hash', 'now'], tokenQuery);

/** The user of a live API token (not disabled); with `org`, their membership there too, as findSession. */
export async function findUserByApiToken(
  db: Executor,
  token: string,
  org?: OrgLookup,
): Promise<{ user: Row<'users'>; org?: OrgPrefetch } | null> {
  const now = nowIso();
  const row = (await authRow(db, 'token', tokenTemplate, tokenInOrgTemplates, { hash: sha256(token), now }, org)) as
    | (Row<'users'> & TokenColumns)
    | undefined;
  // The statement judged expiry when it read the row; a row from the cache is judged now.
  if (!row || (row.token_expires_at !== null && row.token_expires_at <= now)) return null;
  const prefetch = org ? takeOrgPrefetch(row as unknown as Record<string, unknown>, org) : undefined;
  // Record use at most once a minute: a busy script should not turn reads into writes.
  if (!row.token_last_used_at || Date.parse(now) - Date.parse(row.token_last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
    row.token_last_used_at = now;
  }
  const {
    token_id: _id,
    token_last_used_at: _used,
    token_expires_at: _expires,
    ...user
  } = ownColumns(row as unknown as Record<string, unknown>) as unknown as typeof row;
  return { user, ...(prefetch ? { org: prefetch } : {}) };
}
