import type { FastifyRequest } from 'fastify';
import { appendAudit, type Actor } from '../../platform/audit-log/audit-log.js';
import type { Role } from '../../platform/auth/roles.js';
import { type Db, type Executor, forUpdate, nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { AppError, conflict, forbidden, invalid } from '../../platform/http/errors.js';
import { lockMemberships } from '../organizations/index.js';
import { discoveryFailure, providerConfig } from './sso.provider.js';
import { JIT_ROLES, type PutSsoBody, type SsoSettings } from './sso.schemas.js';
import './sso.tables.js';

// An organization's single sign-on settings. Who may change what:
// - an admin or owner may set up and edit the provider while enforcement is off;
// - only an owner may turn enforcement on or off, or change anything while it
//   is on (a wrong issuer would then lock every member out).

export const CALLBACK_PATH = '/api/v1/sso/callback';

/** The callback address: from the configured public URL, else from the request's own host. */
export function redirectUriOf(req: FastifyRequest): string {
  const base = req.server.config.publicUrl ?? `${req.protocol}://${req.host}`;
  return new URL(CALLBACK_PATH, base).toString();
}

export function findSettings(db: Executor, orgId: string) {
  return db.selectFrom('sso_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function domainsOf(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('sso_domains').select('domain').where('org_id', '=', orgId).orderBy('domain').execute();
  return rows.map((r) => r.domain);
}

function toView(row: Row<'sso_settings'> | undefined, domains: string[], redirectUri: string): SsoSettings {
  return {
    configured: Boolean(row),
    issuer: row?.issuer ?? null,
    clientId: row?.client_id ?? null,
    hasSecret: Boolean(row?.client_secret),
    allowedDomains: domains,
    defaultRole: (JIT_ROLES as readonly string[]).includes(row?.default_role ?? '')
      ? (row!.default_role as SsoSettings['defaultRole'])
      : 'viewer',
    enforce: Boolean(row?.enforce),
    breakGlassUserId: row?.break_glass_user_id ?? null,
    redirectUri,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function getSettings(db: Executor, orgId: string, redirectUri: string): Promise<SsoSettings> {
  const [row, domains] = await Promise.all([findSettings(db, orgId), domainsOf(db, orgId)]);
  return toView(row, domains, redirectUri);
}

/** What the audit log keeps of the settings: everything but the secret. */
function audited(v: SsoSettings) {
  const { redirectUri: _r, configured: _c, ...rest } = v;
  return rest;
}

function ownerOnly(actorRole: Role, reason: string) {
  if (actorRole !== 'owner') throw forbidden(reason);
}

export async function putSettings(
  db: Db,
  actor: Actor,
  actorRole: Role,
  orgId: string,
  input: PutSsoBody,
  redirectUri: string,
): Promise<SsoSettings> {
  const stored = await findSettings(db, orgId);
  const secret = input.clientSecret === undefined ? (stored?.client_secret ?? null) : input.clientSecret;
  // Checked before the transaction: it is a network call, and a provider that
  // cannot be discovered must not be saved (no one could sign in with it).
  try {
    await providerConfig({ issuer: input.issuer, clientId: input.clientId, clientSecret: secret }, true);
  } catch (e) {
    throw invalid([{ field: 'body.issuer', message: discoveryFailure(e) }], 'The issuer could not be discovered.');
  }
  return db.transaction().execute(async (tx) => {
    await lockMemberships(tx, orgId);
    const before = await forUpdate(tx, tx.selectFrom('sso_settings').selectAll().where('org_id', '=', orgId)).executeTakeFirst();
    if (before?.enforce || input.enforce) {
      ownerOnly(actorRole, 'Only an owner can turn single sign-on enforcement on or off, or change the settings while it is on.');
    }
    if (input.enforce && !input.breakGlassUserId) {
      throw invalid(
        [
          {
            field: 'body.breakGlassUserId',
            message: 'is required when enforcement is on (an owner who may still use a password)',
          },
        ],
        'Choose a break-glass owner before enforcing single sign-on.',
      );
    }
    if (input.breakGlassUserId) {
      const m = await tx
        .selectFrom('memberships')
        .select(['role', 'expires_at'])
        .where('org_id', '=', orgId)
        .where('user_id', '=', input.breakGlassUserId)
        .executeTakeFirst();
      if (m?.role !== 'owner' || m.expires_at !== null) {
        throw invalid([
          { field: 'body.breakGlassUserId', message: 'must be an owner of this organization whose access does not expire' },
        ]);
      }
    }
    const taken = await tx
      .selectFrom('sso_domains')
      .select('domain')
      .where('domain', 'in', input.allowedDomains)
      .where('org_id', '!=', orgId)
      .execute();
    if (taken.length) {
      throw conflict(
        `${taken.map((t) => t.domain).join(', ')} is already claimed by another organization: a domain signs in to one organization only.`,
        [{ field: 'body.allowedDomains', message: `${taken[0].domain} is claimed by another organization` }],
      );
    }
    const beforeView = before ? toView(before, await domainsOf(tx, orgId), redirectUri) : null;
    const now = nowIso();
    const row = {
      org_id: orgId,
      issuer: input.issuer,
      client_id: input.clientId,
      client_secret: secret,
      default_role: input.defaultRole,
      enforce: input.enforce ? 1 : 0,
      break_glass_user_id: input.breakGlassUserId,
      created_at: before?.created_at ?? now,
      updated_at: now,
    };
    if (before) await tx.updateTable('sso_settings').set(row).where('org_id', '=', orgId).execute();
    else await tx.insertInto('sso_settings').values(row).execute();
    await tx.deleteFrom('sso_domains').where('org_id', '=', orgId).execute();
    await tx
      .insertInto('sso_domains')
      .values(input.allowedDomains.map((domain) => ({ domain, org_id: orgId })))
      .execute();
    const after = toView(row, [...input.allowedDomains].sort(), redirectUri);
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'sso-settings',
      entityId: orgId,
      action: before ? 'update' : 'create',
      before: beforeView ? audited(beforeView) : undefined,
      after: audited(after),
    });
    return after;
  });
}

export async function deleteSettings(db: Db, actor: Actor, actorRole: Role, orgId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await forUpdate(tx, tx.selectFrom('sso_settings').selectAll().where('org_id', '=', orgId)).executeTakeFirst();
    if (!before) throw new AppError(404, 'Not Found', 'This organization has no single sign-on set up.');
    if (before.enforce) ownerOnly(actorRole, 'Only an owner can remove single sign-on while it is enforced.');
    const beforeView = toView(before, await domainsOf(tx, orgId), '');
    await tx.deleteFrom('sso_domains').where('org_id', '=', orgId).execute();
    await tx.deleteFrom('sso_logins').where('org_id', '=', orgId).execute();
    await tx.deleteFrom('sso_settings').where('org_id', '=', orgId).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'sso-settings',
      entityId: orgId,
      action: 'delete',
      before: audited(beforeView),
    });
  });
}
