import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { unzipEntry } from '../support/zip.js';

// The minutes of an approved review as top management signs them off: a PDF
// printed by Chromium and read back by poppler, and a Word document. The
// rendering does not depend on the database, so this runs on SQLite only.
describe('management review minutes', () => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  let id: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-mr-'));
  const url = (p = '') => `/api/v1/orgs/${orgId}/management-reviews${p}`;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    ({ client: owner, orgId, userId: ownerId } = await setupOwner(t.app));
    const email = `grace.${randomBytes(3).toString('hex')}@example.com`;
    const ceoId = (await addMember(owner, t.app, orgId, { email, name: 'Grace Chief', role: 'editor' })).userId;
    const ceo = await signIn(t.app, email);
    await owner.put(url('/settings'), { topManagementUserIds: [ceoId] });
    const created = await owner.post(url(), {
      title: 'Spring management review',
      meetingDate: '2026-03-10',
      chair: { userId: ceoId },
      attendees: [{ userId: ceoId }, { userId: ownerId }, { name: 'Olu External' }],
    });
    id = created.body.id;
    await owner.post(url(`/${id}/prepare`), { resourceNeeds: 'Budget for an external bias audit' });
    await owner.patch(url(`/${id}`), {
      status: 'held',
      minutes: '## Discussion\n\nThe board looked at **open risks**.\n\n- Bias testing is late\n- Supplier review went well',
      decisions: [{ text: 'Automate the bias tests', kind: 'improvement' }],
    });
    await owner.post(url(`/${id}/actions`), {
      text: 'Draft the bias test plan',
      owner: { userId: ownerId },
      dueDate: '2026-04-30',
    });
    const approved = await ceo.post(url(`/${id}/approve`));
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the minutes as a PDF: attendees with top management marked, the frozen inputs, decisions, actions and approval', async () => {
    const res = await owner.request('GET', url(`/${id}/minutes?format=pdf`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(dir, 'minutes.pdf');
    fs.writeFileSync(file, res.raw.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
    for (const s of [
      'Management review MR-001: minutes',
      '2026-03-10',
      'Grace Chief',
      'Yes (top management)',
      'Olu External',
      'AI risk status',
      'Status of actions from previous reviews',
      'Budget for an external bias audit',
      'open risks',
      'Bias testing is late',
      'Automate the bias tests',
      'Improvement',
      'Draft the bias test plan',
      '2026-04-30',
      'Approved by Grace Chief',
    ])
      expect(text).toContain(s);
    // words, not raw values or Markdown
    expect(text).not.toContain('**');
    expect(text).not.toContain('change-to-aims');
  });

  it('writes the minutes as a Word document and as HTML', async () => {
    const docx = await owner.request('GET', url(`/${id}/minutes?format=docx`));
    expect(docx.status).toBe(200);
    const xml = unzipEntry(docx.raw.rawPayload, 'word/document.xml') ?? '';
    for (const s of ['MR-001', 'Grace Chief', 'Draft the bias test plan', 'Approved by Grace Chief', 'Resource needs'])
      expect(xml).toContain(s);
    const html = await owner.request('GET', url(`/${id}/minutes?format=html`));
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('Automate the bias tests');
    expect((await owner.request('GET', url(`/${id}/minutes?format=xlsx`))).status).toBe(400);
  });
});
