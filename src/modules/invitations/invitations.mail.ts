import type { Db } from '../../platform/db/db.js';
import type { Mailer, MailMessage } from '../../platform/notify/index.js';
import { setEmailState } from './invitations.service.js';

// The invitation email. The link carries the one-time token, which is only in
// memory while the invite request runs (the database keeps its hash), so the
// email leaves right after the invite commits, not from the outbox; its state
// (pending, sent, failed) is kept on the invitation and shown to the admin,
// who can pass the link on by hand or invite again.

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function invitationEmail(to: string, orgName: string, invitedBy: string, url: string, acceptBy: string): MailMessage {
  const subject = `You are invited to ${orgName} in OpenAIMS`;
  const until = acceptBy.slice(0, 10);
  const text = `${invitedBy} invited you to join ${orgName} in OpenAIMS.\n\nAccept the invitation: ${url}\n\nThe link works until ${until}. If you did not expect this, ignore this email: nothing happens unless you accept.\n`;
  const html = `<!doctype html><html><body style="font-family:sans-serif"><h2 style="font-size:16px">${escapeHtml(subject)}</h2><p>${escapeHtml(invitedBy)} invited you to join ${escapeHtml(orgName)} in OpenAIMS.</p><p><a href="${escapeHtml(url)}">Accept the invitation</a></p><p style="color:#777;font-size:12px">The link works until ${escapeHtml(until)}. If you did not expect this, ignore this email: nothing happens unless you accept.</p></body></html>`;
  return { to, subject, text, html };
}

/** Sends after commit and records the outcome; never throws (the invitation stands either way). */
export async function sendInvitationEmail(db: Db, mailer: Mailer, invitationId: string, message: MailMessage): Promise<void> {
  try {
    await mailer.send(message);
    await setEmailState(db, invitationId, 'sent');
  } catch (e) {
    await setEmailState(db, invitationId, 'failed', String((e as Error).message ?? e).slice(0, 500)).catch(() => {});
  }
}
