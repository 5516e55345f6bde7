import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const programme = (extra: Record<string, unknown> = {}) => ({
  cycleStart: '2026-01-01',
  frequency: { text: 'Each clause once a year; Annex A over the cycle', auditsPerYear: 2 },
  methods: ['interview', 'record-sampling'],
  responsibilities: 'The AI governance lead plans the audits; the auditors conduct them',
  reporting: 'Reports go to top management within two weeks, and to the management review',
  independence: 'No one audits their own team',
  ...extra,
});

describe.each(testDialects())('audit programme (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  let seq = 0;
  const url = (p = '') => `/api/v1/orgs/${orgId}/audit-programme${p}`;
  const versions = async () =>
    (await t.database.db.selectFrom('audit_programme_versions').select('status').where('org_id', '=', orgId).execute()).map(
      (r) => r.status,
    );
  const member = async (role: string) => {
    seq++;
    const email = `${role}${seq}-${dialect}@example.com`;
    await addMember(owner, t.app, orgId, { email, name: `${role} ${seq}`, role });
    return signIn(t.app, email);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('drafts a programme with a three-year cycle by default, and approves it', async () => {
    expect((await owner.get(url())).body).toMatchObject({ approved: null, draft: null });
    const saved = await owner.put(url('/draft'), { content: programme({ owner: { userId } }) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      version: 1,
      status: 'draft',
      cycle: { start: '2026-01-01', end: '2028-12-31' },
      content: { cycleEnd: null, owner: { userId } },
      owner: { userId, name: 'Ada Lead' },
      checks: [],
    });
    const approved = await owner.post(url('/draft/approve'), { note: 'Agreed' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ version: 1, status: 'approved', approvedBy: userId });
    expect((await owner.get(url())).body).toMatchObject({ approved: { version: 1 }, draft: null });
    expect((await owner.get(url('/versions'))).body.items).toHaveLength(1);
  });

  it('needs a reason for each open warning to approve', async () => {
    await owner.put(url('/draft'), { content: programme({ independence: '', frequency: { text: '', auditsPerYear: 0 } }) });
    const refused = await owner.post(url('/draft/approve'), {});
    expect(refused.status).toBe(400);
    expect(await versions()).toEqual(['draft']);
    const ok = await owner.post(url('/draft/approve'), {
      exceptions: [
        { code: 'no-owner', reason: 'Appointed next month' },
        { code: 'less-than-yearly', reason: 'First year is the certification audit' },
        { code: 'no-independence', reason: 'External auditor does all audits' },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.acceptedExceptions.map((e: { code: string }) => e.code).sort()).toEqual([
      'less-than-yearly',
      'no-independence',
      'no-owner',
    ]);
  });

  it('refuses bad content by field and writes nothing', async () => {
    const fields = async (content: object) => {
      const r = await owner.put(url('/draft'), { content });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      return r.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await fields(programme({ cycleEnd: '2025-06-30' }))).toEqual(['body.content.cycleEnd']);
    expect(await fields(programme({ methods: ['guessing'] }))).toEqual(['body.content.methods.0']);
    expect(await fields(programme({ frequency: { text: '', auditsPerYear: -1 } }))).toEqual([
      'body.content.frequency.auditsPerYear',
    ]);
    const foreignOrg = (await owner.post('/api/v1/orgs', { name: 'Elsewhere' })).body.id;
    const stranger = {
      body: await addMember(owner, t.app, foreignOrg, {
        email: `stranger-${dialect}@example.com`,
        name: 'Stranger',
        role: 'viewer',
      }),
    };
    expect(await fields(programme({ owner: { userId: stranger.body.userId } }))).toEqual(['body.content.owner.userId']);
    expect(await versions()).toEqual([]);
  });

  it('lets a viewer read only, and a contributor draft but not approve', async () => {
    const viewer = await member('viewer');
    expect((await viewer.get(url())).status).toBe(200);
    expect((await viewer.get(url('/coverage'))).status).toBe(200);
    expect((await viewer.put(url('/draft'), { content: programme() })).status).toBe(403);
    expect(await versions()).toEqual([]);
    const contributor = await member('contributor');
    expect((await contributor.put(url('/draft'), { content: programme() })).status).toBe(200);
    expect((await contributor.post(url('/draft/approve'), {})).status).toBe(403);
    expect(await versions()).toEqual(['draft']);
  });

  it('maps coverage over every clause and the applicable Annex A controls, saying when it assumes', async () => {
    const first = (await owner.get(url('/coverage'))).body;
    expect(first.programme).toEqual({ status: 'none', version: null });
    expect(first.total).toBe(32 + 38);
    expect(first.gaps).toBe(first.total);
    expect(first.audits).toEqual([]);
    expect(first.note).toMatch(/No audit programme yet/);
    expect(first.note).toMatch(/No Statement of Applicability yet/);
    const thisYear = new Date().toISOString().slice(0, 4);
    expect(first.cycle.start).toBe(`${thisYear}-01-01`);

    await owner.put(url('/draft'), { content: programme({ cycleEnd: '2026-12-31' }) });
    const exclude = await owner.patch(`/api/v1/orgs/${orgId}/soa/rows/A.6.2.6`, {
      applicable: false,
      justification: 'Bought in',
    });
    expect(exclude.status, JSON.stringify(exclude.body)).toBe(200);
    const second = (await owner.get(url('/coverage'))).body;
    expect(second.cycle).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(second.programme).toEqual({ status: 'draft', version: 1 });
    expect(second.total).toBe(32 + 37);
    expect(second.requirements.map((r: { id: string }) => r.id)).not.toContain('A.6.2.6');
    expect(second.requirements[0]).toMatchObject({ id: '4.1', kind: 'clause', group: '4', auditIds: [], covered: false });
    expect(second.note).toMatch(/not approved yet/);
    expect(second.note).not.toMatch(/Statement of Applicability/);

    // another organization's programme is not found from here
    const other = (await owner.post('/api/v1/orgs', { name: 'Other' })).body.id;
    expect((await owner.get(`/api/v1/orgs/${other}/audit-programme`)).body).toMatchObject({ approved: null, draft: null });
  });

  it('puts the internal audits of the cycle in columns, planned and done, and counts what none covers', async () => {
    const year = Number(new Date().toISOString().slice(0, 4));
    await owner.put(url('/draft'), { content: programme({ cycleStart: `${year}-01-01`, owner: { userId } }) });
    expect((await owner.post(url('/draft/approve'), {})).status).toBe(200);
    const audits = `/api/v1/orgs/${orgId}/internal-audits`;
    const lead = [{ name: 'Olga Outside', lead: true }];
    const planned = await owner.post(audits, {
      title: 'Risk and data',
      requirementIds: ['6.1.2', 'A.7.4'],
      plannedStart: `${year + 1}-03-01`,
      auditors: lead,
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const later = await owner.post(audits, {
      title: 'Next cycle',
      requirementIds: ['5.1'],
      plannedStart: `${year + 3}-02-01`,
      auditors: lead,
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    const done = await owner.post(audits, { title: 'Leadership', requirementIds: ['5.2', '6.1.2'], auditors: lead });
    expect((await owner.post(`${audits}/${done.body.id}/start`)).status).toBe(200);
    const reported = await owner.post(`${audits}/${done.body.id}/report`, { conclusions: 'Policy holds.' });
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);

    const map = (await owner.get(url('/coverage'))).body;
    expect(map.programme).toEqual({ status: 'approved', version: 1 });
    expect(map.cycle).toEqual({ start: `${year}-01-01`, end: `${year + 2}-12-31` });
    // the reported audit (dated by its end, today) first, then the planned one; the next cycle's is not a column
    expect(map.audits.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      [done.body.id, 'reported'],
      [planned.body.id, 'planned'],
    ]);
    const row = (id: string) => map.requirements.find((r: { id: string }) => r.id === id);
    expect(row('6.1.2')).toMatchObject({ auditIds: [done.body.id, planned.body.id], covered: true });
    expect(row('5.2')).toMatchObject({ auditIds: [done.body.id], covered: true });
    expect(row('5.1')).toMatchObject({ auditIds: [], covered: false });
    expect(row('A.7.4')).toMatchObject({ auditIds: [planned.body.id], covered: true });
    expect(map.gaps).toBe(map.total - 3);
    expect(map.gaps).toBe(map.requirements.filter((r: { covered: boolean }) => !r.covered).length);

    // an archived audit is no column
    expect((await owner.post(`${audits}/${planned.body.id}/archive`)).status).toBe(200);
    const after = (await owner.get(url('/coverage'))).body;
    expect(after.audits.map((a: { id: string }) => a.id)).toEqual([done.body.id]);
  });
});
