import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../src/exports/csv.js';
import { validateBom } from '../../src/exports/cyclonedx-schema.js';
import { readXlsx } from '../../src/exports/xlsx.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const SEED_COLUMNS = [
  'Name',
  'Business owner',
  'Technical owner',
  'Purpose',
  'User impact',
  'Data used',
  'Supplier dependency',
  'Risk level',
  'Monitoring method',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Listed {
  id: string;
  externalId: string | null;
  name: string;
  suppliers: { supplierId: string; name: string; dependency: string }[];
  [k: string]: unknown;
}

/** A record as it must survive export and import: without ids, timestamps and derived flags. */
function portable(s: Listed) {
  const { id: _i, createdAt: _c, updatedAt: _u, flags: _f, archivedAt: _a, mergedIntoId: _m, ...rest } = s;
  return { ...rest, suppliers: s.suppliers.map((x) => ({ name: x.name, dependency: x.dependency })) };
}

describe.each(testDialects())('AI system inventory import and export (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let ownerId: string;
  let engineerId: string;
  const url = (org: string, p: string) => `/api/v1/orgs/${org}/ai-systems${p}`;

  const upload = (org: string, body: string | Buffer, type: string, query = '', client = owner) =>
    client.request('POST', url(org, `/import${query}`), body, { 'content-type': type });
  const all = async (org: string): Promise<Listed[]> => (await owner.get(url(org, '?limit=200'))).body.items;
  const count = async (table: 'ai_systems' | 'audit_log' | 'suppliers') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A second organization with the same members and risk scale, to import into. */
  async function freshOrg(name: string) {
    const id = (await owner.post('/api/v1/orgs', { name })).body.id as string;
    await addMember(owner, t.app, id, { email: 'ml@example.com', role: 'editor', name: 'Grace Engineer' });
    await owner.put(`/api/v1/orgs/${id}/settings`, { reviewIntervalDays: 365, riskScale: ['Low', 'Medium', 'High', 'Critical'] });
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId, userId: ownerId } = await setupOwner(t.app));
    engineerId = (await addMember(owner, t.app, orgId, { email: 'ml@example.com', role: 'editor', name: 'Grace Engineer' }))
      .userId;
    await owner.put(`/api/v1/orgs/${orgId}/settings`, {
      reviewIntervalDays: 365,
      riskScale: ['Low', 'Medium', 'High', 'Critical'],
    });
    await owner.post(`/api/v1/orgs/${orgId}/suppliers`, { name: 'OpenAI', kinds: ['api'] });
  });
  afterAll(() => t.close());

  it('serves a template whose first columns are the seed inventory table, in CSV and XLSX', async () => {
    const csv = await owner.get(url(orgId, '/import-template?format=csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="ai-system-inventory-template.csv"; filename*=UTF-8''ai-system-inventory-template.csv`,
    );
    expect(csv.headers['x-content-type-options']).toBe('nosniff');
    const [header] = readCsv(csv.raw.body);
    expect(header.cells.slice(0, 9)).toEqual(SEED_COLUMNS);
    expect(header.cells.slice(9)).toEqual([
      'External id',
      'Kind',
      'AI role',
      'Life-cycle stage',
      'In scope',
      'Data sensitivity',
      'Data source',
      'Intended use',
      'Foreseeable misuse',
      'Human oversight',
      'Deployment date',
      'Last review date',
      'Tags',
    ]);
    const xlsx = await owner.get(url(orgId, '/import-template?format=xlsx'));
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const rows = await readXlsx(xlsx.raw.rawPayload);
    expect(rows).toEqual([{ row: 1, cells: header.cells }]);
  });

  it('imports a CSV with messy headers and values, matching members, suppliers and the risk scale', async () => {
    const csv = [
      '\ufeff NAME ,business_owner,Technical-Owner,PURPOSE,User Impact,data used,Supplier Dependency,risk_level,Monitoring method,External ID,kind,AI Role,Lifecycle stage,in scope,DATA SENSITIVITY,Tags,Last Review Date',
      'ChatGPT Enterprise,LEAD@example.com,Grace Engineer,"Drafting, summarising and\nanswering",Customer Facing; internal use,emails; tickets,openai (API); Anthropic,HIGH,Weekly sample review,IT-1,Third-party SaaS,customer,Operation and monitoring,Yes,Personal,sales;  support ,2026-06-30',
      'Fraud scoring,Risk team,,Flags risky payments,decision support,,Acme Models (model),critical,,IT-2,own model,provider,verification and validation,no,confidential,,',
      ',,,,,,,,,,,,,,,,',
      'Meeting notes bot,,,,,,,,,,,,,,,,',
    ].join('\r\n');
    const before = await count('suppliers');
    const r = await upload(orgId, csv, 'text/csv');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      dryRun: false,
      format: 'csv',
      rows: 3,
      created: 3,
      updated: 0,
      rejected: 0,
      errors: [],
      newSuppliers: ['Anthropic', 'Acme Models'],
    });
    expect(r.body.mapping.slice(0, 3)).toEqual([
      { column: 'NAME', field: 'name' },
      { column: 'business_owner', field: 'businessOwner' },
      { column: 'Technical-Owner', field: 'technicalOwner' },
    ]);
    expect(await count('suppliers')).toBe(before + 2);

    const items = await all(orgId);
    const chat = items.find((s) => s.externalId === 'IT-1');
    expect(chat).toMatchObject({
      name: 'ChatGPT Enterprise',
      businessOwner: { userId: ownerId, name: 'Ada Lead' },
      technicalOwner: { userId: engineerId, name: 'Grace Engineer' },
      purpose: 'Drafting, summarising and\nanswering',
      userImpact: ['customer-facing', 'internal'],
      dataCategories: ['emails', 'tickets'],
      riskLevel: 'High',
      kind: 'third-party-saas',
      aiRole: 'customer',
      lifecycleStage: 'operation-and-monitoring',
      inScope: true,
      dataSensitivity: 'personal',
      tags: ['sales', 'support'],
      lastReviewDate: '2026-06-30',
    });
    expect(chat?.suppliers.map((s) => [s.name, s.dependency])).toEqual([
      ['Anthropic', 'vendor'],
      ['OpenAI', 'api'],
    ]);
    expect(items.find((s) => s.externalId === 'IT-2')).toMatchObject({
      businessOwner: { userId: null, name: 'Risk team' },
      technicalOwner: null,
      riskLevel: 'Critical',
      kind: 'own-model',
      lifecycleStage: 'verification-and-validation',
      inScope: false,
    });
    expect(items.find((s) => s.name === 'Meeting notes bot')).toMatchObject({ externalId: null, riskLevel: null, inScope: null });
  });

  it('matches supplier and owner names in other scripts by their lower case', async () => {
    const target = await freshOrg('Scripts');
    const csv = 'Name,Business owner,Supplier dependency\nSearch,王芳,百度 (api)\nMaps,王芳,百度 (platform); Ünïcode GmbH\n';
    const r = await upload(target, csv, 'text/csv');
    expect(r.body).toMatchObject({ created: 2, errors: [], newSuppliers: ['百度', 'Ünïcode GmbH'] });
    const again = await upload(target, 'Name,Supplier dependency\nTranslate,百度 (api)\n', 'text/csv');
    expect(again.body).toMatchObject({ created: 1, newSuppliers: [] });
    const maps = (await all(target)).find((s) => s.name === 'Maps');
    expect(maps).toMatchObject({ businessOwner: { userId: null, name: '王芳' } });
    expect(maps?.suppliers.map((s) => [s.name, s.dependency])).toEqual([
      ['百度', 'platform'],
      ['Ünïcode GmbH', 'vendor'],
    ]);
  });

  it('dry run reports what would happen and writes nothing', async () => {
    const [systems, audit] = [await count('ai_systems'), await count('audit_log')];
    const r = await upload(
      orgId,
      'Name,External id,Risk level\nNew one,,low\nChatGPT Enterprise,IT-1,medium\n',
      'text/csv',
      '?dryRun=true',
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, created: 1, updated: 1, unchanged: 0, errors: [] });
    expect(r.body.detail).toMatch(/^Would import 2 rows/);
    expect([await count('ai_systems'), await count('audit_log')]).toEqual([systems, audit]);
  });

  it('keeps answering while a large import runs: a list sent after it starts comes back before it ends', async () => {
    const org = await freshOrg('Busy import');
    const rows = Array.from({ length: 3000 }, (_, i) => `Imported assistant ${i},BUSY-${i},Drafts replies for team ${i % 40}`);
    const file = `Name,External id,Purpose\n${rows.join('\n')}\n`;
    const done: string[] = [];
    const importing = upload(org, file, 'text/csv').then((r) => {
      done.push('import');
      return r;
    });
    // Give the import time to start reading and writing before the list is sent.
    await new Promise((r) => setTimeout(r, 30));
    const listed = await owner.get(url(org, '?limit=5'));
    done.push('list');
    expect(listed.status).toBe(200);
    const imported = await importing;
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(3000);
    expect(done).toEqual(['list', 'import']);
    // What the list saw was committed: nothing, or (had it come after) everything.
    expect(listed.body.items.length).toBe(0);
  });

  it('re-import updates by external id instead of duplicating, and keeps columns the file leaves out', async () => {
    const [systems] = [await count('ai_systems')];
    const csv = 'External id,Name,Risk level\nIT-1,ChatGPT Enterprise,medium\nIT-2,Fraud scoring,critical\n,Brand new,\n';
    const r = await upload(orgId, csv, 'text/csv');
    expect(r.body).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(await count('ai_systems')).toBe(systems + 1);
    const chat = (await all(orgId)).find((s) => s.externalId === 'IT-1');
    expect(chat).toMatchObject({ riskLevel: 'Medium', purpose: 'Drafting, summarising and\nanswering', inScope: true });
    const history = (await owner.get(url(orgId, `/${chat?.id}/history`))).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect(history[1].before.riskLevel).toBe('High');
    expect(history[1].after.riskLevel).toBe('Medium');
  });

  it('reports every bad row and column of a file and writes nothing', async () => {
    const [systems, audit, suppliers] = [await count('ai_systems'), await count('audit_log'), await count('suppliers')];
    const csv = writeCsv([
      ['Name', 'Colour', 'User impact', 'Deployment date', 'Purpose', 'Risk level', 'External id', 'Supplier dependency'],
      ['Good row', 'red', 'internal', '2025-01-01', 'fine', 'low', 'OK-1', 'New Vendor (api)'],
      ['Bad date', '', 'internal', '2026-02-30', '', '', '', ''],
      ['Bad impact', '', 'everyone', '', '', '', '', ''],
      ['Long purpose', '', '', '', 'x'.repeat(4001), '', '', ''],
      ['Bell\u0007name', '', '', '', '', '', '', ''],
      ['Bad risk', '', '', '', '', 'extreme', 'OK-1', 'Vendor (friend)'],
      ['', '', '', '31/12/2025', '', '', '', ''],
    ]);
    const r = await upload(orgId, csv, 'text/csv');
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ status: 400, title: 'Import rejected', created: 0, updated: 0, rejected: 6, rowErrors: 9 });
    // rows count rows, errors count errors, and the numbers said add up to the errors listed
    expect(r.body.detail).toBe('Nothing was imported: 6 of 7 rows have errors (9 errors), and the header row has 1 error.');
    expect(r.body.errors).toHaveLength(10);
    const where = r.body.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`);
    expect(where).toEqual([
      '1 Colour',
      '3 Deployment date',
      '4 User impact',
      '5 Purpose',
      '6 Name',
      '7 Risk level',
      '7 Supplier dependency',
      '7 External id',
      '8 Deployment date',
      '8 Name',
    ]);
    const messages = Object.fromEntries(
      r.body.errors.map((e: { row: number; field: string; message: string }) => [`${e.row} ${e.field}`, e.message]),
    );
    expect(messages['1 Colour']).toMatch(/^is not a known column; the columns are: Name, Business owner/);
    expect(messages['3 Deployment date']).toBe('2026-02-30 is not a real calendar date');
    expect(messages['4 User impact']).toBe(
      '"everyone" is not a known user impact; use one of: internal, customer-facing, decision-support',
    );
    expect(messages['5 Purpose']).toBe('is longer than 4000 characters');
    expect(messages['6 Name']).toMatch(/control characters/);
    expect(messages['7 Risk level']).toBe(
      `"extreme" is not on the organization's risk scale; use one of: Low, Medium, High, Critical`,
    );
    expect(messages['7 External id']).toBe('"OK-1" is also on row 2');
    expect(messages['8 Deployment date']).toBe('"31/12/2025" is not a date as YYYY-MM-DD');
    expect(messages['8 Name']).toBe('must not be empty');
    expect([await count('ai_systems'), await count('audit_log'), await count('suppliers')]).toEqual([systems, audit, suppliers]);

    // A dry run gives the same report with 200, for a wizard to show.
    const dry = await upload(orgId, csv, 'text/csv', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual(r.body.errors);

    const noName = await upload(orgId, 'Purpose,Risk level\nSomething,low\n', 'text/csv');
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toEqual([
      { row: 1, field: 'Name', message: 'column is missing: every file needs a Name column' },
      { row: 2, field: 'Name', message: 'must not be empty' },
    ]);
    const broken = await upload(orgId, 'Name,Purpose\n"unclosed,x\n', 'text/csv');
    expect(broken.body.errors).toEqual([{ row: 2, field: 'file', message: 'has a quoted field that is never closed' }]);
    expect([await count('ai_systems'), await count('audit_log')]).toEqual([systems, audit]);
  });

  it('refuses a 50 MB upload with 413 problem+json', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    const r = await upload(orgId, big, 'text/csv');
    expect(r.status).toBe(413);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('lets viewers export but not import', async () => {
    await addMember(owner, t.app, orgId, { email: 'viewer@example.com', role: 'viewer', name: 'V' });
    const viewer = await signIn(t.app, 'viewer@example.com');
    expect((await upload(orgId, 'Name\nX\n', 'text/csv', '', viewer)).status).toBe(403);
    expect((await viewer.get(url(orgId, '/export?format=csv'))).status).toBe(200);
  });

  describe('export then import gives identical records', () => {
    let systems: Listed[];

    beforeAll(async () => {
      const supplier = (await owner.post(`/api/v1/orgs/${orgId}/suppliers`, { name: 'Mistral AI', kinds: ['model'] })).body.id;
      const openai = (await all(orgId))
        .find((s) => s.externalId === 'IT-1')
        ?.suppliers.find((s) => s.name === 'OpenAI')?.supplierId;
      const create = (body: object) => owner.post(url(orgId, ''), body);
      await create({
        name: 'Claims triage, "v2"',
        externalId: 'RT-1',
        kind: 'agent',
        businessOwner: { userId: engineerId },
        technicalOwner: { name: 'Platform team' },
        purpose: 'Sorts claims;\r\nflags fraud — ünïcode',
        userImpact: ['decision-support', 'customer-facing'],
        dataCategories: ['claims', 'health data'],
        dataSource: 'Claims system',
        dataSensitivity: 'special-category',
        suppliers: [
          { supplierId: supplier, dependency: 'model' },
          { supplierId: openai, dependency: 'platform' },
        ],
        riskLevel: 'critical',
        monitoringMethod: '- weekly drift report\n- monthly audit',
        aiRole: 'producer',
        lifecycleStage: 'deployment',
        inScope: true,
        intendedUse: 'Routing claims to the right handler',
        foreseeableMisuse: 'Denying claims automatically',
        humanOversight: 'A handler confirms every routing',
        deploymentDate: '2024-02-29',
        lastReviewDate: '2026-01-15',
        tags: ['claims', 'eu-ai-act'],
      });
      // Formula-looking values: neutralised in the file, restored on import.
      await create({
        name: '=HYPERLINK("http://evil.example","click")',
        purpose: '+1+2',
        monitoringMethod: "'=already quoted",
        dataSource: '@SUM(A1:A9)',
        tags: ['-1', '=cmd'],
        technicalOwner: { name: '-Ops team' },
      });
      systems = (await all(orgId)).sort((a, b) => a.name.localeCompare(b.name));
    });

    it('neutralises formula cells in CSV and XLSX', async () => {
      const csv = (await owner.get(url(orgId, '/export?format=csv'))).raw.body;
      const rows = readCsv(csv);
      const evil = rows.find((r) => r.cells[0].includes('HYPERLINK'));
      expect(evil?.cells[0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
      expect(evil?.cells[2]).toBe("'-Ops team");
      expect(evil?.cells[3]).toBe("'+1+2");
      expect(evil?.cells[8]).toBe("''=already quoted");
      expect(evil?.cells[15]).toBe("'@SUM(A1:A9)");
      expect(evil?.cells[21]).toBe("'-1; =cmd");
      // No cell of the file starts a formula.
      for (const r of rows) for (const c of r.cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);

      const xlsx = await owner.get(url(orgId, '/export?format=xlsx'));
      const sheet = await readXlsx(xlsx.raw.rawPayload);
      for (const r of sheet) for (const c of r.cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
      expect(sheet.find((r) => r.cells[0].includes('HYPERLINK'))?.cells[0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    });

    it.each(['csv', 'xlsx', 'cyclonedx'] as const)('%s into a fresh organization', async (format) => {
      const file = await owner.get(url(orgId, `/export?format=${format}`));
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toMatch(
        new RegExp(
          `^attachment; filename="(ai-systems-acme-ai-\\d{4}-\\d{2}-\\d{2}\\.${format === 'cyclonedx' ? 'cdx\\.json' : format})"; filename\\*=UTF-8''\\1$`,
        ),
      );
      const target = await freshOrg(`Round trip ${format}`);
      // Sniffed from the content: no format parameter, a generic content type.
      const r = await upload(target, file.raw.rawPayload, 'application/octet-stream');
      expect(r.body).toMatchObject({ format, errors: [], created: systems.length, updated: 0 });
      const imported = (await all(target)).sort((a, b) => a.name.localeCompare(b.name));
      expect(imported.map(portable)).toEqual(systems.map(portable));
    });

    it('re-importing its own export changes nothing', async () => {
      const [systemsBefore, audit] = [await count('ai_systems'), await count('audit_log')];
      const file = await owner.get(url(orgId, '/export?format=xlsx'));
      const r = await upload(orgId, file.raw.rawPayload, XLSX);
      const withId = systems.filter((s) => s.externalId).length;
      expect(r.body).toMatchObject({ updated: 0, unchanged: withId, created: systems.length - withId });
      expect(await count('ai_systems')).toBe(systemsBefore + systems.length - withId);
      expect(await count('audit_log')).toBe(audit + systems.length - withId);
    });
  });

  describe('CycloneDX', () => {
    it('exports a BOM that validates against the official 1.6 schema', async () => {
      const res = await owner.get(url(orgId, '/export?format=cyclonedx'));
      expect(res.headers['content-type']).toMatch(/^application\/vnd\.cyclonedx\+json/);
      const bom = JSON.parse(res.raw.body);
      await expect(validateBom(bom)).resolves.toBe('1.6');
      // And by the CycloneDX library's own validator, with the pristine strict schema.
      expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(res.raw.body)).toBeNull();
      expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
      const claims = bom.components.find((c: { name: string }) => c.name === 'Claims triage, "v2"');
      const id = (await all(orgId)).find((s) => s.externalId === 'RT-1')?.id;
      expect(claims).toMatchObject({
        type: 'machine-learning-model',
        'bom-ref': id,
        description: 'Sorts claims;\r\nflags fraud — ünïcode',
        supplier: { name: 'Mistral AI' },
        modelCard: {
          modelParameters: {
            datasets: [
              { type: 'dataset', name: 'claims' },
              { type: 'dataset', name: 'health data' },
            ],
          },
          considerations: {
            useCases: ['Routing claims to the right handler'],
            ethicalConsiderations: [
              { name: 'Denying claims automatically', mitigationStrategy: 'A handler confirms every routing' },
            ],
          },
        },
        tags: ['claims', 'eu-ai-act'],
      });
      expect(claims.properties).toEqual(
        expect.arrayContaining([
          { name: 'openaims:riskLevel', value: 'Critical' },
          { name: 'openaims:supplier', value: 'Mistral AI (model)' },
          { name: 'openaims:supplier', value: 'OpenAI (platform)' },
          { name: 'openaims:businessOwner', value: 'ml@example.com' },
        ]),
      );
    });

    const bom15 = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
      version: 1,
      components: [
        {
          type: 'machine-learning-model',
          'bom-ref': 'pkg:huggingface/acme/sentiment@1.2',
          name: 'acme-sentiment',
          version: '1.2',
          description: 'Classifies the sentiment of support tickets',
          supplier: { name: 'Hugging Face', url: ['https://huggingface.co'] },
          publisher: 'Acme Research',
          modelCard: {
            modelParameters: {
              task: 'text-classification',
              datasets: [{ ref: 'data-tickets' }, { type: 'dataset', name: 'public reviews' }],
            },
            considerations: {
              useCases: ['Routing tickets by tone', 'Dashboards'],
              ethicalConsiderations: [{ name: 'Judging staff by customer tone', mitigationStrategy: 'Aggregates only' }],
            },
          },
          components: [{ type: 'machine-learning-model', name: 'acme-sentiment-distilled', 'bom-ref': 'distilled' }],
        },
        { type: 'data', name: 'support tickets 2024', 'bom-ref': 'data-tickets' },
        { type: 'library', name: 'transformers', version: '4.40.0' },
      ],
    };

    it('imports a valid 1.5 ML-BOM: models become AI systems, their organizations suppliers', async () => {
      const target = await freshOrg('BOM 1.5');
      const r = await upload(target, JSON.stringify(bom15), 'application/json');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ format: 'cyclonedx', rows: 2, created: 2, newSuppliers: ['Hugging Face', 'Acme Research'] });
      const items = await all(target);
      expect(items.find((s) => s.name === 'acme-sentiment')).toMatchObject({
        externalId: 'pkg:huggingface/acme/sentiment@1.2',
        purpose: 'Classifies the sentiment of support tickets',
        intendedUse: 'Routing tickets by tone\nDashboards',
        foreseeableMisuse: 'Judging staff by customer tone',
        humanOversight: 'Aggregates only',
        dataCategories: ['support tickets 2024', 'public reviews'],
        suppliers: [
          { name: 'Acme Research', dependency: 'vendor' },
          { name: 'Hugging Face', dependency: 'vendor' },
        ],
      });
      expect(items.find((s) => s.name === 'acme-sentiment-distilled')).toMatchObject({ externalId: 'distilled', purpose: '' });

      // A second import of the same BOM finds both by bom-ref and keeps what was set in OpenAIMS since.
      const id = items.find((s) => s.externalId === 'distilled')?.id;
      await owner.patch(url(target, `/${id}`), { riskLevel: 'low', purpose: 'Cheaper variant' });
      const again = await upload(target, JSON.stringify(bom15), 'application/vnd.cyclonedx+json');
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect((await owner.get(url(target, `/${id}`))).body).toMatchObject({ riskLevel: 'Low', purpose: 'Cheaper variant' });
    });

    it('rejects an invalid BOM with its schema errors and writes nothing', async () => {
      const [systems, audit] = [await count('ai_systems'), await count('audit_log')];
      const bad = {
        ...bom15,
        components: [
          { type: 'ml-model', name: 'x' },
          { type: 'machine-learning-model', modelCard: { owner: 'me' } },
        ],
      };
      const r = await upload(orgId, JSON.stringify(bad), 'application/json', '?format=cyclonedx');
      expect(r.status).toBe(400);
      expect(r.body.detail).toBe('The BOM does not validate against the CycloneDX 1.5 schema: 3 errors. Nothing was imported.');
      expect(r.body.errors).toEqual([
        {
          row: null,
          field: '$.components[0].type',
          message: expect.stringMatching(/^must be one of: "application", .*"machine-learning-model"/),
        },
        { row: null, field: '$.components[1].name', message: 'is required' },
        { row: null, field: '$.components[1].modelCard.owner', message: 'is not allowed here' },
      ]);
      const old = await upload(orgId, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.4' }), 'application/json');
      expect(old.body.errors).toEqual([{ row: null, field: '$.specVersion', message: 'must be 1.5 or 1.6 (got "1.4")' }]);
      const notJson = await upload(orgId, '{"bomFormat": ', 'application/octet-stream', '?format=cyclonedx');
      expect(notJson.body.errors[0]).toMatchObject({
        row: null,
        field: 'file',
        message: expect.stringMatching(/^is not valid JSON/),
      });
      expect([await count('ai_systems'), await count('audit_log')]).toEqual([systems, audit]);
    });
  });
});
