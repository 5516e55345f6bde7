import { PostgresAdapter } from 'kysely';
import { type Executor, forUpdate, nowIso, type Tx } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { looksLikeId } from '../../platform/http/fields.js';

export function findOrg(db: Executor, orgId: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

/**
 * By id when the value has an id's shape, else by slug: never both, so an
 * organization whose (older) slug looks like another's id cannot stand in
 * for it. New slugs of that shape are refused (fields.ts `slug`).
 */
export function findOrgByIdOrSlug(db: Executor, idOrSlug: string) {
  const q = db.selectFrom('organizations').selectAll();
  return (looksLikeId(idOrSlug) ? q.where('id', '=', idOrSlug.toLowerCase()) : q.where('slug', '=', idOrSlug)).executeTakeFirst();
}

// A membership that starts later (an auditor's access opens on the audit's first day) is not listed before then.
export function listOrgsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('organizations')
    .innerJoin('memberships', 'memberships.org_id', 'organizations.id')
    .selectAll('organizations')
    .select(['memberships.role', 'memberships.expires_at'])
    .where('memberships.user_id', '=', userId)
    .where('organizations.archived_at', 'is', null)
    .where((eb) => eb.or([eb('memberships.starts_at', 'is', null), eb('memberships.starts_at', '<=', nowIso())]))
    .orderBy('organizations.name')
    .execute();
}

export function listAllOrgs(db: Executor) {
  return db.selectFrom('organizations').selectAll().orderBy('name').execute();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst());
}

export function listMembers(db: Executor, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.email',
      'users.name',
      'memberships.role',
      'memberships.created_at',
      'memberships.expires_at',
      'users.disabled_at',
    ])
    .where('memberships.org_id', '=', orgId)
    .orderBy('users.email')
    .execute();
}

export function findMembership(db: Executor, orgId: string, userId: string) {
  return db.selectFrom('memberships').selectAll().where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
}

/**
 * Serialises every membership change of one organization: on PostgreSQL the
 * organization's row is locked until the transaction ends, so a second change
 * waits and then reads the first one's result. (NO KEY UPDATE: it conflicts
 * with itself but not with the key-share locks of inserts elsewhere that
 * reference the organization.) SQLite needs nothing: its write transactions
 * are BEGIN IMMEDIATE, one at a time.
 */
export async function lockMemberships(tx: Tx, orgId: string): Promise<void> {
  if (!(tx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await tx.selectFrom('organizations').select('id').where('id', '=', orgId).forNoKeyUpdate().execute();
}

/**
 * Owners whose access does not end: an owner membership with an expiry date
 * lapses by itself, and a disabled account cannot sign in, so neither is
 * what keeps the organization owned.
 */
export async function countLastingOwners(db: Executor, orgId: string, exceptUserId?: string): Promise<number> {
  let q = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberships.org_id', '=', orgId)
    .where('memberships.role', '=', 'owner')
    .where('memberships.expires_at', 'is', null)
    .where('users.disabled_at', 'is', null);
  if (exceptUserId) q = q.where('memberships.user_id', '!=', exceptUserId);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The profile row; with lock, held FOR UPDATE (PostgreSQL) until the transaction ends. */
export function findProfile(
  db: Executor,
  orgId: string,
  opts: { lock?: boolean } = {},
): Promise<Row<'org_profiles'> | undefined> {
  const q = db.selectFrom('org_profiles').selectAll().where('org_id', '=', orgId);
  return (opts.lock ? forUpdate(db, q) : q).executeTakeFirst();
}
