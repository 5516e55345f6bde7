import { uuidv7 } from 'uuidv7';
import { appendAudit, type Actor } from '../audit-log/audit-log.js';
import type { Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';
import type { Row } from '../db/tables.js';
import { hashPassword } from './secrets.js';

export type PublicUser = { id: string; email: string; name: string; createdAt: string };

export function toPublicUser(u: Row<'users'>): PublicUser {
  return { id: u.id, email: u.email, name: u.name, createdAt: u.created_at };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Executor, email: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export function findUserById(db: Executor, id: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a user inside the caller's transaction and logs it. */
export async function insertUser(
  tx: Executor,
  actor: Actor,
  input: { email: string; name: string; password: string },
): Promise<Row<'users'>> {
  const now = nowIso();
  const row = {
    id: uuidv7(),
    email: normalizeEmail(input.email),
    name: input.name.trim(),
    password_hash: await hashPassword(input.password),
    created_at: now,
    updated_at: now,
    disabled_at: null,
    must_change_password: 0,
  };
  await tx.insertInto('users').values(row).execute();
  await appendAudit(tx, actor, { orgId: null, entityType: 'user', entityId: row.id, action: 'create', after: toPublicUser(row) });
  return row;
}

export function listUsers(db: Executor): Promise<Row<'users'>[]> {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

/**
 * Sets a user's password inside the caller's transaction. `mustChange`: the
 * password was chosen by someone else (an administrator, the CLI), so the
 * user must replace it before doing anything else.
 */
export async function setPassword(tx: Executor, userId: string, password: string, mustChange: boolean): Promise<void> {
  await tx
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), must_change_password: mustChange ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
}
