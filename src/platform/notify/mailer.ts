import type { Transporter } from 'nodemailer';
import { importPackage } from '../packages.js';

// Email is optional: without OPENAIMS_SMTP_URL there is no mailer and
// members see their reminders in the app only.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://... */
  smtpUrl?: string;
  /** "OpenAIMS <no-reply@localhost>" */
  mailFrom: string;
}

/**
 * The SMTP mailer, or null when no SMTP server is configured. nodemailer is
 * loaded with the first message, not at start: most servers send email
 * rarely, and loading it costs every start of `aims serve` about 0.1 s.
 */
export function createMailer(settings: MailSettings): Mailer | null {
  if (!settings.smtpUrl) return null;
  const smtpUrl = settings.smtpUrl;
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= importPackage<typeof import('nodemailer')>('nodemailer').then(({ default: nodemailer }) =>
      // Short timeouts: an unreachable server must not hold a scheduler run for minutes.
      nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    ));
  return {
    async send(message) {
      await (await open()).sendMail({ from: settings.mailFrom, ...message });
    },
    close: () => {
      // a transport never opened has nothing to close; a failed load was reported by send
      transport?.then((t) => t.close()).catch(() => {});
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The email for one notification: subject = its title, the body, and a link into the app. */
export function notificationEmail(
  n: { title: string; body: string; link: string },
  to: string,
  publicUrl: string | undefined,
): MailMessage {
  const url = publicUrl ? `${publicUrl.replace(/\/+$/, '')}${n.link}` : undefined;
  const open = url ? `Open in OpenAIMS: ${url}` : `Open OpenAIMS and go to ${n.link}`;
  const text = `${n.body}\n\n${open}\n\nYou receive this because you are a member of this organization in OpenAIMS.\n`;
  const link = url ? `<a href="${escapeHtml(url)}">Open in OpenAIMS</a>` : `Open OpenAIMS and go to ${escapeHtml(n.link)}`;
  const html = `<!doctype html><html><body style="font-family:sans-serif"><h2 style="font-size:16px">${escapeHtml(n.title)}</h2><p>${escapeHtml(n.body).replace(/\n/g, '<br>')}</p><p>${link}</p><p style="color:#777;font-size:12px">You receive this because you are a member of this organization in OpenAIMS.</p></body></html>`;
  return { to, subject: n.title, text, html };
}
