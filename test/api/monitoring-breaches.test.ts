import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { monitoringDue, monitoringSummary } from '../../src/modules/monitoring/index.js';
import { runDueJobs } from '../../src/platform/jobs/index.js';
import { addMember, Client, createTestApp, setupOwner, signIn, startSecondNode, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
/** A day ago plus i seconds: a series in the past, in order. */
const base = Date.now() - 86_400_000;
const at = (i: number) => new Date(base + i * 1000).toISOString();

describe.each(testDialects())('monitoring breaches, reviews and charts (%s)', (dialect) => {
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

  it('opens one breach per window: a batch crossing twice opens two, repeating it opens none, equal is within', async () => {
    // higher is better, threshold 0.8: 0.8 itself is within
    const values = [0.9, 0.8, 0.7, 0.6, 0.85, 0.75, 0.8, 0.8, 0.72];
    const r = await push(batch(values));
    expect(r.body).toEqual({ accepted: 9, breachesOpened: 3, breachesClosed: 2 });
    let rows = await breaches();
    expect(rows.map((b) => [b.started_at, b.ended_at, Number(b.worst_value), Number(b.observations)])).toEqual([
      [at(2), at(4), 0.6, 2],
      [at(5), at(6), 0.75, 1],
      [at(8), null, 0.72, 1],
    ]);
    expect((await push(batch(values))).body).toMatchObject({ breachesOpened: 0 });
    expect(await breaches()).toHaveLength(3);
    // the open window goes on, then ends
    expect((await push(batch([0.7, 0.95], 9))).body).toEqual({ accepted: 2, breachesOpened: 0, breachesClosed: 1 });
    rows = await breaches();
    expect(rows).toHaveLength(3);
    // the repeated 0.72 counts in the window too: observations are kept as sent
    expect(rows[2]).toMatchObject({ ended_at: at(10), observations: 3 });
    expect(Number(rows[2].worst_value)).toBe(0.7);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', rows[2].id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'window-ended']);
    // equal to the threshold on a lower-is-better metric: no breach
    const drift = await metric({ name: 'Drift', kind: 'drift', direction: 'lower-is-better', threshold: 0.2 });
    expect((await push(batch([0.2, 0.2, 0.1], 0, drift.id))).body.breachesOpened).toBe(0);
    expect((await push(batch([0.21], 3, drift.id))).body.breachesOpened).toBe(1);
    expect((await owner.get(api(`monitoring-breaches?aiSystemId=${systemId}&status=open`))).body.items).toHaveLength(4);
    expect((await owner.get(api('monitoring-breaches?status=resolved'))).body.items).toHaveLength(0);
    const list = await owner.get(api(`monitoring-breaches?metricId=${drift.id}`));
    expect(list.body.items).toEqual([
      expect.objectContaining({
        metricName: 'Drift',
        aiSystemName: 'Support Copilot',
        status: 'open',
        statusLabel: 'To resolve',
        assignee: expect.objectContaining({ userId }),
      }),
    ]);
  });

  it('notifies the owner of a new breach with a link to the metric', async () => {
    await push(batch([0.5]));
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['title', 'link', 'user_id'])
      .where('org_id', '=', orgId)
      .where('kind', '=', 'monitoring-breach')
      .execute();
    expect(notes).toEqual([
      {
        title: 'Answer accuracy of Support Copilot is beyond its threshold',
        link: `/orgs/${orgId}/monitoring/metrics/${metricId}`,
        user_id: userId,
      },
    ]);
    const m = (await owner.get(api(`monitoring-metrics/${metricId}`))).body;
    expect(m.state).toBe('breached');
    expect(m.openBreachId).toBe((await breaches())[0].id);
    expect((await owner.get(api('monitoring-metrics?state=breached'))).body.items).toHaveLength(1);
    expect((await owner.get(api('monitoring-metrics?state=ok'))).body.items).toHaveLength(0);
  });

  it('opens an incident for a new breach when the metric asks for one, once per window', async () => {
    const m = await metric({
      name: 'Toxic replies',
      kind: 'error-rate',
      direction: 'lower-is-better',
      threshold: 0.01,
      openIncidentOnBreach: true,
    });
    await push(batch([0.005, 0.02], 0, m.id));
    await push(batch([0.03, 0.001], 2, m.id));
    const [b] = await breaches();
    expect(b.incident_id).toEqual(expect.any(String));
    const incident = await owner.get(api(`incidents/${b.incident_id}`));
    expect(incident.status).toBe(200);
    expect(incident.body).toMatchObject({
      aiSystemId: systemId,
      detectedAt: at(1),
      title: expect.stringContaining('Toxic replies'),
    });
    expect((await owner.get(api('incidents'))).body.items).toHaveLength(1);
    // the metric that does not ask opens none
    await push(batch([0.1], 0));
    expect((await owner.get(api('incidents'))).body.items).toHaveLength(1);
  });

  it('evaluates late observations in time order without splitting a recorded window', async () => {
    await push(batch([0.9, 0.7, 0.7, 0.9, 0.9], 0));
    expect(await breaches()).toHaveLength(1);
    // late, inside the closed window and within the threshold: counted, not split
    await push({ observations: [{ metricId, value: 0.95, observedAt: new Date(base + 1500).toISOString() }] });
    let rows = await breaches();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ started_at: at(1), ended_at: at(3), observations: 3 });
    // late and beyond, just before the window: the window starts earlier
    await push({ observations: [{ metricId, value: 0.6, observedAt: new Date(base + 500).toISOString() }] });
    rows = await breaches();
    expect(rows).toHaveLength(1);
    expect(rows[0].started_at).toBe(new Date(base + 500).toISOString());
    expect(Number(rows[0].worst_value)).toBe(0.6);
    // late and beyond between two observations within: a window of its own, already ended
    const r = await push({ observations: [{ metricId, value: 0.1, observedAt: new Date(base + 3500).toISOString() }] });
    expect(r.body).toMatchObject({ breachesOpened: 1, breachesClosed: 1 });
    rows = await breaches();
    expect(rows.map((b) => [b.started_at, b.ended_at])).toEqual([
      [new Date(base + 500).toISOString(), at(3)],
      [new Date(base + 3500).toISOString(), at(4)],
    ]);
    // a batch whose items arrive out of order is judged in time order
    const m2 = await metric({ name: 'Fairness gap', kind: 'fairness', direction: 'lower-is-better', threshold: 0.1 });
    const shuffled = [
      { metricId: m2.id, value: 0.05, observedAt: at(3) },
      { metricId: m2.id, value: 0.2, observedAt: at(1) },
      { metricId: m2.id, value: 0.01, observedAt: at(0) },
      { metricId: m2.id, value: 0.3, observedAt: at(2) },
    ];
    expect((await push({ observations: shuffled })).body).toMatchObject({ breachesOpened: 1, breachesClosed: 1 });
  });

  it('keeps one breach per window when batches arrive concurrently (two app nodes on PostgreSQL)', async () => {
    const second = dialect === 'postgres' ? await startSecondNode(t) : undefined;
    try {
      const other = second ? new Client(second.app, owner.cookie, owner.csrf) : owner;
      // five batches, all beyond the threshold, interleaved in time: one window
      const requests = Array.from({ length: 6 }, (_, k) =>
        (k % 2 ? other : owner).post(api(`ai-systems/${systemId}/observations`), {
          observations: Array.from({ length: 50 }, (_, i) => ({ metricId, value: 0.5 - i / 1000, observedAt: at(i * 6 + k) })),
        }),
      );
      const results = await Promise.all(requests);
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(results.reduce((n, r) => n + r.body.breachesOpened, 0)).toBe(1);
      const rows = await breaches();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ started_at: at(0), ended_at: null, observations: 300 });
      // the same values sent again, at once, open nothing
      const again = await Promise.all(
        [owner, other, owner].map((c) => c.post(api(`ai-systems/${systemId}/observations`), batch([0.5, 0.95, 0.4], 400))),
      );
      expect(again.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(await breaches()).toHaveLength(2);
      // two people resolving the same breach at once: one wins, the other is told
      const open = (await breaches()).filter((b) => b.status === 'open');
      const resolved = await Promise.all(
        [owner, other].map((c) => c.post(api(`monitoring-breaches/${open[0].id}/resolve`), { note: 'Looked into it' })),
      );
      expect(resolved.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await owner.get(api(`monitoring-metrics/${metricId}`))).body.openBreachId).toBe(open[1].id);
    } finally {
      await second?.close();
    }
  });

  it('resolves a breach with a note once (409 after), audited; a viewer can neither push nor resolve', async () => {
    await push(batch([0.5, 0.9]));
    const [b] = await breaches();
    expect((await viewer.post(api(`monitoring-breaches/${b.id}/resolve`), { note: 'x' })).status).toBe(403);
    expect((await push(batch([0.5], 5), viewer)).status).toBe(403);
    expect(
      (
        await viewer.post(api('monitoring-metrics'), {
          aiSystemId: systemId,
          name: 'V',
          kind: 'custom',
          direction: 'lower-is-better',
          threshold: 1,
          reviewEveryDays: 5,
        })
      ).status,
    ).toBe(403);
    expect((await owner.post(api(`monitoring-breaches/${b.id}/resolve`), { note: '' })).status).toBe(400);
    const r = await owner.post(api(`monitoring-breaches/${b.id}/resolve`), { note: 'Retrained on the March data' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      status: 'resolved',
      statusLabel: 'Resolved',
      resolutionNote: 'Retrained on the March data',
      resolvedBy: { userId },
    });
    expect((await owner.post(api(`monitoring-breaches/${b.id}/resolve`), { note: 'again' })).status).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', b.id)
      .orderBy('seq')
      .execute();
    // the window opened and ended in one request: its record is created already ended
    expect(audit.map((a) => a.action)).toEqual(['create', 'resolve']);
    expect((await owner.get(api(`monitoring-metrics/${metricId}`))).body).toMatchObject({ openBreachId: null, state: 'ok' });
    expect((await owner.get(api('monitoring-breaches?status=open'))).body.items).toHaveLength(0);
  });

  it('flags a missed review, reminds the owner once, and a review sets the next due date', async () => {
    const old = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const m = await metric({
      name: 'Complaints',
      kind: 'complaints',
      direction: 'lower-is-better',
      threshold: 5,
      reviewEveryDays: 7,
      lastReviewedAt: old,
    });
    expect(m.state).toBe('review-overdue');
    expect(m.nextReviewDue).toBe(new Date(Date.parse(old) + 7 * 86_400_000).toISOString());
    expect((await owner.get(api('monitoring-metrics?state=review-overdue'))).body.items.map((i: { id: string }) => i.id)).toEqual(
      [m.id],
    );
    expect(await monitoringSummary(t.database.db, orgId, new Date())).toEqual({
      metrics: 2,
      systemsMonitored: 1,
      openBreaches: 0,
      reviewsOverdue: 1,
      noData: 2,
    });
    expect(await monitoringDue(t.database.db, orgId, userId, new Date())).toEqual([
      expect.objectContaining({ kind: 'monitoring-review', id: m.id, metricId: m.id, since: m.nextReviewDue }),
    ]);
    await runDueJobs(t.database.db, { mailer: null, nodeId: 'test' });
    await runDueJobs(t.database.db, { mailer: null, nodeId: 'test', now: new Date(Date.now() + 3_600_000) });
    const reminders = await t.database.db
      .selectFrom('notifications')
      .select(['title', 'user_id', 'link'])
      .where('org_id', '=', orgId)
      .where('kind', '=', 'monitoring-review')
      .execute();
    expect(reminders).toEqual([expect.objectContaining({ user_id: userId, link: `/orgs/${orgId}/monitoring/metrics/${m.id}` })]);

    const review = await owner.post(api(`monitoring-metrics/${m.id}/reviews`), { note: 'Threshold still right' });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    expect(review.body.reviewedBy).toEqual({ userId, name: 'Ada Lead' });
    const after = (await owner.get(api(`monitoring-metrics/${m.id}`))).body;
    expect(after.lastReviewedAt).toBe(review.body.reviewedAt);
    expect(after.nextReviewDue).toBe(new Date(Date.parse(review.body.reviewedAt) + 7 * 86_400_000).toISOString());
    expect(after.state).toBe('no-data');
    expect((await owner.get(api(`monitoring-metrics/${m.id}/reviews`))).body.items).toEqual([
      expect.objectContaining({ note: 'Threshold still right', reviewedBy: expect.objectContaining({ userId }) }),
    ]);
    expect((await owner.post(api(`monitoring-metrics/${m.id}/reviews`), { note: 'x', reviewedAt: minutes(60) })).status).toBe(
      400,
    );
    expect((await viewer.post(api(`monitoring-metrics/${m.id}/reviews`), { note: 'x' })).status).toBe(403);
    expect(await monitoringDue(t.database.db, orgId, userId, new Date())).toEqual([]);
  });

  it('thins a long series for the chart keeping the extreme point, in time order', async () => {
    const values = Array.from({ length: 5000 }, (_, i) => 0.9 + ((i * 7919) % 100) / 2000);
    values[2345] = 0.12; // one spike far below the threshold
    const pushed = await push(batch(values));
    expect(pushed.status, JSON.stringify(pushed.body).slice(0, 300)).toBe(201);
    const chart = (await owner.get(api(`monitoring-metrics/${metricId}/observations?limit=100`))).body;
    expect(chart.total).toBe(5000);
    expect(chart.truncated).toBe(true);
    expect(chart.points.length).toBeLessThanOrEqual(100);
    expect(chart.points).toContainEqual({ t: at(2345), v: 0.12 });
    const times = chart.points.map((p: { t: string }) => p.t);
    expect(times).toEqual([...times].sort());
    expect(chart.breaches).toEqual([expect.objectContaining({ startedAt: at(2345), endedAt: at(2346), status: 'open' })]);
    expect(chart.metric).toEqual({
      id: metricId,
      name: 'Answer accuracy',
      unit: '%',
      direction: 'higher-is-better',
      threshold: 0.8,
    });
    // a range: every point, untruncated
    const range = (
      await owner.get(
        api(`monitoring-metrics/${metricId}/observations?from=${encodeURIComponent(at(10))}&to=${encodeURIComponent(at(19))}`),
      )
    ).body;
    expect(range).toMatchObject({ total: 10, truncated: false });
    // values come back exactly as sent (not rounded on the way)
    expect(range.points).toEqual(values.slice(10, 20).map((v, i) => ({ t: at(10 + i), v })));
  });
});
