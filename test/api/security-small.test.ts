import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgByIdOrSlug } from '../../src/modules/organizations/index.js';
import { openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { makeMember } from './security-accounts.support.js';

// Issue 16, item 7: a supplier reviewer must be a member and no answer tells
// whether a user id exists elsewhere; the SQLite files are the owner's only;
// a slug cannot pass for an id; empty optional choices are stored as null.

const answers = Object.fromEntries(
  [
    'customerDataTraining',
    'modelChangeNotification',
    'dataLocation',
    'incidentNotification',
    'certificationsHeld',
    'contractReviewed',
  ].map((k) => [k, { answer: 'unknown' }]),
);

describe.each(testDialects())('small security fixes (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p: string) => `/api/v1/orgs/${orgId}${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('refuses a reviewer who is not a member with the same words whether or not the user exists', async () => {
    const supplier = (await owner.post(url('/suppliers'), { name: 'Vector DB vendor' })).body.id as string;
    const other = (await owner.post('/api/v1/orgs', { name: 'Someone else' })).body.id as string;
    const elsewhere = await makeMember(t, other, 'elsewhere@example.com');
    const review = (userId: string) =>
      owner.post(url(`/suppliers/${supplier}/reviews`), {
        reviewDate: '2025-06-01',
        answers,
        riskRating: 'Low',
        nextReviewDate: '2025-12-01',
        reviewer: { userId },
      });
    const ofOtherOrg = await review(elsewhere);
    const nobody = await review(uuidv7());
    expect(ofOtherOrg.status).toBe(400);
    expect(ofOtherOrg.body.errors).toEqual([{ field: 'body.reviewer.userId', message: 'is not a member of this organization' }]);
    expect(nobody.status).toBe(400);
    expect(nobody.body).toEqual(ofOtherOrg.body);
    expect((await owner.get(url(`/suppliers/${supplier}/reviews`))).body.items).toEqual([]);
  });

  it('refuses a slug shaped like an id, and finds "id or slug" by one or the other, never both', async () => {
    const idShaped = await owner.post('/api/v1/orgs', { name: 'Look-alike', slug: uuidv7() });
    expect(idShaped.status).toBe(400);
    expect(idShaped.body.errors).toEqual([{ field: 'body.slug', message: 'must not look like an id (a UUID)' }]);
    // an organization stored before the rule with another's id as its slug
    const now = new Date().toISOString();
    await t.database.db
      .insertInto('organizations')
      .values({
        ...(await findOrgByIdOrSlug(t.database.db, orgId))!,
        id: uuidv7(),
        slug: orgId,
        name: 'Impostor',
        created_at: now,
      })
      .execute();
    expect((await findOrgByIdOrSlug(t.database.db, orgId))?.name).toBe('Acme AI');
    expect((await findOrgByIdOrSlug(t.database.db, orgId.toUpperCase()))?.name).toBe('Acme AI');
    const created = await owner.post('/api/v1/orgs', { name: 'Plain slug', slug: 'plain-slug' });
    expect(created.status).toBe(201);
    expect((await findOrgByIdOrSlug(t.database.db, 'plain-slug'))?.id).toBe(created.body.id);
  });

  it("stores an empty choice ('') in optional enum fields as null, in the inventory, risks and objectives", async () => {
    const sys = await owner.post(url('/ai-systems'), {
      name: 'Bot',
      kind: '',
      dataSensitivity: '',
      aiRole: '',
      lifecycleStage: '',
    });
    expect(sys.status).toBe(201);
    expect(sys.body).toMatchObject({ kind: null, dataSensitivity: null, aiRole: null, lifecycleStage: null });
    const stored = await t.database.db
      .selectFrom('ai_systems')
      .selectAll()
      .where('id', '=', sys.body.id)
      .executeTakeFirstOrThrow();
    expect([stored.kind, stored.data_sensitivity, stored.ai_role, stored.lifecycle_stage]).toEqual([null, null, null, null]);
    // a real choice, then emptied again by an update
    const set = await owner.patch(url(`/ai-systems/${sys.body.id}`), { kind: 'third-party-saas' });
    expect(set.body.kind).toBe('third-party-saas');
    expect((await owner.patch(url(`/ai-systems/${sys.body.id}`), { kind: '' })).body.kind).toBeNull();

    const risk = await owner.post(url('/risks'), {
      title: 'Drift',
      aiSystemIds: [sys.body.id],
      sourceCategory: 'robustness',
      cause: 'c',
      event: 'e',
      consequence: 'q',
      inherentLikelihood: 2,
      inherentImpact: 2,
      treatmentOption: '',
    });
    expect(risk.status).toBe(201);
    expect(risk.body.treatmentOption).toBeNull();

    const objective = await owner.post(url('/objectives'), {
      title: 'Fewer incidents',
      measure: 'Count',
      target: 'Zero',
      targetDirection: '',
    });
    expect(objective.status).toBe(201);
    expect(objective.body.targetDirection).toBeNull();
    // anything else than '' or a listed value is still refused, naming the field
    const bad = await owner.post(url('/ai-systems'), { name: 'Bot 2', kind: 'robot' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.kind');
  });
});

describe('the SQLite database and its data directory', () => {
  it('are created readable by the owner only: directory 0700, database, WAL and shared-memory files 0600', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aims-modes-')), 'data');
    const database = openDatabase({ dataDir });
    try {
      await migrateToLatest(database);
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      expect(mode(dataDir)).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) expect(mode(path.join(dataDir, `openaims.sqlite${suffix}`)), suffix).toBe(0o600);
    } finally {
      await database.close();
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
