import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { certificationBodySummary, chosenCertificationBody } from '../../src/modules/certification-bodies/index.js';
import { checkLinks } from '../../src/platform/refs/index.js';
import { addMember, Client, createTestApp, setupOwner, signIn, startSecondNode, type TestApp } from '../support/app.js';
import { approveScope } from '../support/approve-scope.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

// Candidate certification bodies compared, the warnings of the step 9
// checklist, choosing one (a reason per warning, exactly one chosen per
// organization even when two app processes choose at once), and the quote
// request pack's facts compiled from the profile and the inventory.

const SOUND = {
  name: 'Accredited Cert GmbH',
  partyKind: 'certification-body',
  country: 'DE',
  website: 'https://cert.example',
  accreditedForIso42001: 'yes',
  accreditationBody: 'DAkkS',
  accreditationReference: 'D-ZM-00000-01-00',
  iafMlaSignatory: 'yes',
  verificationRoute: 'IAF CertSearch and the body’s own register',
  listedInIafCertSearch: 'yes',
  surveillanceTermsClear: true,
  choiceReasons: ['accredited-scope', 'buyer-recognition'],
};

describe.each(testDialects())('certification bodies (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let seq = 0;
  const url = (p = '') => `/api/v1/orgs/${orgId}/certification-bodies${p}`;
  const stored = async () =>
    (await t.database.db.selectFrom('certification_bodies').select('id').where('org_id', '=', orgId).execute()).length;
  const member = async (role: string) => {
    seq++;
    const email = `${role}${seq}-${dialect}@example.com`;
    await addMember(owner, t.app, orgId, { email, name: `Member ${seq}`, role });
    return signIn(t.app, email);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('adds, lists, edits and archives candidates with their warnings and history', async () => {
    const a = await owner.post(url(), {
      ...SOUND,
      quoteAmount: 18500,
      quoteCurrency: 'EUR',
      quoteReceivedOn: '2026-10-01',
      quoteValidUntil: '2026-12-31',
      daysStage1: 2,
      daysStage2: 4,
      daysSurveillance: 2,
      daysRecertification: 4,
      buyerMarkets: ['EU', 'UK'],
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ status: 'candidate', warnings: [], firstCycleDays: 10, choice: null });

    const b = await owner.post(url(), { name: 'Friendly Partners Ltd', partyKind: 'partner', choiceReasons: ['price'] });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'no-iso42001-accreditation',
      'not-iaf-mla',
      'price-only-choice',
      'issuer-not-certification-body',
      'no-verification-route',
      'surveillance-unclear',
    ]);
    expect(b.body.firstCycleDays).toBeNull();

    const list = await owner.get(url());
    expect(list.body.items.map((i: { name: string }) => i.name)).toEqual(['Accredited Cert GmbH', 'Friendly Partners Ltd']);
    expect((await owner.get(url('?partyKind=partner'))).body.items).toHaveLength(1);
    expect((await owner.get(url('?q=accredited'))).body.items).toHaveLength(1);

    const fixed = await owner.patch(url(`/${b.body.id}`), { partyKind: 'certification-body', surveillanceTermsClear: true });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.warnings).toHaveLength(4);
    expect((await owner.post(url(`/${b.body.id}/archive`))).status).toBe(200);
    expect((await owner.get(url())).body.items).toHaveLength(1);
    const history = (await owner.get(url(`/${b.body.id}/history`))).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update', 'archive']);

    expect(await certificationBodySummary(t.database.db, orgId)).toEqual({ candidates: 1, chosen: null, warnings: 0 });
  });

  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const bad = await owner.post(url(), {
      name: ' ',
      partyKind: 'reseller',
      country: 'Germany',
      accreditedForIso42001: 'maybe',
      quoteCurrency: 'euro',
      daysStage1: -1,
      choiceReasons: ['price', 'price'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      [
        'body.name',
        'body.partyKind',
        'body.country',
        'body.accreditedForIso42001',
        'body.quoteCurrency',
        'body.daysStage1',
        'body.choiceReasons',
      ].sort(),
    );
    const cross = await owner.post(url(), {
      name: 'X',
      quoteAmount: 100,
      quoteReceivedOn: '2026-05-01',
      quoteValidUntil: '2026-04-01',
      choiceReasons: ['other'],
    });
    expect(cross.status).toBe(400);
    expect(cross.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.quoteCurrency',
      'body.quoteValidUntil',
      'body.choiceNote',
    ]);
    const chosenByPatch = await owner.post(url(), { name: 'Y', status: 'chosen' });
    expect(chosenByPatch.status).toBe(400);
    expect(chosenByPatch.body.errors).toEqual([expect.objectContaining({ field: 'body.status' })]);
    expect(await stored()).toBe(0);
  });

  it('chooses a body only with a reason for each warning, audited, and moves the previous choice back', async () => {
    const sound = (await owner.post(url(), SOUND)).body;
    const partner = (await owner.post(url(), { ...SOUND, name: 'Partner route', partyKind: 'partner' })).body;

    const refused = await owner.post(url(`/${partner.id}/choose`), { reasons: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.reasons.issuer-not-certification-body']);
    expect((await owner.get(url(`/${partner.id}`))).body.status).toBe('candidate');

    const first = await owner.post(url(`/${sound.id}/choose`));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'chosen', choice: { by: { name: 'Ada Lead' }, acceptedWarnings: [] } });

    const second = await owner.post(url(`/${partner.id}/choose`), {
      reasons: { 'issuer-not-certification-body': 'The partner audits for an accredited body we record separately' },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.choice.acceptedWarnings).toEqual([
      expect.objectContaining({ code: 'issuer-not-certification-body', reason: expect.stringMatching(/^The partner/) }),
    ]);
    expect((await owner.get(url(`/${sound.id}`))).body).toMatchObject({ status: 'candidate', choice: null });
    expect((await owner.get(url(`/${partner.id}/history`))).body.items.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'choose',
    ]);
    expect((await owner.get(url(`/${sound.id}/history`))).body.items.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'choose',
      'unchoose',
    ]);

    // the chosen body is not archived; the others read it through the index
    expect((await owner.post(url(`/${partner.id}/archive`))).status).toBe(409);
    expect(await chosenCertificationBody(t.database.db, orgId)).toMatchObject({
      id: partner.id,
      name: 'Partner route',
      accreditationBody: 'DAkkS',
      coversIso42001: true,
      iafMlaSignatory: true,
      verificationRoute: SOUND.verificationRoute,
    });
    const summary = (await owner.get(url('/summary'))).body;
    expect(summary).toMatchObject({ candidates: 2, chosen: { id: partner.id, accreditedForIso42001: true }, warnings: 1 });
    const db = t.database.db;
    expect(await checkLinks(db, orgId, [{ type: 'certification-body', id: partner.id }], 'body.links')).toEqual([]);
    expect(await checkLinks(db, orgId, [{ type: 'certification-body', id: orgId }], 'body.links')).toEqual([
      expect.objectContaining({ field: 'body.links.0.id' }),
    ]);
  });

  it('leaves exactly one chosen body when two choose at once', async () => {
    const ids: string[] = [];
    for (const name of ['Body A', 'Body B', 'Body C']) ids.push((await owner.post(url(), { ...SOUND, name })).body.id);
    await owner.post(url(`/${ids[0]}/choose`));
    // on PostgreSQL the second choose comes through another app process
    const node2 = dialect === 'postgres' ? await startSecondNode(t) : null;
    const other = node2 ? new Client(node2.app, owner.cookie, owner.csrf) : owner;
    try {
      const answers = await Promise.all([owner.post(url(`/${ids[1]}/choose`)), other.post(url(`/${ids[2]}/choose`))]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
    } finally {
      await node2?.close();
    }
    const chosen = (await owner.get(url('?status=chosen'))).body.items;
    expect(chosen).toHaveLength(1);
    expect(ids.slice(1)).toContain(chosen[0].id);
    expect((await owner.get(url('?status=candidate'))).body.items).toHaveLength(2);
  });

  it('lets a viewer read but not choose, and keeps another organization out', async () => {
    const body = (await owner.post(url(), SOUND)).body;
    const viewer = await member('viewer');
    expect((await viewer.get(url())).status).toBe(200);
    expect((await viewer.get(url('/quote-request'))).status).toBe(200);
    expect((await viewer.post(url(`/${body.id}/choose`))).status).toBe(403);
    expect((await viewer.post(url(), { name: 'Nope' })).status).toBe(403);
    expect((await owner.get(url(`/${body.id}`))).body.status).toBe('candidate');

    const other = (await owner.post('/api/v1/orgs', { name: 'Elsewhere' })).body.id;
    const there = `/api/v1/orgs/${other}/certification-bodies/${body.id}`;
    expect((await owner.get(there)).status).toBe(404);
    expect((await owner.post(`${there}/choose`)).status).toBe(404);
    expect((await owner.patch(there, { name: 'Taken over' })).status).toBe(404);
  });

  it('compiles the quote request from the profile, inventory and settings', async () => {
    const empty = (await owner.get(url('/quote-request'))).body;
    expect(empty.missing.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining(['country', 'employee-count', 'sites', 'ai-roles', 'ai-systems', 'timeline']),
    );
    expect(empty.estimate.caveat).toMatch(/certification body decides the audit time/);

    const profile = await owner.put(`/api/v1/orgs/${orgId}/profile`, {
      legalName: 'Acme Analytics GmbH',
      country: 'DE',
      employeeCount: 80,
      sector: 'Software',
      aiRoles: ['provider', 'customer'],
      sites: [
        { name: 'Berlin HQ', address: 'Street 1, Berlin', country: 'DE' },
        { name: 'Lisbon office', address: 'Rua 2, Lisbon', country: 'PT' },
      ],
      certifications: [{ standard: 'ISO/IEC 27001', certificationBody: 'Some Body', expiresOn: '2027-06-30' }],
      targetMarkets: ['EU', 'US'],
    });
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
    await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Loan scoring', inScope: true });
    await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Office chatbot', inScope: false });
    expect((await owner.put(url('/settings'), { desiredStage2Month: '2027-13' })).status).toBe(400);
    const settings = await owner.put(url('/settings'), { desiredStage2Month: '2027-05' });
    expect(settings.body).toMatchObject({ desiredStage2Month: '2027-05' });

    const pack = await owner.get(url('/quote-request?format=json'));
    expect(pack.status, JSON.stringify(pack.body)).toBe(200);
    expect(pack.body).toMatchObject({
      organization: {
        name: expect.stringContaining('Acme Analytics GmbH'),
        country: 'DE',
        targetMarkets: ['EU', 'US'],
        employeeCount: 80,
        sites: [
          { name: 'Berlin HQ', country: 'DE' },
          { name: 'Lisbon office', country: 'PT' },
        ],
        aiRoles: ['provider', 'customer'],
      },
      certificationsHeld: { iso27001: true, iso9001: false },
      aiSystems: { scopeVersion: null, items: [{ name: 'Loan scoring', inInventory: true, inApprovedScope: false }] },
      desiredStage2Month: '2027-05',
      estimate: { initialDays: 14.5, stage1Days: 4.5, stage2Days: 10, surveillanceDays: 5, recertificationDays: 10 },
    });
    expect(pack.body.documentation.coreSetTotal).toBeGreaterThan(0);
    const missing = pack.body.missing.map((m: { code: string }) => m.code);
    for (const fixed of ['country', 'target-markets', 'employee-count', 'sites', 'ai-roles', 'ai-systems', 'timeline'])
      expect(missing).not.toContain(fixed);
    expect(missing).toContain('scope');
    expect(pack.body.missing.find((m: { code: string }) => m.code === 'scope')).toMatchObject({ fixPath: 'scope' });

    // an approved scope: its entry linked to the inventory is that system, by id even under another name
    const loan = (await owner.get(`/api/v1/orgs/${orgId}/ai-systems?q=Loan`)).body.items[0];
    const draft = await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      content: {
        ...emptyContent(),
        aiSystems: [
          { name: 'Credit decisioning', description: '', aiSystemId: loan.id },
          { name: 'Fraud screening', description: '', aiSystemId: null },
        ],
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    await approveScope(owner, orgId);
    const scoped = (await owner.get(url('/quote-request'))).body;
    expect(scoped.aiSystems).toEqual({
      scopeVersion: 1,
      items: [
        { name: 'Loan scoring', inInventory: true, inApprovedScope: true },
        { name: 'Fraud screening', inInventory: false, inApprovedScope: true },
      ],
    });
    expect(scoped.missing.map((m: { code: string }) => m.code)).not.toContain('scope');
  });
});
