import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Migrator } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { trainingDue, trainingSummary } from '../../src/modules/training/index.js';
import { openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest, retryingIntrospectionRace } from '../../src/platform/db/migrate.js';
import { runDueJobs } from '../../src/platform/jobs/index.js';
import { fold } from '../../src/platform/text.js';
import { addMember as inviteAndAccept, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { type TestDialect, testDialects } from '../support/db.js';

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const monthsAgo = (months: number, extraDays = 0) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(new Date().getUTCDate(), last));
  d.setUTCDate(d.getUTCDate() + extraDays);
  return d.toISOString().slice(0, 10);
};

/** Migrates a fresh database to just before 0021, adds an organization, then migrates the rest. */
async function migrateOverExistingOrg(dialect: TestDialect) {
  let schema: string | undefined;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: process.env.PG_TEST_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  if (dialect === 'postgres') {
    schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await admin(`create schema ${schema}`);
  }
  const database = openDatabase({
    dataDir: '/tmp',
    databaseUrl: dialect === 'postgres' ? process.env.PG_TEST_URL : 'sqlite::memory:',
    pgSchema: schema,
  });
  try {
    const migrator = new Migrator({
      db: database.db,
      ...(schema ? { migrationTableSchema: schema } : {}),
      provider: { getMigrations: async () => migrations },
    });
    const before = await retryingIntrospectionRace(() => migrator.migrateTo('0020_evidence'));
    if (before.error) throw before.error;
    const now = new Date().toISOString();
    const orgId = '0190aaaa-0000-7000-8000-000000000021';
    await database.db
      .insertInto('organizations')
      .values({ id: orgId, slug: 'older', name: 'Older Org', created_at: now, updated_at: now, archived_at: null })
      .execute();
    await migrateToLatest(database);
    const topics = await database.db
      .selectFrom('training_topics')
      .select(['id', 'number_seq', 'title', 'title_key'])
      .where('org_id', '=', orgId)
      .orderBy('number_seq')
      .execute();
    const audits = await database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'training_topic')
      .execute();
    return { topics, audits };
  } finally {
    await database.close();
    if (schema) await admin(`drop schema ${schema} cascade`);
  }
}

describe.each(testDialects())('training and competence (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const api = (p: string) => `/api/v1/orgs/${orgId}/${p}`;
  const addMember = async (name: string, role = 'editor') => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.com`;
    const { userId } = await inviteAndAccept(owner, t.app, orgId, { email, name, role });
    return { userId, email };
  };
  const topics = async () =>
    (await owner.get(api('trainings?limit=200'))).body.items as { id: string; number: string; title: string }[];
  const matrix = async (q = '') => (await owner.get(api(`training/matrix${q}`))).body;
  const cell = (
    m: { people: { userId: string; cells: { topicId: string; state: string }[] }[] },
    userId: string,
    topicId: string,
  ) => m.people.find((p) => p.userId === userId)?.cells.find((c) => c.topicId === topicId);
  const recordCount = async () =>
    (await t.database.db.selectFrom('training_records').select('id').where('org_id', '=', orgId).execute()).length;
  const importCsv = (csv: string, dryRun = false) =>
    owner.request('POST', api(`training-records/import${dryRun ? '?dryRun=true' : ''}`), csv, { 'content-type': 'text/csv' });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId: ownerId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('gives a new organization the seven starting topics, numbered, for everyone, each with its audit row', async () => {
    const list = await topics();
    expect(list.map((x) => x.number)).toEqual(['TRN-001', 'TRN-002', 'TRN-003', 'TRN-004', 'TRN-005', 'TRN-006', 'TRN-007']);
    const first = (await owner.get(api(`trainings/${list[0].id}`))).body;
    expect(first).toMatchObject({ audience: { kind: 'all' }, audienceLabel: 'Everyone', refresherMonths: 12 });
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'training_topic')
      .execute();
    expect(audits.map((a) => a.entity_id).sort()).toEqual(list.map((x) => x.id).sort());
    // the next one follows on
    const own = await owner.post(api('trainings'), { title: 'Prompt hygiene', refresherMonths: null });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.number).toBe('TRN-008');
  });

  it('numbers topics created at once one after the other, and refuses a second topic of the same title', async () => {
    const made = await Promise.all([
      owner.post(api('trainings'), { title: 'Bias basics' }),
      owner.post(api('trainings'), { title: 'Model cards' }),
      owner.post(api('trainings'), { title: 'Red teaming' }),
    ]);
    expect(made.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(made.map((r) => r.body.number).sort()).toEqual(['TRN-008', 'TRN-009', 'TRN-010']);
    const same = await Promise.all([
      owner.post(api('trainings'), { title: 'Data provenance' }),
      owner.post(api('trainings'), { title: 'data  provenance' }),
    ]);
    expect(same.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(same.find((r) => r.status === 400)?.body.errors[0].field).toBe('body.title');
  });

  it('seeds the topics for organizations that existed before the migration, with audit rows', async () => {
    const { topics: seeded, audits } = await migrateOverExistingOrg(dialect);
    expect(seeded).toHaveLength(7);
    expect(seeded.map((s) => Number(s.number_seq))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // keyed as the module keys titles, so an import names them by title
    expect(seeded.map((s) => s.title_key)).toEqual(seeded.map((s) => fold(s.title)));
    expect(audits.map((a) => a.entity_id).sort()).toEqual(seeded.map((s) => s.id).sort());
  });

  it('derives expiry from the refresher, turns the matrix cell complete, and marks expiring and overdue', async () => {
    const [a, b, c] = await topics();
    const rec = await owner.post(api('training-records'), { person: { userId: ownerId }, topicId: a.id, completedOn: day(0) });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    expect(rec.body).toMatchObject({ expiresOnGiven: false, state: 'valid', topic: { number: 'TRN-001' } });
    expect(rec.body.expiresOn > day(360)).toBe(true);
    // completed a year (minus ten days) ago with a yearly refresher: expiring
    await owner.post(api('training-records'), { person: { userId: ownerId }, topicId: b.id, completedOn: monthsAgo(12, 10) });
    // more than a year ago: overdue
    await owner.post(api('training-records'), { person: { userId: ownerId }, topicId: c.id, completedOn: monthsAgo(13) });
    const m = await matrix();
    expect(cell(m, ownerId, a.id)?.state).toBe('complete');
    expect(cell(m, ownerId, b.id)?.state).toBe('expiring');
    expect(cell(m, ownerId, c.id)?.state).toBe('overdue');
    expect(m.people.find((p: { userId: string }) => p.userId === ownerId)).toMatchObject({ missing: 4, overdue: 1, complete: 2 });
    // a later completion replaces an overdue one
    await owner.post(api('training-records'), { person: { userId: ownerId }, topicId: c.id, completedOn: day(-1) });
    expect(cell(await matrix(), ownerId, c.id)?.state).toBe('complete');
    // an explicit expiry wins; in the past, the cell is overdue
    const d = (await topics())[3];
    const given = await owner.post(api('training-records'), {
      person: { userId: ownerId },
      topicId: d.id,
      completedOn: day(-40),
      expiresOn: day(-2),
    });
    expect(given.body).toMatchObject({ expiresOnGiven: true, expiresOn: day(-2), state: 'expired' });
    expect(cell(await matrix(), ownerId, d.id)?.state).toBe('overdue');
    // changing the completion date recomputes a derived expiry
    const moved = await owner.patch(api(`training-records/${rec.body.id}`), { completedOn: day(-400) });
    expect(moved.status).toBe(200);
    expect(moved.body.state).toBe('expired');
    expect(await trainingSummary(t.database.db, orgId, day(0))).toMatchObject({
      topics: 7,
      people: 1,
      required: 7,
      missing: 3,
      overdue: 2,
    });
  });

  it('requires topics by role and team audiences and by competence criteria', async () => {
    const ann = await addMember('Ann Approver');
    const sam = await addMember('Sam Sales');
    await addMember('Aud Itor', 'auditor');
    const roles = (await owner.get(api('roles?limit=50'))).body.items as { id: string; key: string }[];
    const approver = roles.find((r) => r.key === 'ai-use-approver')!;
    expect((await owner.patch(api(`roles/${approver.id}`), { holder: { userId: ann.userId } })).status).toBe(200);
    const byRole = await owner.post(api('trainings'), {
      title: 'Use case approval in depth',
      audience: { kind: 'roles', roleIds: [approver.id] },
    });
    expect(byRole.status, JSON.stringify(byRole.body)).toBe(201);
    expect(byRole.body.audienceLabel).toBe('Roles: AI use approver');
    const byTeam = await owner.post(api('trainings'), {
      title: 'Selling AI features',
      audience: { kind: 'teams', teams: ['Sales'] },
    });
    const viaCriterion = await owner.post(api('trainings'), {
      title: 'Contract clauses for AI',
      audience: { kind: 'teams', teams: ['Legal'] },
    });
    expect((await owner.put(api(`training/people/${sam.userId}`), { team: 'sales ' })).body).toEqual({
      userId: sam.userId,
      team: 'sales',
    });
    const crit = await owner.post(api('training/competence'), {
      appliesTo: { kind: 'team', team: 'Sales' },
      criterion: 'Can explain our AI policy to a customer',
      requiredTopicIds: [viaCriterion.body.id],
    });
    expect(crit.status, JSON.stringify(crit.body)).toBe(201);
    expect(crit.body.requiredTopics[0].title).toBe('Contract clauses for AI');

    let m = await matrix();
    // auditors are not trainees
    expect(m.people.map((p: { name: string }) => p.name).sort()).toEqual(['Ada Lead', 'Ann Approver', 'Sam Sales']);
    expect(cell(m, ann.userId, byRole.body.id)?.state).toBe('missing');
    expect(cell(m, sam.userId, byRole.body.id)?.state).toBe('not-required');
    expect(cell(m, sam.userId, byTeam.body.id)?.state).toBe('missing');
    expect(cell(m, ann.userId, byTeam.body.id)?.state).toBe('not-required');
    expect(cell(m, sam.userId, viaCriterion.body.id)?.state).toBe('missing');
    expect(m.people.find((p: { userId: string }) => p.userId === ann.userId).roles).toEqual(['AI use approver']);
    expect(m.teams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ team: 'sales', people: 1, missing: 9 }),
        expect.objectContaining({ team: null, people: 2 }),
      ]),
    );
    // only a member of this organization has a team here
    expect((await owner.put(api('training/people/0190aaaa-0000-7000-8000-00000000abcd'), { team: 'Sales' })).status).toBe(404);
    // the team filter
    m = await matrix('?team=SALES');
    expect(m.people.map((p: { userId: string }) => p.userId)).toEqual([sam.userId]);
    // removing the criterion (archived) and the team drops the requirement
    expect((await owner.delete(api(`training/competence/${crit.body.id}`))).status).toBe(204);
    expect(cell(await matrix(), sam.userId, viaCriterion.body.id)?.state).toBe('not-required');
    expect((await owner.put(api(`training/people/${sam.userId}`), { team: null })).body.team).toBeNull();
    expect(cell(await matrix(), sam.userId, byTeam.body.id)?.state).toBe('not-required');
    const due = await trainingDue(t.database.db, orgId, ann.userId, day(0));
    expect(due.map((d) => d.state)).toEqual(Array(8).fill('missing'));
    expect(due.map((d) => d.title)).toContain('Use case approval in depth');
    // audit rows for team changes
    const teamAudits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'member_team')
      .execute();
    expect(teamAudits).toHaveLength(2);
  });

  it('refuses a future completion date and another organization’s topic, writing nothing', async () => {
    const [a] = await topics();
    const future = await owner.post(api('training-records'), { person: { userId: ownerId }, topicId: a.id, completedOn: day(1) });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'body.completedOn', message: 'must not be in the future' }),
    ]);
    const other = await owner.post('/api/v1/orgs', { name: 'Other org' });
    const theirs = (await owner.get(`/api/v1/orgs/${other.body.id}/trainings`)).body.items[0];
    const cross = await owner.post(api('training-records'), {
      person: { userId: ownerId },
      topicId: theirs.id,
      completedOn: day(0),
    });
    expect(cross.status).toBe(400);
    expect(cross.body.errors[0].field).toBe('body.topicId');
    expect((await owner.get(api(`trainings/${theirs.id}`))).status).toBe(404);
    expect((await owner.patch(api(`trainings/${theirs.id}`), { title: 'x' })).status).toBe(404);
    // a stranger named as the person
    const stranger = await owner.post(api('training-records'), {
      person: { userId: '0190aaaa-0000-7000-8000-00000000abcd' },
      topicId: a.id,
      completedOn: day(0),
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0].field).toBe('body.person.userId');
    expect(await recordCount()).toBe(0);
  });

  it('links a completion to an evidence item, a URL or nothing, refusing a bad address and two kinds at once', async () => {
    const [a] = await topics();
    const ev = await owner.post(api('evidence'), { title: 'Attendance list', kind: 'link', url: 'https://lms.example.com/a' });
    expect(ev.status).toBe(201);
    const rec = await owner.post(api('training-records'), {
      person: { userId: null, name: 'Ext Contractor', email: 'ext@example.org' },
      topicId: a.id,
      completedOn: day(-5),
      evidenceId: ev.body.id,
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    expect(rec.body).toMatchObject({
      person: { userId: null, name: 'Ext Contractor' },
      evidence: { id: ev.body.id, name: 'EV-0001 Attendance list' },
    });
    const bad = await owner.post(api('training-records'), {
      person: { userId: ownerId },
      topicId: a.id,
      completedOn: day(-5),
      evidenceUrl: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.evidenceUrl' })]);
    const both = await owner.post(api('training-records'), {
      person: { userId: ownerId },
      topicId: a.id,
      completedOn: day(-5),
      evidenceId: ev.body.id,
      evidenceUrl: 'https://lms.example.com/b',
    });
    expect(both.status).toBe(400);
    // a named person outside the organization is not a row of the matrix
    expect((await matrix()).people.map((p: { name: string }) => p.name)).toEqual(['Ada Lead']);
    // an edit against an older version is refused with the current record
    const etag = (await owner.get(api(`training-records/${rec.body.id}`))).headers.etag as string;
    expect(
      (await owner.request('PATCH', api(`training-records/${rec.body.id}`), { notes: 'one' }, { 'if-match': etag })).status,
    ).toBe(200);
    const stale = await owner.request('PATCH', api(`training-records/${rec.body.id}`), { notes: 'two' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(await recordCount()).toBe(1);
  });

  it('exports the matrix and the completion records as one document an auditor can sample', async () => {
    const [first] = await topics();
    const ben = await addMember('Ben Ops');
    const rec = await owner.post(api('training-records'), {
      person: { userId: ben.userId },
      topicId: first.id,
      completedOn: day(-10),
      evidenceUrl: 'https://lms.example.com/certificates/42',
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    const xlsx = await owner.get(api('training/matrix/export?format=xlsx'));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ExcelJS.Buffer);
    const rowsOf = (name: string) => {
      const rows: string[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const matrixRows = rowsOf('Matrix');
    const header = matrixRows.findIndex((r) => r[0] === 'Person');
    expect(matrixRows[header].slice(0, 4)).toEqual(['Person', 'Team', 'Governance roles', `${first.number} ${first.title}`]);
    const benRow = matrixRows.find((r) => r[0] === 'Ben Ops')!;
    expect(benRow[3]).toMatch(new RegExp(`^Complete: ${day(-10)} to \\d{4}-\\d{2}-\\d{2}$`));
    expect(benRow[4]).toBe('Missing');
    const records = rowsOf('Records');
    expect(records.find((r) => r[1] === 'Ben Ops')).toEqual([
      `${first.number} ${first.title}`,
      'Ben Ops',
      day(-10),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      'https://lms.example.com/certificates/42',
    ]);
    const html = await owner.get(api('training/matrix/export?format=html'));
    expect(html.status).toBe(200);
    expect(html.raw.body).toContain('Training and competence records');
    expect(html.raw.body).not.toContain('not-required');
  });

  it('lets a viewer read but not write', async () => {
    const v = await addMember('Vic Viewer', 'viewer');
    const viewer = await signIn(t.app, v.email);
    const [a] = await topics();
    expect((await viewer.get(api('training/matrix'))).status).toBe(200);
    expect(
      (await viewer.post(api('training-records'), { person: { userId: v.userId }, topicId: a.id, completedOn: day(0) })).status,
    ).toBe(403);
    expect((await viewer.post(api('trainings'), { title: 'Mine' })).status).toBe(403);
    expect((await viewer.put(api(`training/people/${v.userId}`), { team: 'X' })).status).toBe(403);
    expect(
      (await viewer.request('POST', api('training-records/import'), 'email,topic,completed_on\n', { 'content-type': 'text/csv' }))
        .status,
    ).toBe(403);
    expect(await recordCount()).toBe(0);
  });

  it('imports CSV all or nothing, naming every bad row and column', async () => {
    const ann = await addMember('Ann Import');
    const list = await topics();
    const template = await owner.get(api('training-records/import-template'));
    expect(template.status).toBe(200);
    expect(String(template.raw.body).trim()).toBe('email,topic,completed_on,expires_on,evidence_url,notes');

    const bad = [
      'email,topic,completed_on,expires_on,evidence_url,notes',
      `${ann.email},TRN-001,${day(-3)},,https://lms.example.com/cert/1,`,
      `nobody@example.com,TRN-002,${day(-3)},,,`,
      `${ann.email},No such topic,${day(-3)},,,`,
      `${ann.email},TRN-003,${day(2)},,,`,
      `${ann.email},${list[3].title},2025-02-30,,,`,
      `${ann.email},trn-001,${day(-3)},,,again`,
    ].join('\r\n');
    const res = await importCsv(bad);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'email', message: expect.stringContaining('no member with this email') }),
      expect.objectContaining({ row: 4, field: 'topic' }),
      expect.objectContaining({ row: 5, field: 'completed_on', message: 'must not be in the future' }),
      expect.objectContaining({ row: 6, field: 'completed_on' }),
      expect.objectContaining({ row: 7, message: expect.stringContaining('repeats row 2') }),
    ]);
    expect(res.body).toMatchObject({ created: 0, rows: 6, rejected: 5 });
    expect(await recordCount()).toBe(0);

    // one unknown email alone rejects the whole file
    const oneBad = ['email,topic,completed_on', `${ann.email},TRN-001,${day(-3)}`, `ghost@example.com,TRN-002,${day(-3)}`].join(
      '\n',
    );
    const rejected = await importCsv(oneBad);
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'email' })]);
    expect(await recordCount()).toBe(0);

    // a misspelt header is named with a suggestion
    const header = await importCsv(`email,topic,completed_onn\n${ann.email},TRN-001,${day(-3)}\n`);
    expect(header.status).toBe(400);
    expect(header.body.errors.map((e: { message: string }) => e.message).join(' ')).toContain('did you mean "completed_on"');
    expect(header.body.rejected).toBe(0);

    const good = [
      'Email,Topic,Completed_On,Expires_On,Evidence_URL,Notes',
      `${ann.email},TRN-001,${day(-3)},,https://lms.example.com/cert/1,classroom`,
      `${ann.email},${list[1].title.toUpperCase()},${day(-3)},${day(100)},,`,
    ].join('\n');
    const dry = await importCsv(good, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 2, created: 0, errors: [] });
    expect(await recordCount()).toBe(0);
    const done = await importCsv(good);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, created: 2 });
    expect(await recordCount()).toBe(2);
    const m = await matrix();
    expect(cell(m, ann.userId, list[0].id)?.state).toBe('complete');
    const records = (await owner.get(api(`training-records?userId=${ann.userId}&sort=expiresOn`))).body.items;
    expect(records.map((r: { expiresOn: string }) => r.expiresOn)[0]).toBe(day(100));
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'training_record')
      .execute();
    expect(audits).toHaveLength(2);
    // the same file twice at once: one import writes, the other finds every row recorded
    const twice = ['email,topic,completed_on', `${ann.email},TRN-003,${day(-4)}`, `${ann.email},TRN-004,${day(-4)}`].join('\n');
    const raced = await Promise.all([importCsv(twice), importCsv(twice)]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(await recordCount()).toBe(4);
    // the same file again: every row is already recorded, nothing doubles
    const again = await importCsv(good);
    expect(again.status).toBe(400);
    expect(again.body.errors).toHaveLength(2);
    expect(await recordCount()).toBe(4);
  });

  it('reminds a member once when their latest completion expires within 30 days or has expired', async () => {
    const [a, b] = await topics();
    await owner.post(api('training-records'), { person: { userId: ownerId }, topicId: a.id, completedOn: monthsAgo(12, 10) });
    // an expired completion replaced by a newer one earns no reminder
    await owner.post(api('training-records'), { person: { userId: ownerId }, topicId: b.id, completedOn: monthsAgo(14) });
    await owner.post(api('training-records'), { person: { userId: ownerId }, topicId: b.id, completedOn: day(-2) });
    await runDueJobs(t.database.db, { mailer: null, nodeId: 'test' });
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['title', 'user_id'])
      .where('org_id', '=', orgId)
      .execute();
    const mine = notes.filter((n) => n.title.includes('TRN-'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ user_id: ownerId, title: expect.stringContaining('TRN-001') });
  });
});
