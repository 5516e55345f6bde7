import type { Db } from '../db/db.js';
import { type Mailer, notificationEmail } from './mailer.js';

// Emails leave after the notification's transaction has committed, from
// notifications whose email_state is 'pending'. A node claims one row with a
// conditional UPDATE before sending, so two nodes never send the same email
// together; it records 'sent' after the SMTP server accepted it. If the
// process dies between the two, the claim expires and the email is sent again:
// email is at least once (and in practice once), the in-app notification
// exactly once.

const CLAIM_MS = 5 * 60_000;
/** after this many failed attempts we stop trying and keep the last error */
export const MAX_EMAIL_ATTEMPTS = 10;
/** pending emails older than this are not sent any more: a reminder a week late helps nobody */
const MAX_AGE_MS = 7 * 24 * 3600_000;
const BATCH = 200;

export interface OutboxResult {
  sent: number;
  failed: number;
}

export async function sendPendingEmails(db: Db, mailer: Mailer, opts: { now: Date; publicUrl?: string }): Promise<OutboxResult> {
  const now = opts.now.toISOString();
  const claimUntil = new Date(opts.now.getTime() + CLAIM_MS).toISOString();
  const rows = await db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select([
      'notifications.id',
      'notifications.title',
      'notifications.body',
      'notifications.link',
      'users.email',
      'users.disabled_at',
    ])
    .where('notifications.email_state', '=', 'pending')
    .where('notifications.created_at', '>', new Date(opts.now.getTime() - MAX_AGE_MS).toISOString())
    .where((eb) => eb.or([eb('notifications.email_claim_until', 'is', null), eb('notifications.email_claim_until', '<', now)]))
    .orderBy('notifications.created_at')
    .limit(BATCH)
    .execute();
  const result: OutboxResult = { sent: 0, failed: 0 };
  for (const row of rows) {
    if (row.disabled_at || !row.email) {
      await db.updateTable('notifications').set({ email_state: 'none' }).where('id', '=', row.id).execute();
      continue;
    }
    const claim = await db
      .updateTable('notifications')
      .set((eb) => ({ email_claim_until: claimUntil, email_attempts: eb('email_attempts', '+', 1) }))
      .where('id', '=', row.id)
      .where('email_state', '=', 'pending')
      .where((eb) => eb.or([eb('email_claim_until', 'is', null), eb('email_claim_until', '<', now)]))
      .returning('email_attempts')
      .executeTakeFirst();
    if (!claim) continue; // another node has it
    try {
      await mailer.send(notificationEmail(row, row.email, opts.publicUrl));
      await db
        .updateTable('notifications')
        .set({ email_state: 'sent', email_sent_at: new Date().toISOString(), email_error: null, email_claim_until: null })
        .where('id', '=', row.id)
        .execute();
      result.sent++;
    } catch (e) {
      const gaveUp = claim.email_attempts >= MAX_EMAIL_ATTEMPTS;
      await db
        .updateTable('notifications')
        .set({
          email_state: gaveUp ? 'failed' : 'pending',
          email_error: String((e as Error).message ?? e).slice(0, 500),
          // free it for the next run
          email_claim_until: null,
        })
        .where('id', '=', row.id)
        .execute();
      result.failed++;
      // The server is unreachable: the rest would fail the same way, so wait for the next run.
      if (isConnectionError(e)) break;
    }
  }
  return result;
}

function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EGREETING'].includes(code ?? '');
}
