import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import type { Role } from '../../platform/auth/roles.js';
import { findUserByEmail, insertUser } from '../../platform/auth/users.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { etagOf, isStale, laterThan, StaleWrite } from '../../platform/register/index.js';
import { seedGovernanceRoles } from '../roles/index.js';
import { seedTrainingTopics } from '../training/index.js';
import type { Profile, ProfileInput } from './organizations.schemas.js';
import * as repo from './organizations.repository.js';
import { profileColumns } from './organizations.tables.js';

export function toOrganization(o: Row<'organizations'>, role?: Role) {
  return { id: o.id, slug: o.slug, name: o.name, createdAt: o.created_at, ...(role ? { role } : {}) };
}

export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return s.length >= 2 ? s : `org-${s}`.replace(/-$/, '');
}

/** Creates an organization with its first owner, inside the caller's transaction. */
export async function createOrganization(
  tx: Executor,
  actor: Actor,
  input: { name: string; slug?: string; ownerUserId: string },
): Promise<Row<'organizations'>> {
  let slug = input.slug;
  if (slug) {
    if (await repo.slugTaken(tx, slug)) {
      throw conflict('An organization with this slug exists.', [{ field: 'body.slug', message: 'is already taken' }]);
    }
  } else {
    const base = slugify(input.name);
    slug = base;
    for (let n = 2; await repo.slugTaken(tx, slug); n++) slug = `${base}-${n}`;
  }
  const now = nowIso();
  const org = { id: uuidv7(), slug, name: input.name, created_at: now, updated_at: now, archived_at: null };
  await tx.insertInto('organizations').values(org).execute();
  await tx
    .insertInto('memberships')
    .values({ org_id: org.id, user_id: input.ownerUserId, role: 'owner', created_at: now, expires_at: null })
    .execute();
  await appendAudit(tx, actor, {
    orgId: org.id,
    entityType: 'organization',
    entityId: org.id,
    action: 'create',
    after: toOrganization(org),
  });
  await appendAudit(tx, actor, {
    orgId: org.id,
    entityType: 'membership',
    entityId: input.ownerUserId,
    action: 'create',
    after: { userId: input.ownerUserId, role: 'owner' },
  });
  // an organization never exists without its six governance roles (vacant)
  await seedGovernanceRoles(tx, org.id, actor);
  // and its seven starting training topics
  await seedTrainingTopics(tx, org.id, actor);
  return org;
}

export async function getOrganization(db: Executor, orgId: string) {
  const org = await repo.findOrg(db, orgId);
  if (!org || org.archived_at) throw notFound('Organization');
  return org;
}

function toMember(m: Awaited<ReturnType<typeof repo.listMembers>>[number]) {
  return {
    userId: m.userId,
    email: m.email,
    name: m.name,
    role: m.role,
    createdAt: m.created_at,
    expiresAt: m.expires_at,
    disabled: m.disabled_at !== null,
  };
}

export async function listMembers(db: Executor, orgId: string) {
  return (await repo.listMembers(db, orgId)).map(toMember);
}

/**
 * The account of the person being made a member: found by email, or created
 * with the name and initial password given (400 naming them when missing).
 * Runs in the caller's transaction (addMember, an audit's auditor access).
 */
export async function accountForMember(
  tx: Executor,
  actor: Actor,
  input: { email: string; name?: string; password?: string },
): Promise<Row<'users'>> {
  const user = await findUserByEmail(tx, input.email);
  if (user) return user;
  if (!input.name || !input.password) {
    throw invalid(
      [
        ...(!input.name ? [{ field: 'body.name', message: 'is required to create an account for a new email' }] : []),
        ...(!input.password ? [{ field: 'body.password', message: 'is required to create an account for a new email' }] : []),
      ],
      'No account has this email yet; give a name and an initial password to create one.',
    );
  }
  return insertUser(tx, actor, { email: input.email, name: input.name, password: input.password });
}

/** An owner whose access does not end: what keeps an organization owned. */
function isLastingOwner(m: Row<'memberships'>): boolean {
  return m.role === 'owner' && m.expires_at === null;
}

function lastOwner(field?: string): AppError {
  return new AppError(
    409,
    'Conflict',
    'An organization keeps at least one owner whose access does not expire.',
    field ? [{ field, message: 'would leave the organization without an owner' }] : undefined,
  );
}

export async function updateMember(
  db: Db,
  actor: Actor,
  actorRole: Role,
  orgId: string,
  userId: string,
  input: { role?: Role; expiresAt?: string | null },
) {
  return db.transaction().execute(async (tx) => {
    // locked before anything is read: a concurrent change of this org's
    // members waits, so the owner count below cannot be stale when we write
    await repo.lockMemberships(tx, orgId);
    const before = await repo.findMembership(tx, orgId, userId);
    if (!before) throw notFound('Member');
    if ((before.role === 'owner' || input.role === 'owner') && actorRole !== 'owner') {
      throw forbidden('Only an owner can change an owner or make another owner.');
    }
    const staysLasting =
      (input.role ?? before.role) === 'owner' && (input.expiresAt !== undefined ? input.expiresAt : before.expires_at) === null;
    if (isLastingOwner(before) && !staysLasting && (await repo.countLastingOwners(tx, orgId, userId)) === 0) {
      throw lastOwner(input.role && input.role !== 'owner' ? 'body.role' : 'body.expiresAt');
    }
    const patch = {
      ...(input.role ? { role: input.role } : {}),
      ...(input.expiresAt !== undefined ? { expires_at: input.expiresAt } : {}),
    };
    if (Object.keys(patch).length) {
      await tx.updateTable('memberships').set(patch).where('org_id', '=', orgId).where('user_id', '=', userId).execute();
    }
    const after = { ...before, ...patch };
    await appendAudit(tx, actor, { orgId, entityType: 'membership', entityId: userId, action: 'update', before, after });
    return (await repo.listMembers(tx, orgId)).map(toMember).find((m) => m.userId === userId)!;
  });
}

export async function removeMember(db: Db, actor: Actor, actorRole: Role, orgId: string, userId: string) {
  await db.transaction().execute(async (tx) => {
    await repo.lockMemberships(tx, orgId);
    const before = await repo.findMembership(tx, orgId, userId);
    if (!before) throw notFound('Member');
    if (before.role === 'owner') {
      if (actorRole !== 'owner') throw forbidden('Only an owner can remove an owner.');
      if (isLastingOwner(before) && (await repo.countLastingOwners(tx, orgId, userId)) === 0) throw lastOwner();
    }
    await tx.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
    await appendAudit(tx, actor, { orgId, entityType: 'membership', entityId: userId, action: 'delete', before });
  });
}

const EMPTY_PROFILE: Profile = {
  legalName: null,
  country: null,
  employeeCount: null,
  sector: null,
  aiRoles: [],
  sites: [],
  certifications: [],
  targetMarkets: [],
  updatedAt: null,
};

function toProfile(row: Row<'org_profiles'> | undefined): Profile {
  if (!row) return EMPTY_PROFILE;
  return {
    legalName: row.legal_name,
    country: row.country,
    employeeCount: row.employee_count,
    sector: row.sector,
    aiRoles: profileColumns.aiRoles.read(row.ai_roles),
    sites: profileColumns.sites.read(row.sites),
    certifications: profileColumns.certifications.read(row.certifications),
    targetMarkets: profileColumns.targetMarkets.read(row.target_markets),
    updatedAt: row.updated_at,
  };
}

export async function getProfile(db: Executor, orgId: string): Promise<Profile> {
  return toProfile(await repo.findProfile(db, orgId));
}

/** The profile's version as an ETag: W/"none" before it is first saved. */
export const profileEtag = (p: Profile) => etagOf(p.updatedAt);

/**
 * Replaces the profile. With ifMatch (the ETag of the caller's copy) a
 * profile changed since is a 409 carrying the current one (StaleWrite).
 */
export async function updateProfile(
  db: Db,
  actor: Actor,
  orgId: string,
  input: ProfileInput,
  opts: { ifMatch?: string } = {},
): Promise<Profile> {
  return db.transaction().execute(async (tx) => {
    const beforeRow = await repo.findProfile(tx, orgId, { lock: true });
    const before = toProfile(beforeRow);
    if (isStale(opts.ifMatch, beforeRow?.updated_at)) throw new StaleWrite('profile', before, etagOf(beforeRow?.updated_at));
    // Sites keep their ids so the scope can refer to them across edits.
    const sites = input.sites.map((s) => ({ ...s, id: s.id ?? uuidv7() }));
    const row = {
      org_id: orgId,
      legal_name: input.legalName,
      country: input.country,
      employee_count: input.employeeCount,
      sector: input.sector,
      ai_roles: profileColumns.aiRoles.write(input.aiRoles),
      sites: profileColumns.sites.write(sites),
      certifications: profileColumns.certifications.write(input.certifications),
      target_markets: profileColumns.targetMarkets.write(input.targetMarkets),
      updated_at: laterThan(beforeRow?.updated_at),
    };
    if (beforeRow) {
      const { org_id: _, ...set } = row;
      await tx.updateTable('org_profiles').set(set).where('org_id', '=', orgId).execute();
    } else {
      await tx.insertInto('org_profiles').values(row).execute();
    }
    const after = toProfile(row);
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'organization_profile',
      entityId: orgId,
      action: beforeRow ? 'update' : 'create',
      before: beforeRow ? before : undefined,
      after,
    });
    return after;
  });
}
