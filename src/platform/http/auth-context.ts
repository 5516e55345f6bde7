import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit-log/audit-log.js';
import { roleInOrg } from '../auth/access.js';
import { can, type Permission, type Role } from '../auth/roles.js';
import type { Executor } from '../db/db.js';
import type { Row } from '../db/tables.js';
import { forbidden, notFound, unauthorized } from './errors.js';

export interface AuthContext {
  user: Row<'users'>;
  via: 'session' | 'token';
  session?: Row<'sessions'>;
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
 * the mfa module), since the platform imports no module.
 */
export type OrgAccessCheck = (db: Executor, req: FastifyRequest, auth: AuthContext, orgId: string) => Promise<void>;
const orgAccessChecks: OrgAccessCheck[] = [];

export function addOrgAccessCheck(check: OrgAccessCheck): void {
  orgAccessChecks.push(check);
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
  const role = await roleInOrg(db, auth.user.id, orgId);
  if (!role) throw notFound('Organization');
  if (!can(role, permission)) throw forbidden(`The ${role} role cannot ${describe(permission)}.`);
  for (const check of orgAccessChecks) await check(db, req, auth, orgId);
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
