import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/exports/csv.js';
import { validateBom } from '../../src/exports/cyclonedx-schema.js';
import { refreshDuplicateKeys } from '../../src/modules/inventory/index.js';
import type { DB } from '../../src/platform/db/tables.js';
import { createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Issue 17: inventory exports stream a keyset page at a time over real HTTP.
// A 3,000-system export arrives in several chunks, complete, once each and in
// name order, and stays a valid CSV, XLSX and CycloneDX file; a query that
// fails after the first bytes went out breaks the download instead of
// ending it early as if it were complete.

const N = 3000;

async function seed(db: Kysely<DB>, orgId: string): Promise<string[]> {
  const now = new Date().toISOString();
  const names: string[] = [];
  for (let from = 0; from < N; from += 500) {
    const rows = [];
    for (let i = from; i < from + 500; i++) {
      // Mixed case and padding so name order differs from insertion order.
      const name = `${i % 2 ? 'system' : 'System'} ${String((i * 7919) % N).padStart(4, '0')}`;
      names.push(name);
      rows.push({
        id: uuidv7(),
        org_id: orgId,
        external_id: `EXT-${i}`,
        name,
        name_key: name.toLowerCase(),
        kind: null,
        business_owner_name: 'Dana Owner',
        technical_owner_name: null,
        purpose: i === 5 ? '=HYPERLINK("http://x")' : 'Drafts replies',
        user_impact: JSON.stringify(['internal']),
        data_categories: JSON.stringify([]),
        data_source: '',
        data_sensitivity: null,
        risk_level: null,
        monitoring_method: '',
        ai_role: null,
        lifecycle_stage: null,
        in_scope: null,
        intended_use: '',
        foreseeable_misuse: '',
        human_oversight: '',
        deployment_date: null,
        last_review_date: null,
        tags: JSON.stringify([]),
        created_at: now,
        updated_at: now,
        archived_at: i === 7 ? now : null,
        merged_into_id: null,
      });
    }
    await db.insertInto('ai_systems').values(rows).execute();
  }
  await refreshDuplicateKeys(db, orgId);
  // Archived systems are not exported.
  const archived = names[7];
  return names.filter((n) => n !== archived).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
}

describe.each(testDialects())('streamed inventory exports (%s)', (dialect) => {
  let t: TestApp;
  let base: string;
  let headers: Record<string, string>;
  let expected: string[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { client, orgId } = await setupOwner(t.app);
    expected = await seed(t.database.db, orgId);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `${address}/api/v1/orgs/${orgId}/ai-systems/export`;
    headers = { cookie: client.cookie ?? '' };
  }, 120_000);
  afterAll(() => t?.close());

  async function download(format: string) {
    const res = await fetch(`${base}?format=${format}`, { headers });
    const chunks: Buffer[] = [];
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
    return { res, chunks, body: Buffer.concat(chunks) };
  }

  it('CSV: arrives in several chunks, every active system once, in name order, cells neutralised', async () => {
    const { res, chunks, body } = await download('csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(chunks.length).toBeGreaterThan(1);
    const rows = readCsv(body);
    const nameAt = rows[0].cells.indexOf('Name');
    const names = rows.slice(1).map((r) => r.cells[nameAt]);
    expect(names).toHaveLength(N - 1);
    expect(names).toEqual(expected);
    expect(body.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(body.toString('utf8').endsWith('\r\n')).toBe(true);
  });

  it('XLSX: a valid workbook with every system, the help and about sheets; it counts them', async () => {
    const { res, body } = await download('xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['AI systems', 'Help', 'About']);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(N);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const nameCol = (sheet.getRow(1).values as string[]).indexOf('Name');
    const names: string[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1) names.push(String(row.getCell(nameCol).value));
    });
    expect(names).toEqual(expected);
    const about = wb.getWorksheet('About');
    expect(about?.getRow(3).values).toEqual([undefined, 'AI systems', N - 1]);
  });

  it('CycloneDX: one BOM that validates, with every system as a component in order', async () => {
    const { res, chunks, body } = await download('cyclonedx');
    expect(res.status).toBe(200);
    expect(chunks.length).toBeGreaterThan(1);
    const bom = JSON.parse(body.toString('utf8'));
    expect(Object.keys(bom)).toEqual(['bomFormat', 'specVersion', 'serialNumber', 'version', 'metadata', 'components']);
    expect(bom.components.map((c: { name: string }) => c.name)).toEqual(expected);
    await expect(validateBom(bom)).resolves.toBe('1.6');
  });

  it('a query failing after the first page breaks the download: no short file that looks complete', async () => {
    // Fail every keyset query after the first page (they carry the cursor condition on (name_key, id)).
    const executor = t.database.db.getExecutor();
    const original = executor.executeQuery.bind(executor);
    executor.executeQuery = (async (...args: Parameters<typeof original>) => {
      const { sql } = args[0];
      if (/from "ai_systems"/.test(sql) && /\("name_key", "id"\) >/.test(sql)) throw new Error('database went away');
      return original(...args);
    }) as typeof executor.executeQuery;
    try {
      for (const format of ['csv', 'cyclonedx', 'xlsx']) {
        // Uncompressed, the headers go out with the first page ...
        const res = await fetch(`${base}?format=${format}`, { headers: { ...headers, 'accept-encoding': 'identity' } });
        expect(res.status, format).toBe(200);
        let received = 0;
        // ... and reading the rest fails: the connection is cut, not ended.
        await expect(
          (async () => {
            for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
          })(),
        ).rejects.toThrow();
        expect(received).toBeGreaterThan(0);
        // Compressed, the first bytes may still sit in the compressor: then it is an error, never a whole-looking file.
        const packed = await fetch(`${base}?format=${format}`, { headers });
        if (packed.status === 200) await expect(packed.arrayBuffer()).rejects.toThrow();
        else expect(packed.status).toBe(500);
      }
    } finally {
      executor.executeQuery = original;
    }
    // The server is fine afterwards.
    expect((await download('csv')).res.status).toBe(200);
  });
});
