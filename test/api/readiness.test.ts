import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readinessSnapshotJob } from '../../src/modules/readiness/index.js';
import { drawSample } from '../../src/modules/readiness/readiness.sample.rules.js';
import { DEFAULT_RISK_METHOD } from '../../src/modules/risks/index.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, startSecondNode, type TestApp } from '../support/app.js';
import { approveAccepting } from '../support/approve.js';
import { approveScope } from '../support/approve-scope.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

// The readiness rehearsal through the API on both dialects: a fresh
// organization fails most checks with the right records and links; one
// prepared through the other modules' APIs turns the chosen checks to pass;
// the shape is the contract other tools script against.

type Check = {
  id: string;
  title: string;
  status: string;
  detail: string;
  records: { type: string; id: string; label: string }[];
  link: string;
  fix: string | null;
};
const byId = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe.each(testDialects())('readiness rehearsal (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/readiness${p}`;

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

  it('answers the contract: 14 steps, the six Stage 1 and seven Stage 2 checks, each with status, detail and records', async () => {
    const r = await owner.get(url());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.steps).toHaveLength(14);
    for (const s of r.body.steps) {
      expect(Object.keys(s).sort()).toEqual(['id', 'reason', 'status', 'step', 'title']);
      expect(['not-started', 'in-progress', 'done']).toContain(s.status);
    }
    expect(r.body.steps.map((s: { step: number }) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(r.body.stage1.checks.map((c: Check) => c.id)).toEqual([
      'scope',
      'documented-information',
      'ai-inventory',
      'risk-method',
      'internal-audit',
      'management-review',
    ]);
    expect(r.body.stage2.checks.map((c: Check) => c.id)).toEqual([
      'leadership',
      'risk-assessment',
      'lifecycle-controls',
      'supplier-management',
      'training',
      'corrective-action',
      'evidence-sampling',
    ]);
    for (const c of [...r.body.stage1.checks, ...r.body.stage2.checks]) {
      expect(['pass', 'warn', 'fail', 'not-available']).toContain(c.status);
      expect(typeof c.title).toBe('string');
      expect(c.detail.length).toBeGreaterThan(10);
      expect(Array.isArray(c.records)).toBe(true);
      expect(c.link.startsWith(`/orgs/${orgId}/`)).toBe(true);
      if (c.status !== 'pass') expect(c.fix).toBeTruthy();
    }
  });

  it('fails a fresh organization on every Stage 1 check, pointing at where each is fixed', async () => {
    const r = await owner.get(url());
    const s1 = byId(r.body.stage1.checks);
    for (const id of Object.keys(s1)) expect(s1[id].status, id).toBe('fail');
    expect(s1.scope).toMatchObject({ link: `/orgs/${orgId}/scope`, records: [] });
    expect(s1.scope.detail).toMatch(/No scope is drafted/);
    expect(s1['risk-method'].detail).toMatch(/built-in default/);
    expect(s1['internal-audit'].link).toBe(`/orgs/${orgId}/internal-audits`);
    const s2 = byId(r.body.stage2.checks);
    expect(s2['risk-assessment'].status).toBe('fail');
    expect(s2['corrective-action'].status).toBe('warn');
    // the SoA is not started: nothing applicable to sample
    expect(s2['evidence-sampling']).toMatchObject({ status: 'fail', link: `/orgs/${orgId}/soa` });
    expect(r.body.sample.rows).toEqual([]);
  });

  it('turns scope, inventory and risk method to pass as the organization prepares through the APIs', async () => {
    const sys = async (name: string, extra: Record<string, unknown>) => {
      const res = await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, {
        name,
        kind: 'own-model',
        purpose: name,
        inScope: true,
        ...extra,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const a = await sys('Support reply assistant', {
      riskLevel: 'medium',
      businessOwner: { userId },
      technicalOwner: { userId },
    });
    const b = await sys('Lead scoring model', {});
    const draft = await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      content: {
        ...emptyContent(),
        boundaryStatement: 'AI in customer support and sales.',
        aiSystems: [
          { name: 'Support reply assistant', description: '', aiSystemId: a },
          { name: 'Churn predictor', description: 'not in the inventory yet', aiSystemId: null },
        ],
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    await approveScope(owner, orgId);

    let s1 = byId((await owner.get(url())).body.stage1.checks);
    expect(s1.scope.status).toBe('fail');
    expect(s1.scope.detail).toMatch(/Churn predictor/);
    expect(s1.scope.records).toEqual([expect.objectContaining({ type: 'scope', label: 'Scope version 1' })]);
    // the system with no owner and no risk level is named
    expect(s1['ai-inventory'].status).toBe('fail');
    expect(s1['ai-inventory'].records.map((x: { id: string }) => x.id)).toEqual([b]);

    await sys('Churn predictor', { riskLevel: 'low', businessOwner: { userId }, technicalOwner: { name: 'Data team' } });
    const fix = await owner.patch(`/api/v1/orgs/${orgId}/ai-systems/${b}`, {
      riskLevel: 'high',
      businessOwner: { userId },
      technicalOwner: { userId },
    });
    expect(fix.status, JSON.stringify(fix.body)).toBe(200);
    const method = await owner.put(`/api/v1/orgs/${orgId}/risk-method/draft`, { content: DEFAULT_RISK_METHOD });
    expect(method.status, JSON.stringify(method.body)).toBe(200);
    expect((await approveAccepting(owner, `/api/v1/orgs/${orgId}/risk-method`)).status).toBe(200);

    s1 = byId((await owner.get(url())).body.stage1.checks);
    expect(s1.scope.status, s1.scope.detail).toBe('pass');
    expect(s1['ai-inventory'].status, s1['ai-inventory'].detail).toBe('pass');
    expect(s1['risk-method'].status, s1['risk-method'].detail).toBe('pass');
    expect(s1['internal-audit'].status).toBe('fail');

    // Stage 2: the three in-scope systems have no risk yet; the high-risk one lacks an impact assessment
    const s2 = byId((await owner.get(url())).body.stage2.checks);
    expect(s2['risk-assessment'].status).toBe('fail');
    const risk = await owner.post(`/api/v1/orgs/${orgId}/risks`, {
      title: 'Lead scores disadvantage small customers',
      aiSystemIds: [a, b],
      sourceCategory: 'fairness',
      cause: 'Training data from large accounts',
      event: 'Small customers are scored low',
      consequence: 'Lost business',
      inherentLikelihood: 2,
      inherentImpact: 2,
    });
    expect(risk.status, JSON.stringify(risk.body)).toBe(201);
    const again = byId((await owner.get(url())).body.stage2.checks)['risk-assessment'];
    expect(again.status).toBe('fail');
    // the churn predictor has no risk; the high-risk lead scoring model has no impact assessment
    expect(again.detail).toMatch(/1 in-scope AI system with no risk assessed/);
    expect(again.detail).toMatch(/1 high-risk system without an approved impact assessment/);
    expect(again.records.map((x: { label: string }) => x.label).sort()).toEqual(['Churn predictor', 'Lead scoring model']);
  });

  it('draws a stable evidence sample per day and redraws with another seed', async () => {
    const soa = await owner.get(`/api/v1/orgs/${orgId}/soa`);
    expect(soa.status).toBe(200);
    const first = await owner.get(url());
    const again = await owner.get(url());
    expect(again.body.sample).toEqual(first.body.sample);
    const other = await owner.get(url('?seed=redraw-1'));
    expect(other.status).toBe(200);
    expect(other.body.sample.seed).toBe('redraw-1');
    const bad = await owner.get(url(`?seed=${'x'.repeat(41)}`));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['querystring.seed']);
  });

  it('samples the drawn items among current evidence, archived items left out, as the seeded draw over every linked item', async () => {
    const ev = `/api/v1/orgs/${orgId}/evidence`;
    const made = async (title: string, controlIds: string[], expired = false) => {
      const dates = expired ? { collectedOn: '2019-01-01', validUntil: '2020-01-01' } : {};
      const r = await owner.post(ev, { title, kind: 'link', url: 'https://intranet.example.com/x', controlIds, ...dates });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    const many: string[] = [];
    for (let i = 0; i < 9; i++) many.push(await made(`Review ${i}`, ['A.6.2.6'], i === 4));
    const few = [await made('Policy', ['A.2.2', 'A.6.2.6']), await made('Old policy', ['A.2.2'])];
    expect((await owner.post(`${ev}/${few[1]}/archive`)).status).toBe(200);
    // a draft SoA: every Annex A control applicable
    const started = await owner.patch(`/api/v1/orgs/${orgId}/soa/rows/A.6.2.6`, {
      implementationStatus: 'partially-implemented',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);

    for (const seed of ['2026-12-02', 'redraw-1', 'redraw-2']) {
      const r = await owner.get(url(`?seed=${seed}`));
      expect(r.status).toBe(200);
      const rows = r.body.sample.rows as {
        controlId: string;
        linked: number;
        status: string;
        items: { id: string; status: string }[];
      }[];
      const pools = new Map([
        ['A.6.2.6', [...many, few[0]]],
        ['A.2.2', [few[0]]],
      ]);
      const expected = drawSample(pools, seed);
      const a626 = rows.find((x) => x.controlId === 'A.6.2.6');
      expect(a626?.linked).toBe(10);
      expect(a626?.items.map((i) => i.id)).toEqual(expected.get('A.6.2.6'));
      expect(a626?.status).toBe(expected.get('A.6.2.6')?.includes(many[4]) ? 'stale' : 'ok');
      expect(rows.find((x) => x.controlId === 'A.2.2')).toMatchObject({ linked: 1, status: 'ok', items: [{ id: few[0] }] });
      expect(rows.find((x) => x.controlId === 'A.3.2')).toMatchObject({ linked: 0, status: 'unlinked', items: [] });
    }
  });

  it('records today in the history after an evaluation, one row however often it runs', async () => {
    expect((await owner.get(url('/history'))).body.items).toEqual([]);
    const [a, b] = await Promise.all([owner.get(url()), owner.get(url())]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const h = await owner.get(url('/history?days=90'));
    expect(h.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(h.body.items).toHaveLength(1);
    expect(h.body.items[0]).toMatchObject({ day: today, stage1: { pass: 0, warn: 0, fail: 6, notAvailable: 0 } });
    expect(h.body.items[0].stepsDone).toBeGreaterThanOrEqual(0);
    expect((await owner.get(url('/history?days=0'))).status).toBe(400);
  });

  it('leaves one row for the day when two app processes evaluate at once (PostgreSQL: two nodes)', async () => {
    const second = dialect === 'postgres' ? await startSecondNode(t) : null;
    try {
      const other = second ? await signIn(second.app, 'lead@example.com') : owner;
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? other : owner).get(url())));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const rows = await t.database.db.selectFrom('readiness_snapshots').select('day').where('org_id', '=', orgId).execute();
      expect(rows).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });

  it('writes the day for organizations nobody visited by the daily job, and leaves visited ones as they were', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const snapshot = (id: string) =>
      t.database.db
        .selectFrom('readiness_snapshots')
        .selectAll()
        .where('org_id', '=', id)
        .where('day', '=', today)
        .executeTakeFirst();
    const quiet = (await owner.post('/api/v1/orgs', { name: 'Quiet org' })).body.id as string;
    await owner.get(url());
    const visited = await snapshot(orgId);
    expect(visited).toBeDefined();
    expect(await snapshot(quiet)).toBeUndefined();
    expect(await readinessSnapshotJob.due(t.database.db, new Date())).toEqual([]);
    expect(await snapshot(quiet)).toMatchObject({ stage1_fail: 6, stage2_na: 0 });
    expect((await snapshot(orgId))?.evaluated_at).toBe(visited?.evaluated_at);
  });

  it('keeps another organization out (404)', async () => {
    const email = `viewer.${randomBytes(3).toString('hex')}@example.com`;
    await addMember(owner, t.app, orgId, { email, name: 'Vera Viewer', role: 'viewer' });
    const viewer = await signIn(t.app, email);
    expect((await viewer.get(url())).status).toBe(200);
    const other = await owner.post('/api/v1/orgs', { name: 'Other org' });
    expect((await viewer.get(`/api/v1/orgs/${other.body.id}/readiness`)).status).toBe(404);
    expect((await viewer.get(`/api/v1/orgs/${other.body.id}/readiness/history`)).status).toBe(404);
  });
});
