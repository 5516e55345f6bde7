import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
/** A day ago plus i seconds: a series in the past, in order. */
const base = Date.now() - 86_400_000;
const at = (i: number) => new Date(base + i * 1000).toISOString();

describe.each(testDialects())('monitoring (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let viewer: Client;
  let userId: string;
  let orgId: string;
  let systemId: string;
  let metricId: string;
  const api = (p: string) => `/api/v1/orgs/${orgId}/${p}`;
  const push = (body: unknown, c: Client = owner) => c.post(api(`ai-systems/${systemId}/observations`), body);
  const batch = (values: number[], from = 0, id = metricId) => ({
    observations: values.map((v, i) => ({ metricId: id, value: v, observedAt: at(from + i) })),
  });
  const stored = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('monitoring_observations')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const breaches = () =>
    t.database.db.selectFrom('monitoring_breaches').selectAll().where('org_id', '=', orgId).orderBy('started_at').execute();
  const metric = async (extra: Record<string, unknown> = {}) => {
    const r = await owner.post(api('monitoring-metrics'), {
      aiSystemId: systemId,
      name: 'Answer accuracy',
      kind: 'accuracy',
      unit: '%',
      direction: 'higher-is-better',
      threshold: 0.8,
      reviewEveryDays: 30,
      ...extra,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    let setup: Awaited<ReturnType<typeof setupOwner>>;
    ({ client: owner, userId } = setup = await setupOwner(t.app));
    await addMember(owner, t.app, setup.orgId, { email: 'viewer@example.com', role: 'viewer', name: 'Vera Viewer' });
    viewer = await signIn(t.app, 'viewer@example.com');
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
    const sys = await owner.post(api('ai-systems'), {
      name: 'Support Copilot',
      technicalOwner: { userId },
      businessOwner: { name: 'Head of Support' },
    });
    expect(sys.status, JSON.stringify(sys.body)).toBe(201);
    systemId = sys.body.id;
    await addMember(owner, t.app, orgId, { email: 'viewer@example.com', role: 'viewer', name: 'Vera Viewer' });
    metricId = (await metric()).id;
  });
  afterAll(() => t.close());

  it("registers metrics owned by the system's technical owner by default, checked against this organization", async () => {
    const m = (await owner.get(api(`monitoring-metrics/${metricId}`))).body;
    expect(m).toMatchObject({
      aiSystem: { id: systemId, name: 'Support Copilot' },
      owner: { userId },
      state: 'no-data',
      stateLabel: 'No data yet',
      latest: null,
      openBreachId: null,
    });
    // no technical owner: the business owner
    const other = (await owner.post(api('ai-systems'), { name: 'Forecaster', businessOwner: { name: 'Finance lead' } })).body;
    expect((await metric({ aiSystemId: other.id, name: 'MAPE', direction: 'lower-is-better' })).owner).toEqual({
      userId: null,
      name: 'Finance lead',
    });
    // the same name on the same system is refused; another org's system too
    const dup = await owner.post(api('monitoring-metrics'), {
      aiSystemId: systemId,
      name: ' answer  ACCURACY',
      kind: 'accuracy',
      direction: 'higher-is-better',
      threshold: 1,
      reviewEveryDays: 7,
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toEqual([expect.objectContaining({ field: 'body.name' })]);
    const orgB = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    const sysB = (await owner.post(`/api/v1/orgs/${orgB}/ai-systems`, { name: 'B system' })).body.id;
    const foreign = await owner.post(api('monitoring-metrics'), {
      aiSystemId: sysB,
      name: 'X',
      kind: 'drift',
      direction: 'lower-is-better',
      threshold: 1,
      reviewEveryDays: 7,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'body.aiSystemId' })]);
    // bounds of the review interval
    const bad = await owner.post(api('monitoring-metrics'), {
      aiSystemId: systemId,
      name: 'Y',
      kind: 'drift',
      direction: 'lower-is-better',
      threshold: 1,
      reviewEveryDays: 367,
    });
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.reviewEveryDays' })]);
    // a metric stays with its system; its threshold and owner may change
    const moved = await owner.patch(api(`monitoring-metrics/${metricId}`), { aiSystemId: other.id });
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'body.aiSystemId' })]);
    const changed = await owner.patch(api(`monitoring-metrics/${metricId}`), { threshold: 0.85, owner: { name: 'QA lead' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ threshold: 0.85, owner: { userId: null, name: 'QA lead' } });
    const list = await owner.get(api(`monitoring-metrics?aiSystemId=${systemId}`));
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([metricId]);
  });

  it('takes one observation and a batch, by metric id or name, and keeps the latest value', async () => {
    const one = await push({ metricId, value: 0.91, observedAt: at(0), source: 'nightly-eval' });
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    expect(one.body).toEqual({ accepted: 1, breachesOpened: 0, breachesClosed: 0 });
    const many = await push({
      observations: [
        { metric: 'answer accuracy', value: 0.93, observedAt: at(2) },
        { metricId, value: 0.92, observedAt: at(1) },
        { metricId, value: 0.95 },
      ],
    });
    expect(many.status, JSON.stringify(many.body)).toBe(201);
    expect(many.body.accepted).toBe(3);
    expect(await stored()).toBe(4);
    const m = (await owner.get(api(`monitoring-metrics/${metricId}`))).body;
    expect(m.latest.value).toBe(0.95);
    expect(m.state).toBe('ok');
    const sys = (await owner.get(api(`ai-systems/${systemId}/monitoring`))).body;
    expect(sys.items).toEqual([
      expect.objectContaining({ id: metricId, latest: expect.objectContaining({ value: 0.95 }), state: 'ok' }),
    ]);
  });

  it("accepts a push with a user's API token (Bearer)", async () => {
    const token = (await owner.post('/api/v1/tokens', { name: 'monitoring script' })).body.token;
    const script = new Client(t.app, undefined, undefined, token);
    const r = await push(batch([0.9, 0.95]), script);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await stored()).toBe(2);
    // a viewer's token cannot write
    const viewerToken = (await viewer.post('/api/v1/tokens', { name: 'viewer script' })).body.token;
    expect((await push(batch([0.9]), new Client(t.app, undefined, undefined, viewerToken))).status).toBe(403);
    expect(await stored()).toBe(2);
  });

  it("answers 404 for another organization's system or an unknown one, and writes nothing", async () => {
    const orgB = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    const sysB = (await owner.post(`/api/v1/orgs/${orgB}/ai-systems`, { name: 'B system' })).body.id;
    expect((await owner.post(api(`ai-systems/${sysB}/observations`), batch([0.5]))).status).toBe(404);
    expect((await owner.get(api(`ai-systems/${sysB}/monitoring`))).status).toBe(404);
    expect((await owner.get(`/api/v1/orgs/${orgB}/monitoring-metrics/${metricId}`)).status).toBe(404);
    expect((await owner.post(api('ai-systems/0190a000-0000-7000-8000-000000000000/observations'), batch([0.5]))).status).toBe(
      404,
    );
    // a metric of another system of this org is not this system's
    const other = (await owner.post(api('ai-systems'), { name: 'Forecaster' })).body.id;
    const r = await owner.post(api(`ai-systems/${other}/observations`), batch([0.5]));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field: 'body.observations.0.metricId', message: 'is not a metric of this AI system' }]);
    expect(await stored()).toBe(0);
    expect(await breaches()).toEqual([]);
  });

  it('refuses values that are not finite JSON numbers, naming the index and field, and writes nothing', async () => {
    const r = await push({
      observations: [
        { metricId, value: 0.9, observedAt: at(0) },
        { metricId, value: 'NaN' },
        { metricId, value: '0.5' },
        { metricId },
        { metricId, value: null },
      ],
    });
    expect(r.status).toBe(400);
    const fields = r.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.observations.1.value',
        'body.observations.2.value',
        'body.observations.3.value',
        'body.observations.4.value',
      ]),
    );
    expect(fields).not.toContain('body.observations.0.value');
    // 1e999 is valid JSON that parses to Infinity
    const inf = await owner.request('POST', api(`ai-systems/${systemId}/observations`), undefined, {
      'content-type': 'application/json',
    });
    expect(inf.status).toBe(400);
    const raw = await t.app.inject({
      method: 'POST',
      url: api(`ai-systems/${systemId}/observations`),
      headers: { cookie: owner.cookie as string, 'x-csrf-token': owner.csrf as string, 'content-type': 'application/json' },
      payload: `{"observations":[{"metricId":"${metricId}","value":1},{"metricId":"${metricId}","value":-1e999}]}`,
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().errors).toEqual([expect.objectContaining({ field: 'body.observations.1.value' })]);
    // a single observation names its fields at the top
    const single = await push({ metricId, value: 'high' });
    expect(single.status).toBe(400);
    expect(single.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.value' })]));
    expect(await stored()).toBe(0);
  });

  it('refuses an observation more than 5 minutes in the future, and any batch with one bad item', async () => {
    expect((await push({ metricId, value: 0.9, observedAt: minutes(4) })).status).toBe(201);
    const far = await push({
      observations: [
        { metricId, value: 0.9, observedAt: at(0) },
        { metricId, value: 0.9, observedAt: minutes(60 * 24) },
        { metric: 'No such metric', value: 0.9 },
        { metricId, value: 0.1, observedAt: at(3) },
      ],
    });
    expect(far.status).toBe(400);
    expect(far.body.errors).toEqual([
      { field: 'body.observations.1.observedAt', message: 'must not be more than 5 minutes in the future' },
      { field: 'body.observations.2.metric', message: 'is not the name of a current metric of this AI system' },
    ]);
    expect(await stored()).toBe(1);
    expect(await breaches()).toEqual([]);
    const tooMany = await push({ observations: Array.from({ length: 10_001 }, () => ({ metricId, value: 1 })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toMatchObject({ field: 'body.observations', message: expect.stringContaining('10,000') });
  });
});
