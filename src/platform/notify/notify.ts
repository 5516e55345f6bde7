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
  const wanted = [...new Set(input.userIds)];
  if (wanted.length === 0) return 0;
  const at = now.toISOString();
  const members = await tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.org_id', '=', input.orgId)
    .where('memberships.user_id', 'in', wanted)
    .where('users.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('memberships.expires_at', 'is', null), eb('memberships.expires_at', '>', at)]))
    .execute();
  if (members.length === 0) return 0;
  const emailState: EmailState = input.email ? 'pending' : 'none';
  await tx
    .insertInto('notifications')
    .values(
      members.map((m) => ({
        id: uuidv7(),
        org_id: input.orgId,
        user_id: m.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link,
        created_at: at,
        read_at: null,
        email_state: emailState,
        email_attempts: 0,
        email_error: null,
        email_sent_at: null,
        email_claim_until: null,
      })),
    )
    .execute();
  return members.length;
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
