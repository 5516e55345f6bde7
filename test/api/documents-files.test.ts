import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveScope } from '../support/approve-scope.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';
import { unzipEntry } from '../support/zip.js';

// The core set with live records, a version that is an uploaded file, and a
// version exported as DOCX and PDF with its control data.

describe.each(testDialects())('document core set, files and exports (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/documents${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    orgId = (await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) })).body.id;
  });
  afterAll(() => t.close());

  const upload = async (name: string, content: Buffer) => {
    const boundary = `----d1${randomBytes(6).toString('hex')}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/files`,
      payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: owner.cookie ?? '',
        'x-csrf-token': owner.csrf ?? '',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('shows the scope live in the core set once approved, documents by type, and the rest missing', async () => {
    let rows = (await owner.get(url('/core-set'))).body.items;
    expect(rows).toHaveLength(18);
    // a live record not started yet links to the page where it is started, not to a document
    expect(rows[0]).toMatchObject({ key: 'aims-scope', heldAs: 'missing', link: `/orgs/${orgId}/scope` });
    expect(rows[17].key).toBe('statement-of-applicability');

    await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      content: { ...emptyContent(), boundaryStatement: 'All AI systems of the company.' },
    });
    await approveScope(owner, orgId);
    const doc = (await owner.post(url(), { title: 'Training plan', docType: 'training-records', category: 'record' })).body;
    rows = (await owner.get(url('/core-set'))).body.items;
    const byKey = new Map(rows.map((r: { key: string }) => [r.key, r]));
    expect(byKey.get('aims-scope')).toMatchObject({
      heldAs: 'live',
      status: 'approved',
      version: 1,
      link: `/orgs/${orgId}/scope`,
    });
    expect(byKey.get('training-records')).toMatchObject({ heldAs: 'document', status: 'draft', documentIds: [doc.id] });
    expect(byKey.get('internal-audit-records')).toMatchObject({ heldAs: 'missing', link: null });
    // the register stays pure: the live scope is no row of the document list
    expect((await owner.get(url())).body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
  });

  it('keeps an uploaded file as a version, compares two files in one line and sends the file back', async () => {
    const doc = (await owner.post(url(), { title: 'Signed AI policy', docType: 'ai-policy', category: 'policy' })).body;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)]);
    const f1 = await upload('policy-signed.pdf', pdf);
    const asFile = (f: { id: string; name: string; size: number; sha256: string }) => ({
      content: { format: 'file', fileId: f.id, fileName: f.name, size: f.size, sha256: f.sha256 },
    });
    const saved = await owner.put(url(`/${doc.id}/content/draft`), asFile(f1));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await owner.post(url(`/${doc.id}/content/draft/approve`), {});
    const f2 = await upload('policy-signed-v2.pdf', Buffer.concat([pdf, Buffer.from('more')]));
    await owner.put(url(`/${doc.id}/content/draft`), asFile(f2));
    const diff = (await owner.get(url(`/${doc.id}/diff?from=1&to=2`))).body;
    expect(diff.format).toBe('file');
    expect(diff.hunks[0].lines).toEqual([
      {
        kind: 'same',
        text: `File changed from policy-signed.pdf (sha ${f1.sha256.slice(0, 12)}) to policy-signed-v2.pdf (sha ${f2.sha256.slice(0, 12)})`,
      },
    ]);
    const file = await owner.get(url(`/${doc.id}/versions/1/export`));
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(file.raw.rawPayload, pdf)).toBe(0);

    // another organization's file is refused, nothing saved
    const other = (await owner.post('/api/v1/orgs', { name: 'Other files' })).body.id;
    const mine = orgId;
    orgId = other;
    const foreign = await upload('x.pdf', pdf);
    orgId = mine;
    const refused = await owner.put(url(`/${doc.id}/content/draft`), asFile(foreign));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('body.content.fileId');
  });

  it('exports a version as DOCX, and as PDF with number, version, approver and text (headings, lists, tables; no raw HTML)', async () => {
    const doc = (await owner.post(url(), { title: 'AI use procedure', docType: 'ai-lifecycle-controls' })).body;
    const body = [
      '# Purpose',
      '',
      'How we *choose* and **approve** AI tools. <script>alert(1)</script>',
      '',
      '## Steps',
      '',
      '1. Ask the approver',
      '2. Record the decision',
      '',
      '| Role | Duty |',
      '| --- | --- |',
      '| Approver | Decides |',
    ].join('\n');
    await owner.put(url(`/${doc.id}/content/draft`), { content: { format: 'markdown', body } });
    await owner.post(url(`/${doc.id}/content/draft/approve`), {});

    const docx = await owner.get(url(`/${doc.id}/versions/1/export?format=docx`));
    expect(docx.status).toBe(200);
    const xml = unzipEntry(docx.raw.rawPayload, 'word/document.xml') ?? '';
    expect(xml).toContain('AI use procedure');
    expect(xml).toContain('Record the decision');
    expect(xml).not.toContain('script');
    expect((await owner.get(url(`/${doc.id}/versions/7/export?format=docx`))).status).toBe(404);

    if (dialect === 'postgres') return; // printing is the same on both dialects: once is enough on 2 cores
    const pdf = await owner.get(url(`/${doc.id}/versions/1/export?format=pdf`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-pdf-'));
    try {
      const file = path.join(dir, 'doc.pdf');
      fs.writeFileSync(file, pdf.raw.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain('DOC-001 AI use procedure');
      expect(text).toMatch(/Version\s+1/);
      expect(text).toMatch(/Approved\s+.*Ada Lead/);
      expect(text).toMatch(/Next review\s+\d{4}-\d{2}-\d{2}/);
      expect(text).toContain('How we choose and approve AI tools.');
      expect(text).toContain('Approver');
      expect(text).not.toContain('script');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
