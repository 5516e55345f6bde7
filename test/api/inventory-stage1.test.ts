import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBom } from '../../src/exports/cyclonedx-schema.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { approveScope } from '../support/approve-scope.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

// Issue 9 on the inventory side, with the seed's example company: a
// 60-person SaaS company holding ISO/IEC 27001 that uses AI in support,
// sales scoring, coding and its product. Stage 1 fails when "AI systems are
// missing, duplicated, or not risk-rated"; every file names the legal entity.

const LEGAL = 'Acme Analytics GmbH';
const SHOWN = 'Acme Analytics GmbH (Acme)';

interface Flag {
  code: string;
  message: string;
}

describe.each(testDialects())('inventory for Stage 1: scope gaps, duplicates, legal name (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const ids: Record<string, string> = {};
  const url = (p = '') => `/api/v1/orgs/${orgId}/ai-systems${p}`;

  async function create(body: Record<string, unknown>): Promise<string> {
    const res = await owner.post(url(), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app, 'lead@example.com', 'Acme'));
    const { updatedAt: _, ...profile } = (await owner.get(`/api/v1/orgs/${orgId}/profile`)).body;
    const put = await owner.put(`/api/v1/orgs/${orgId}/profile`, {
      ...profile,
      legalName: LEGAL,
      employeeCount: 60,
      sector: 'B2B SaaS',
      certifications: [{ standard: 'ISO/IEC 27001' }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const zendesk = (await owner.post(`/api/v1/orgs/${orgId}/suppliers`, { name: 'Zendesk', kinds: ['vendor'] })).body.id;
    const github = (await owner.post(`/api/v1/orgs/${orgId}/suppliers`, { name: 'GitHub', kinds: ['vendor'] })).body.id;
    ids.support = await create({
      name: 'Support reply assistant',
      kind: 'third-party-saas',
      purpose: 'Suggests replies to customer support tickets',
      suppliers: [{ supplierId: zendesk, dependency: 'vendor' }],
      riskLevel: 'medium',
      inScope: true,
    });
    ids.scoring = await create({ name: 'Lead scoring model', kind: 'own-model', purpose: 'Ranks sales leads', inScope: true });
    ids.copilot = await create({
      name: 'GitHub Copilot',
      kind: 'third-party-saas',
      purpose: 'Code completion for engineers',
      suppliers: [{ supplierId: github, dependency: 'vendor' }],
    });
    ids.insights = await create({ name: 'Product insights feature', kind: 'product-feature', purpose: 'Usage insights' });
  });
  afterAll(() => t?.close());

  it('counts and lists what the approved scope names but the inventory lacks, until it is added', async () => {
    const draft = await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      content: {
        ...emptyContent(),
        boundaryStatement: 'AI in support, sales, engineering and the Acme Analytics product.',
        aiSystems: [
          { name: 'Support reply assistant', description: '', aiSystemId: ids.support },
          { name: 'Lead Scoring model', description: 'matched by name', aiSystemId: null },
          { name: 'Churn predictor', description: 'not in the inventory yet', aiSystemId: null },
        ],
        productsAndServices: [{ name: 'Acme Analytics platform', description: '' }],
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect((await owner.get(url('/summary'))).body.namedInScopeMissing).toBe(0); // a draft is not the scope yet
    await approveScope(owner, orgId);

    expect((await owner.get(url('/summary'))).body.namedInScopeMissing).toBe(2);
    const gaps = await owner.get(url('/scope-gaps'));
    expect(gaps.status).toBe(200);
    expect(gaps.body.items).toEqual([
      { name: 'Churn predictor', kind: 'ai-system', scopeVersion: 1 },
      { name: 'Acme Analytics platform', kind: 'product-or-service', scopeVersion: 1 },
    ]);

    ids.churn = await create({ name: 'Churn Predictor', kind: 'own-model', purpose: 'Predicts churn', inScope: true });
    expect((await owner.get(url('/summary'))).body.namedInScopeMissing).toBe(1);
    expect((await owner.get(url('/scope-gaps'))).body.items.map((g: { name: string }) => g.name)).toEqual([
      'Acme Analytics platform',
    ]);

    // a linked record that is archived no longer stands for its entry
    expect((await owner.post(url(`/${ids.support}/archive`), {})).status).toBe(200);
    expect((await owner.get(url('/scope-gaps'))).body.items.map((g: { name: string }) => g.name)).toEqual([
      'Support reply assistant',
      'Acme Analytics platform',
    ]);
    expect((await owner.post(url(`/${ids.support}/restore`), {})).status).toBe(200);
    expect((await owner.get(url('/summary'))).body.namedInScopeMissing).toBe(1);
  });

  it('flags a likely duplicate on both records, in the list and on the detail page, as the summary counts it', async () => {
    const codes = (flags: Flag[]) => flags.map((f) => f.code);
    const before = (await owner.get(url('?limit=200'))).body.items as { flags: Flag[] }[];
    expect(before.flatMap((s) => codes(s.flags))).not.toContain('possible-duplicate');
    expect((await owner.get(url('/summary'))).body.duplicateGroups).toBe(0);

    ids.copilot2 = await create({ name: 'Github-Copilot', kind: 'third-party-saas', purpose: 'Code completion for engineers' });
    expect((await owner.get(url('/summary'))).body.duplicateGroups).toBe(1);
    const groups = (await owner.get(url('/duplicates'))).body.items;
    expect(groups).toHaveLength(1);

    const list = (await owner.get(url('?limit=200'))).body.items as { id: string; name: string; flags: Flag[] }[];
    const flagged = list.filter((s) => codes(s.flags).includes('possible-duplicate'));
    expect(flagged.map((s) => s.id).sort()).toEqual([...groups[0].ids].sort());
    const flagOf = (s: { flags: Flag[] }) => s.flags.find((f) => f.code === 'possible-duplicate')?.message;
    expect(flagOf(flagged.find((s) => s.id === ids.copilot) ?? { flags: [] })).toContain('"Github-Copilot"');
    expect(flagOf(flagged.find((s) => s.id === ids.copilot2) ?? { flags: [] })).toContain('"GitHub Copilot"');

    // a page holding one of the pair still flags it: the other is found, not only the rows shown
    let cursor: string | undefined;
    const paged: string[] = [];
    do {
      const page = await owner.get(url(`?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      for (const s of page.body.items) if (codes(s.flags).includes('possible-duplicate')) paged.push(s.id);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(paged.sort()).toEqual([...groups[0].ids].sort());

    for (const id of [ids.copilot, ids.copilot2]) {
      const detail = (await owner.get(url(`/${id}`))).body;
      expect(codes(detail.flags)).toContain('possible-duplicate');
    }

    // archived, the duplicate no longer counts, and the other record's flag goes too
    expect((await owner.post(url(`/${ids.copilot2}/archive`), {})).status).toBe(200);
    expect((await owner.get(url('/summary'))).body.duplicateGroups).toBe(0);
    expect(codes((await owner.get(url(`/${ids.copilot}`))).body.flags)).not.toContain('possible-duplicate');
    expect(codes((await owner.get(url(`/${ids.copilot2}`))).body.flags)).not.toContain('possible-duplicate');
  });

  it('names the legal entity in the XLSX and CycloneDX exports, and the XLSX still imports', async () => {
    const xlsx = await owner.request('GET', url('/export?format=xlsx'));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.company).toBe(SHOWN);
    expect(wb.title).toContain(SHOWN);
    expect(wb.worksheets[0].name).toBe('AI systems');
    const about = wb.getWorksheet('About');
    expect(about?.getRow(1).values).toEqual([undefined, 'Organization', SHOWN]);
    const again = await owner.request('POST', url('/import?format=xlsx&dryRun=true'), xlsx.raw.rawPayload, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.errors).toEqual([]);

    const cdx = await owner.request('GET', url('/export?format=cyclonedx'));
    expect(cdx.status).toBe(200);
    const bom = JSON.parse(cdx.raw.body);
    expect(bom.metadata.manufacturer).toEqual({ name: SHOWN });
    expect(bom.metadata.supplier).toEqual({ name: SHOWN });
    expect(bom.metadata.component.name).toBe(`${SHOWN} AI system inventory`);
    await expect(validateBom(bom)).resolves.toBe('1.6');
  });

  it('names the legal entity in the gap report', async () => {
    const assessment = await owner.post(`/api/v1/orgs/${orgId}/gap-assessments`, {
      title: 'Baseline',
      assessmentDate: '2026-01-15',
    });
    expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
    const report = (format: string) =>
      owner.request('GET', `/api/v1/orgs/${orgId}/gap-assessments/${assessment.body.id}/report?format=${format}`);
    const html = await report('html');
    expect(html.status).toBe(200);
    expect(html.raw.body).toContain(SHOWN);
    const xlsx = await report('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.company).toBe(SHOWN);
    const cover = wb.getWorksheet('Summary');
    const rows = cover?.getRows(1, cover.rowCount) ?? [];
    expect(rows.find((r) => r.getCell(1).value === 'Organization')?.getCell(2).value).toBe(SHOWN);
  });
});
