import type { FastifyRequest } from 'fastify';
import type { Expression } from 'kysely';
import type { Actor } from '../audit-log/audit-log.js';
import { activeRole, type OrgLookup, type OrgPrefetch, roleInOrg } from '../auth/access.js';
import { can, type Permission, type Role } from '../auth/roles.js';
import type { Executor } from '../db/db.js';
import type { Row } from '../db/tables.js';
import { forbidden, notFound, unauthorized } from './errors.js';

export interface AuthContext {
  user: Row<'users'>;
  via: 'session' | 'token';
  session?: Row<'sessions'>;
  /** the membership and check values the authentication statement read for the org the URL names */
  org?: OrgPrefetch;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function requireUser(req: FastifyRequest): AuthContext {
  if (!req.auth) throw unauthorized();
  return req.auth;
}

export function actorOf(auth: AuthContext): Actor {
  return { userId: auth.user.id, label: auth.user.email };
}

export interface OrgAccess {
  orgId: string;
  role: Role;
  actor: Actor;
  userId: string;
}

/**
 * A further check on every org-scoped request, after the role check; it
 * throws to refuse. Modules add theirs at start-up (two-step verification:
 * the mfa module), since the platform imports no module. `prefetched` holds
 * the value of the check's `prefetch` expression when the authentication
 * statement read it for this org (the common case); otherwise it is
 * undefined and the check reads what it needs itself.
 */
export type OrgAccessCheck = (
  db: Executor,
  req: FastifyRequest,
  auth: AuthContext,
  orgId: string,
  prefetched?: { value: unknown },
) => Promise<void>;

export interface OrgAccessCheckOptions {
  /**
   * A scalar SQL expression (a subquery) for an org id, evaluated in the
   * statement that authenticates the request, so the check needs no query
   * of its own. Its value reaches the check as `prefetched.value`. The
   * statement is compiled once, so the org id may appear only as a bound
   * value (`where('org_id', '=', orgId)`), never in SQL text. Its result is
   * cached with the session (auth-cache.ts), so it may read only the tables
   * whose changes reach the cache: AUTH_TABLES in db/auth-version.ts.
   */
  prefetch?(orgId: string): Expression<unknown>;
}

const orgAccessChecks: { check: OrgAccessCheck; prefetch?: OrgAccessCheckOptions['prefetch'] }[] = [];
/** Every check's prefetch, in order; a new array when a check is added, so the statement is compiled anew. */
let prefetches: OrgLookup['extras'] = [];

export function addOrgAccessCheck(check: OrgAccessCheck, options: OrgAccessCheckOptions = {}): void {
  orgAccessChecks.push({ check, prefetch: options.prefetch });
  if (options.prefetch) prefetches = [...prefetches, options.prefetch];
}

/** What the authentication statement reads for a request to this org: the membership and every check's prefetch. */
export function orgLookup(orgId: string): OrgLookup {
  return { orgId, extras: prefetches };
}

/**
 * The one gate for org-scoped routes. Someone outside the organization gets
 * 404, never 403: they must not learn that the organization or record exists.
 */
export async function requireOrgPermission(
  req: FastifyRequest,
  db: Executor,
  orgId: string,
  permission: Permission,
): Promise<OrgAccess> {
  const auth = requireUser(req);
  // Read with the session when the URL named this org; judged now either way.
  const pre = auth.org?.orgId === orgId ? auth.org : undefined;
  const role = pre ? activeRole(pre.membership) : await roleInOrg(db, auth.user.id, orgId);
  if (!role) throw notFound('Organization');
  if (!can(role, permission)) throw forbidden(`The ${role} role cannot ${describe(permission)}.`);
  let extra = 0;
  for (const { check, prefetch } of orgAccessChecks) {
    const prefetched = pre && prefetch ? { value: pre.extras[extra] } : undefined;
    if (prefetch) extra++;
    await check(db, req, auth, orgId, prefetched);
  }
  return { orgId, role, actor: actorOf(auth), userId: auth.user.id };
}

function describe(p: Permission): string {
  switch (p) {
    case 'read':
      return 'read this organization';
    case 'write':
      return 'change records';
    case 'approve':
      return 'approve records or edit the organization profile';
    case 'admin':
      return 'manage members';
    case 'concern':
      return 'raise concerns';
    case 'audit-room':
      return "raise requests or record findings in a certification audit's room";
    case 'audit':
      return 'read the audit log';
  }
}
