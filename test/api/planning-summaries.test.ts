import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScopeSystemsWithoutRisk, riskRegisterSummary } from '../../src/modules/risks/index.js';
import { currentSoa, soaSummary } from '../../src/modules/soa/index.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// The figures the gap assessment, the core document set and the summaries
// show are counted in SQL (issue 17), not from the lists the pages show: they
// must say what those lists say, with archived risks and systems, systems out
// of scope, excluded controls a risk relies on, own controls, and a draft
// beside an approved version.
describe.each(testDialects())('planning summaries agree with the full reads (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  const system = async (name: string, inScope: boolean) => {
    const r = await owner.post(org('/ai-systems'), { name, inScope });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const risk = async (title: string, aiSystemIds: string[]) => {
    const r = await owner.post(org('/risks'), {
      title,
      aiSystemIds,
      sourceCategory: 'fairness',
      cause: 'Historic data',
      event: 'Wrong ranking',
      consequence: 'Harm',
      inherentLikelihood: 3,
      inherentImpact: 3,
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  /** What gap's facts used to count from currentSoa's rows. */
  async function figuresFromRows() {
    const c = await currentSoa(t.database.db, orgId);
    const applicable = c.rows.filter((r) => r.applicable);
    const by = (s: string) => applicable.filter((r) => r.implementationStatus === s).length;
    const annexA = c.rows.filter((r) => r.kind === 'annex-a');
    return {
      status: c.status,
      version: c.version,
      approvedAt: c.approvedAt,
      approverName: c.approver?.name ?? null,
      approvedVersion: c.approvedVersion,
      annexA: { total: annexA.length, applicable: annexA.filter((r) => r.applicable).length },
      ownControls: c.rows.length - annexA.length,
      applicableBy: {
        'not-implemented': by('not-implemented'),
        planned: by('planned'),
        'partially-implemented': by('partially-implemented'),
        implemented: by('implemented'),
      },
      excludedTreatingRisks: c.rows.filter((r) => r.flags.some((f) => f.code === 'excluded-control-treats-risks')).length,
    };
  }

  it('counts in-scope systems without a current risk as the register flag lists them', async () => {
    const db = t.database.db;
    const rated = await system('Rated', true);
    const onlyArchivedRisk = await system('Only an archived risk', true);
    await system('No risk', true);
    const outOfScope = await system('Out of scope', false);
    const archivedSystem = await system('Archived', true);
    await risk('Current', [rated, outOfScope]);
    const gone = await risk('Archived risk', [onlyArchivedRisk, archivedSystem]);
    expect((await owner.post(org(`/risks/${gone}/archive`), {})).status).toBe(200);
    expect((await owner.post(org(`/ai-systems/${archivedSystem}/archive`), {})).status).toBe(200);

    const listed = await inScopeSystemsWithoutRisk(db, orgId);
    expect(listed.map((s) => s.name)).toEqual(['No risk', 'Only an archived risk']);
    expect((await riskRegisterSummary(db, orgId)).inScopeWithoutRisk).toBe(2);
  });

  it('gives the SoA figures its rows give: not started, a draft with own controls and flags, approved, a draft beside it', async () => {
    const db = t.database.db;
    expect(await soaSummary(db, orgId)).toEqual(await figuresFromRows());
    expect((await soaSummary(db, orgId)).status).toBe('not-started');

    const own = await owner.post(org('/soa/own-controls'), {
      controlId: 'OC-01',
      title: 'Red-teaming',
      description: 'Quarterly',
    });
    expect(own.status).toBe(201);
    const treated = await risk('Relies on controls', [await system('Controlled', true)]);
    expect(
      (await owner.post(org(`/risks/${treated}/actions`), { title: 'Treat', controlIds: ['A.6.2.6', 'OC-01'] })).status,
    ).toBe(201);
    // an excluded control a risk relies on, one implemented, one partially
    expect((await owner.patch(org('/soa/rows/A.6.2.6'), { applicable: false, justification: 'Bought in' })).status).toBe(200);
    expect(
      (await owner.patch(org('/soa/rows/A.2.2'), { implementationStatus: 'implemented', implementation: 'Policy' })).status,
    ).toBe(200);
    expect(
      (await owner.patch(org('/soa/rows/A.2.3'), { implementationStatus: 'partially-implemented', implementation: 'Half' }))
        .status,
    ).toBe(200);
    const draft = await soaSummary(db, orgId);
    expect(draft).toEqual(await figuresFromRows());
    expect(draft).toMatchObject({ status: 'draft', ownControls: 1, excludedTreatingRisks: 1, approvedVersion: null });
    expect(draft.applicableBy).toMatchObject({ implemented: 1, 'partially-implemented': 1 });

    const approved = await owner.post(org('/soa/draft/approve'), {
      exceptions: [
        { code: 'inclusion-without-justification', reason: 'Later' },
        { code: 'excluded-control-treats-risks', reason: 'Moves to A.10.3' },
      ],
    });
    expect(approved.status).toBe(200);
    const done = await soaSummary(db, orgId);
    expect(done).toEqual(await figuresFromRows());
    expect(done).toMatchObject({ status: 'approved', version: 1, approverName: 'Ada Lead' });
    expect(done.approvedAt).toBe(approved.body.approvedAt);

    expect((await owner.patch(org('/soa/rows/A.6.2.6'), { applicable: true, justification: 'Back in' })).status).toBe(200);
    const next = await soaSummary(db, orgId);
    expect(next).toEqual(await figuresFromRows());
    expect(next).toMatchObject({
      status: 'draft',
      version: 2,
      approvedAt: null,
      approvedVersion: { version: 1, approvedAt: approved.body.approvedAt, approverName: 'Ada Lead' },
      excludedTreatingRisks: 0,
    });
  });
});
