import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { approveAccepting } from '../support/approve.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';
import { unzipEntry } from '../support/zip.js';

// The approved scope statement as a document (issue 10): PDF and DOCX, named
// after the legal entity, with what is covered, what is excluded and the open
// checks accepted at approval.

describe.each(testDialects())('scope statement export (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const statement = (v: number, format: string) =>
    owner.request('GET', `/api/v1/orgs/${orgId}/scope/versions/${v}/statement?format=${format}`);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app, 'lead@nimbus.example', 'Nimbus'));
    const profile = (await owner.get(`/api/v1/orgs/${orgId}/profile`)).body;
    const { updatedAt: _, ...input } = profile;
    expect((await owner.put(`/api/v1/orgs/${orgId}/profile`, { ...input, legalName: 'Nimbus Software GmbH' })).status).toBe(200);
    const draft = await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      content: {
        ...emptyContent(),
        boundaryStatement: 'The AIMS covers Nimbus Desk and its AI reply suggestions.',
        aiSystems: [{ name: 'Reply suggestions', description: 'Drafts answers', aiSystemId: null }],
        exclusions: [{ item: 'Vendor model training', justification: 'Done by the vendor.' }],
      },
    });
    expect(draft.status).toBe(200);
    expect((await approveAccepting(owner, `/api/v1/orgs/${orgId}/scope`)).status).toBe(200);
  });
  afterAll(() => t.close());

  it('exports the approved statement as a Word document', async () => {
    const res = await statement(1, 'docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="aims-scope-v1\.docx"; /);
    const xml = unzipEntry(res.raw.rawPayload, 'word/document.xml') ?? '';
    for (const text of [
      'AIMS scope statement',
      'Nimbus Software GmbH (Nimbus)',
      'Reply suggestions',
      'Vendor model training',
      'Open checks accepted at approval',
      'Accepted for this test',
    ])
      expect(xml, text).toContain(text);
  });

  it('prints it as PDF with the legal name on every page', async () => {
    const res = await statement(1, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scope-pdf-')), 'scope.pdf');
    fs.writeFileSync(file, res.raw.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('AIMS scope statement');
    expect(text).toContain('Nimbus Software GmbH (Nimbus)');
    expect(text).toContain('Page 1 of');
  }, 60_000);

  it('answers 404 for a version that does not exist', async () => {
    expect((await statement(7, 'html')).status).toBe(404);
  });
});
