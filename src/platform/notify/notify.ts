import { uuidv7 } from 'uuidv7';
import type { Executor } from '../db/db.js';
import type { EmailState } from './notify.tables.js';
import './notify.tables.js';

export interface NotifyInput {
  orgId: string;
  userIds: string[];
  /** what sent it: a job name ("evidence-expiry") or an event ("risk-assigned") */
  kind: string;
  title: string;
  body: string;
  /** in-app path the notification opens */
  link: string;
  /** also email each member (sent by the scheduler's next run when SMTP is configured) */
  email?: boolean;
}

/**
 * Notifies members of an organization, inside the caller's transaction (so a
 * notification exists exactly when the change that caused it does). Only
 * current members who are not disabled are told: a user id that is not (or no
 * longer) a member of this organization is skipped, so a notification never
 * leaks one organization's record to someone outside it. Returns how many were created.
 */
export async function notify(tx: Executor, input: NotifyInput, now = new Date()): Promise<number> {
  return notifyMany(tx, [input], now);
}

/** notify() for many at once: one membership query per organization, inserts in batches. */
export async function notifyMany(tx: Executor, inputs: NotifyInput[], now = new Date()): Promise<number> {
  const at = now.toISOString();
  const byOrg = new Map<string, Set<string>>();
  for (const i of inputs) for (const u of i.userIds) byOrg.set(i.orgId, (byOrg.get(i.orgId) ?? new Set()).add(u));
  const current = new Map<string, Set<string>>();
  for (const [orgId, wanted] of byOrg) current.set(orgId, await currentMembers(tx, orgId, [...wanted], at));
  const rows = inputs.flatMap((input) =>
    [...new Set(input.userIds)]
      .filter((u) => current.get(input.orgId)?.has(u))
      .map((userId) => ({
        id: uuidv7(),
        org_id: input.orgId,
        user_id: userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link,
        created_at: at,
        read_at: null,
        email_state: (input.email ? 'pending' : 'none') as EmailState,
        email_attempts: 0,
        email_error: null,
        email_sent_at: null,
        email_claim_until: null,
      })),
  );
  // 14 columns a row: 500 rows stay well under SQLite's limit of bound variables.
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}

/** Of these users, the current members of the organization who are not disabled. */
async function currentMembers(tx: Executor, orgId: string, userIds: string[], at: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await tx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.id')
      .where('memberships.org_id', '=', orgId)
      .where('memberships.user_id', 'in', userIds.slice(i, i + 500))
      .where('users.disabled_at', 'is', null)
      .where((eb) => eb.or([eb('memberships.expires_at', 'is', null), eb('memberships.expires_at', '>', at)]))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** A member's own notifications in one organization, newest first, and how many are unread. */
export async function listNotifications(
  db: Executor,
  orgId: string,
  userId: string,
  opts: { unreadOnly: boolean; limit: number },
): Promise<{ items: NotificationItem[]; unread: number }> {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
  const count = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    unread: Number(count.n),
  };
}

/** Marks one of the member's own notifications read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(db: Executor, orgId: string, userId: string, id: string): Promise<boolean> {
  const own = await db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!own) return false;
  // Reading twice keeps the first time it was read.
  if (!own.read_at) {
    await db
      .updateTable('notifications')
      .set({ read_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
  }
  return true;
}

/** Marks all the member's unread notifications in the organization read; returns how many. */
export async function markAllNotificationsRead(db: Executor, orgId: string, userId: string): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
