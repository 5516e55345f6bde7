import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/exports/csv.js';
import { readXlsx } from '../../src/exports/xlsx.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Issue 10, part 6: the import page lists the values each column takes, an
// import report's row count and error count agree, and the workbook export
// speaks in words while still importing back.

describe.each(testDialects())('inventory import report and columns (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p: string, org = orgId) => `/api/v1/orgs/${org}/ai-systems${p}`;
  const upload = (body: string | Buffer, type: string, query = '', org = orgId) =>
    owner.request('POST', url(`/import${query}`, org), body, { 'content-type': type });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('lists every column with the values a fixed-list column takes, the risk scale included', async () => {
    const r = await owner.get(url('/import-columns'));
    expect(r.status).toBe(200);
    const byHeader = Object.fromEntries(r.body.columns.map((c: { header: string }) => [c.header, c]));
    expect(r.body.columns[0]).toMatchObject({ header: 'Name', required: true, values: null });
    expect(byHeader.Kind.values).toContainEqual({ value: 'own-model', label: 'Own model' });
    expect(byHeader['Life-cycle stage'].values).toHaveLength(8);
    expect(byHeader['User impact']).toMatchObject({ multiple: true });
    expect(byHeader['Risk level'].values.map((v: { value: string }) => v.value)).toEqual(['low', 'medium', 'high']);
    expect(byHeader['Supplier dependency'].values).toContainEqual({ value: 'api', label: 'API' });
    expect(byHeader.Purpose.values).toBeNull();
  });

  it('counts rows with errors as rows, and says how many errors there are so they add up to the list', async () => {
    const csv = writeCsv([
      ['Name', 'Kind', 'User impact', 'AI role', 'Deployment date', 'Colour'],
      ['Three errors', 'robot', 'everyone', 'god', '', ''],
      ['Fine', 'agent', 'internal', 'provider', '2025-01-01', ''],
      ['One error', '', '', '', 'yesterday', ''],
    ]);
    const r = await upload(csv, 'text/csv', '?dryRun=true');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: 3, rejected: 2, rowErrors: 4 });
    expect(r.body.errors).toHaveLength(5); // four on rows 2 and 4, one on the header (Colour)
    expect(r.body.detail).toBe('Nothing was imported: 2 of 3 rows have errors (4 errors), and the header row has 1 error.');

    // a value in a column without a header is an error on its data row: that row counts
    const noHeader = await upload('Name,Kind\nA,agent,surprise\nB,agent\n', 'text/csv', '?dryRun=true');
    expect(noHeader.body).toMatchObject({ rows: 2, rejected: 1, rowErrors: 1 });
    expect(noHeader.body.errors).toHaveLength(1);
    expect(noHeader.body.detail).toBe('Nothing was imported: 1 of 2 rows has errors (1 error).');
  });

  it('accepts the words the app shows as well as the values', async () => {
    const csv =
      'Name,Kind,Life-cycle stage,AI role,User impact,Supplier dependency\nWorded,AI feature of a product,Operation and monitoring,AI customer (user),Customer-facing use,OpenAI (API)\n';
    const r = await upload(csv, 'text/csv', '?dryRun=true');
    expect(r.body).toMatchObject({ errors: [], created: 1 });
  });

  it('exports the workbook in words, which imports back unchanged; CSV keeps the values', async () => {
    const csv =
      'Name,External id,Kind,Life-cycle stage,Data sensitivity,Supplier dependency\nScorer,SC-1,own-model,verification-and-validation,special-category,Acme Models (model)\n';
    expect((await upload(csv, 'text/csv')).body).toMatchObject({ created: 1 });
    const xlsx = await owner.get(url('/export?format=xlsx'));
    const rows = (await readXlsx(xlsx.raw.rawPayload)).map((r) => r.cells);
    const header = rows[0];
    const scorer = rows.find((r) => r[0] === 'Scorer') ?? [];
    const cell = (h: string) => scorer[header.indexOf(h)];
    expect([cell('Kind'), cell('Life-cycle stage'), cell('Data sensitivity'), cell('Supplier dependency')]).toEqual([
      'Own model',
      'Verification and validation',
      'Special-category personal data',
      'Acme Models (Model)',
    ]);
    const back = await upload(xlsx.raw.rawPayload, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(back.body).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: 1 });

    const plain = (await owner.get(url('/export?format=csv'))).raw.body;
    expect(plain).toContain('own-model,');
    expect(plain).toContain('Acme Models (model)');
  });
});
