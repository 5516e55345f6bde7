import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { createApiToken } from '../../platform/auth/sessions.js';
import { findUserByEmail, insertUser } from '../../platform/auth/users.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { createOrganization } from '../organizations/index.js';

const SETUP_KEY = 'setup_completed';

export async function setupNeeded(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('instance_settings').select('key').where('key', '=', SETUP_KEY).executeTakeFirst();
  return !row;
}

/**
 * First run: the first owner and their organization. There is no default
 * account; until this runs the instance only offers setup. The settings row's
 * primary key makes a second, concurrent setup fail instead of adding an owner.
 */
export async function initInstance(
  db: Db,
  input: { email: string; password: string; name: string; orgName: string; orgSlug?: string },
  via: 'web' | 'cli',
): Promise<{ user: Row<'users'>; org: Row<'organizations'> }> {
  try {
    return await db.transaction().execute(async (tx) => {
      if (!(await setupNeeded(tx))) throw conflict('OpenAIMS is already set up; sign in instead.');
      await tx.insertInto('instance_settings').values({ key: SETUP_KEY, value: via, created_at: nowIso() }).execute();
      const setupActor: Actor = { userId: null, label: `setup (${via})` };
      const user = await insertUser(tx, setupActor, input);
      const actor: Actor = { userId: user.id, label: user.email };
      const org = await createOrganization(tx, actor, { name: input.orgName, slug: input.orgSlug, ownerUserId: user.id });
      return { user, org };
    });
  } catch (e) {
    if (!(await setupNeeded(db))) throw conflict('OpenAIMS is already set up; sign in instead.');
    throw e;
  }
}

export function toApiToken(r: Row<'api_tokens'>) {
  return {
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    expiresAt: r.expires_at,
  };
}

export async function issueApiToken(db: Db, actor: Actor, userId: string, name: string, expiresAt: string | null = null) {
  if (expiresAt && expiresAt <= nowIso()) throw invalid([{ field: 'body.expiresAt', message: 'must be in the future' }]);
  return db.transaction().execute(async (tx) => {
    const { token, row } = await createApiToken(tx, userId, name, expiresAt);
    await appendAudit(tx, actor, {
      orgId: null,
      entityType: 'api_token',
      entityId: row.id,
      action: 'create',
      after: toApiToken(row),
    });
    return { ...toApiToken(row), token };
  });
}

export async function issueApiTokenForEmail(db: Db, actor: Actor, email: string, name: string, expiresAt: string | null = null) {
  const user = await findUserByEmail(db, email);
  if (!user) throw notFound('User');
  return issueApiToken(db, actor, user.id, name, expiresAt);
}

export async function listApiTokens(db: Executor, userId: string) {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiToken);
}

export async function revokeApiToken(db: Db, actor: Actor, userId: string, tokenId: string) {
  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!before) throw notFound('API token');
    if (before.revoked_at) return;
    const revokedAt = nowIso();
    await tx.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', tokenId).execute();
    await appendAudit(tx, actor, {
      orgId: null,
      entityType: 'api_token',
      entityId: tokenId,
      action: 'revoke',
      before: toApiToken(before),
      after: toApiToken({ ...before, revoked_at: revokedAt }),
    });
  });
}
