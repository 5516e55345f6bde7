import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReminderJobs, registerReminderJob, runDueJobs, unregisterReminderJob } from '../../src/platform/jobs/index.js';
import { createMailer, type Mailer } from '../../src/platform/notify/index.js';
import { addMember, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Only this file's jobs run here: the modules' own (registered when the app is
// imported) have their tests, and would add their deliveries to the counts.
beforeAll(() => {
  for (const job of listReminderJobs()) unregisterReminderJob(job.name);
});

// Reminders by email, through a real SMTP server started here.

interface Received {
  to: string[];
  subject: string;
  raw: string;
}

function startSmtp(port = 0): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (d) => {
        raw += d;
      });
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '',
          // undo quoted-printable line wrapping, enough to find a link
          raw: raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='),
        });
        done();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, received }));
  });
}

const close = (server: SMTPServer) => new Promise<void>((r) => server.close(() => r()));

describe.each(testDialects())('reminder emails (%s)', (dialect) => {
  let t: TestApp;
  let orgId: string;
  let ownerId: string;
  let memberId: string;
  let items: { key: string }[] = [];
  let minute = Date.parse('2027-06-01T07:00:00.000Z');
  const next = () => {
    minute += 60_000;
    return new Date(minute);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    let client: Awaited<ReturnType<typeof setupOwner>>['client'];
    ({ client, orgId, userId: ownerId } = await setupOwner(t.app));
    await addMember(client, t.app, orgId, { email: 'mia@example.com', role: 'viewer', name: 'Mia' });
    memberId = (
      await t.database.db.selectFrom('users').select('id').where('email', '=', 'mia@example.com').executeTakeFirstOrThrow()
    ).id;
    registerReminderJob({
      name: 'mail-test',
      cron: '* * * * *',
      due: async () =>
        items.map(({ key }) => ({
          key,
          orgId,
          userIds: [ownerId, memberId],
          title: `Document ${key} is due for review`,
          body: 'Review it and approve a new version.',
          link: `/orgs/${orgId}/documents/${key}`,
        })),
    });
  });
  afterAll(async () => {
    unregisterReminderJob('mail-test');
    await t.close();
  });

  const run = (mailer: Mailer | null) =>
    runDueJobs(t.database.db, { mailer, nodeId: 'n1', now: next(), publicUrl: 'https://aims.example.com' });

  it('emails each member the reminder, with its title as subject and a link into the app', async () => {
    const smtp = await startSmtp();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'OpenAIMS <aims@example.com>' });
    try {
      items = [{ key: 'ai-policy' }];
      expect(await run(mailer)).toMatchObject({ delivered: 1, notifications: 2, emailsSent: 2, emailsFailed: 0 });
      expect(smtp.received.map((m) => m.to).sort()).toEqual([['lead@example.com'], ['mia@example.com']]);
      expect(smtp.received.map((m) => m.subject)).toEqual(Array(2).fill('Document ai-policy is due for review'));
      expect(smtp.received[0].raw).toContain(`https://aims.example.com/orgs/${orgId}/documents/ai-policy`);
      expect(smtp.received[0].raw).toMatch(/^From: OpenAIMS <aims@example.com>/m);
      // The next run sends nothing again.
      expect(await run(mailer)).toMatchObject({ delivered: 0, emailsSent: 0 });
      expect(smtp.received).toHaveLength(2);
    } finally {
      mailer?.close();
      await close(smtp.server);
    }
  });

  it('delivers in-app while SMTP is down, and emails once it is back, once', async () => {
    // A port where nothing listens yet.
    const probe = await startSmtp();
    const port = probe.port;
    await close(probe.server);
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'OpenAIMS <aims@example.com>' });
    try {
      items = [{ key: 'ethics-charter' }];
      const down = await run(mailer);
      expect(down).toMatchObject({ delivered: 1, notifications: 2, emailsSent: 0 });
      expect(down.emailsFailed).toBeGreaterThanOrEqual(1);
      const pending = await t.database.db
        .selectFrom('notifications')
        .select(['email_state', 'email_error'])
        .where('title', 'like', '%ethics-charter%')
        .execute();
      expect(pending).toHaveLength(2);
      expect(pending.every((n) => n.email_state === 'pending')).toBe(true);
      expect(pending.some((n) => n.email_error)).toBe(true);

      const smtp = await startSmtp(port);
      try {
        // The job is not due again with new items; the retry alone sends them.
        items = [];
        expect(await run(mailer)).toMatchObject({ delivered: 0, emailsSent: 2, emailsFailed: 0 });
        expect(await run(mailer)).toMatchObject({ emailsSent: 0 });
        expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['lead@example.com', 'mia@example.com']);
        const notifications = await t.database.db
          .selectFrom('notifications')
          .select(['user_id'])
          .where('title', 'like', '%ethics-charter%')
          .execute();
        expect(notifications).toHaveLength(2); // the in-app notification was never duplicated
      } finally {
        await close(smtp.server);
      }
    } finally {
      mailer?.close();
    }
  });

  it('sends nothing, and keeps no email pending, without a mailer', async () => {
    expect(createMailer({ mailFrom: 'x <x@example.com>' })).toBeNull();
    items = [{ key: 'no-smtp' }];
    expect(await run(null)).toMatchObject({ delivered: 1, notifications: 2 });
    const states = await t.database.db
      .selectFrom('notifications')
      .select('email_state')
      .where('title', 'like', '%no-smtp%')
      .execute();
    expect(states.map((s) => s.email_state)).toEqual(['none', 'none']);
  });
});
