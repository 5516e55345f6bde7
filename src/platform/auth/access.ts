import type { Expression, SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';
import type { DB } from '../db/tables.js';
import { isRole, type Role } from './roles.js';

/** What decides a caller's role in an organization: the membership, when the organization is not archived. */
export interface MembershipFacts {
  role: string | null;
  starts_at: string | null;
  expires_at: string | null;
}

/** The role a membership gives now, or null (none, not started yet, expired). */
export function activeRole(row: MembershipFacts | undefined | null, now = nowIso()): Role | null {
  if (!row?.role || !isRole(row.role)) return null;
  if (row.expires_at && row.expires_at <= now) return null;
  // a membership may start later: an external auditor's access opens on the audit's first day
  if (row.starts_at && row.starts_at > now) return null;
  return row.role;
}

/** The caller's role in an organization, or null (not a member, not started yet, expired, or archived org). */
export async function roleInOrg(db: Executor, userId: string, orgId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select(['memberships.role', 'memberships.starts_at', 'memberships.expires_at'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.org_id', '=', orgId)
    .where('organizations.archived_at', 'is', null)
    .executeTakeFirst();
  return activeRole(row);
}

/**
 * The organization a request names, looked up in the statement that
 * authenticates it: the caller's membership there and the values further
 * org checks asked for (`extras`, one scalar expression of the org id each).
 * The same `extras` array for every request while the checks stay the same:
 * the statement is compiled once per array (platform/db/statement-cache.ts),
 * so an extra must use the org id only as a bound value.
 */
export interface OrgLookup {
  orgId: string;
  extras: readonly ((orgId: string) => Expression<unknown>)[];
}

/** The membership and extras the authentication statement found for an OrgLookup. */
export interface OrgPrefetch {
  orgId: string;
  membership: MembershipFacts | null;
  extras: unknown[];
}

/**
 * Adds the caller's membership in `lookup.orgId` (only if the organization
 * is not archived, as roleInOrg) and the extras to a query that has `users`
 * in scope: left joins, so the user is found whether or not they are a member.
 */
export function joinMembership<Q extends SelectQueryBuilder<DB, 'users', object>>(query: Q, lookup: OrgLookup): Q {
  let q = (query as SelectQueryBuilder<DB, 'users', object>)
    .leftJoin('memberships as auth_m', (j) => j.onRef('auth_m.user_id', '=', 'users.id').on('auth_m.org_id', '=', lookup.orgId))
    .leftJoin('organizations as auth_o', (j) => j.onRef('auth_o.id', '=', 'auth_m.org_id').on('auth_o.archived_at', 'is', null))
    .select([
      'auth_o.id as auth_org_id',
      'auth_m.role as auth_role',
      'auth_m.starts_at as auth_starts_at',
      'auth_m.expires_at as auth_expires_at',
    ]) as unknown as SelectQueryBuilder<DB, 'users', object>;
  lookup.extras.forEach((extra, i) => {
    q = q.select(sql`${extra(lookup.orgId)}`.as(`auth_extra_${i}`));
  });
  return q as unknown as Q;
}

/** The columns joinMembership added to a row, as an OrgPrefetch (ownColumns leaves them out of the row). */
export function takeOrgPrefetch(row: Record<string, unknown>, lookup: OrgLookup): OrgPrefetch {
  const live = row.auth_org_id != null;
  const prefetch: OrgPrefetch = {
    orgId: lookup.orgId,
    membership: live
      ? {
          role: row.auth_role as string | null,
          starts_at: row.auth_starts_at as string | null,
          expires_at: row.auth_expires_at as string | null,
        }
      : null,
    extras: lookup.extras.map((_, i) => row[`auth_extra_${i}`]),
  };
  return prefetch;
}

/**
 * The row without the columns the authentication statement added (auth_*),
 * as a new object: `delete` would turn the row into a slow dictionary-mode
 * object on every request.
 */
export function ownColumns(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in row) if (!k.startsWith('auth_')) out[k] = row[k];
  return out;
}
