import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAims } from '../support/aims-cli.js';
import { SEED_SIZES, SeedRefused, seedOrganization } from '../../src/cli/dev-seed/index.js';
import { verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import type { Db } from '../../src/platform/db/db.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// `aims dev seed`: the same seed and size write the same rows in two fresh
// databases; the app's own routes read the seeded organization; the audit
// log verifies; the command refuses what it must.

const TABLES = [
  'suppliers',
  'ai_systems',
  'ai_system_suppliers',
  'ai_system_duplicates',
  'risks',
  'risk_ai_systems',
  'risk_treatment_actions',
  'risk_action_controls',
  'evidence',
  'evidence_links',
  'evidence_counts',
] as const;

/**
 * A digest per table of the organization's rows, with the ids each database
 * makes for itself (the organization, the owner) replaced by names.
 */
async function digests(db: Db, orgId: string, userId: string): Promise<Record<string, string>> {
  const norm = (v: unknown) => JSON.stringify(v).replaceAll(orgId, 'ORG').replaceAll(userId, 'OWNER');
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().where('org_id', '=', orgId).execute();
    out[table] = createHash('sha256').update(rows.map(norm).sort().join('\n')).digest('hex');
  }
  // The audit rows' content in order; their time, id and hashes are the moment they were written.
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'actor', 'entity_type', 'entity_id', 'action', 'before', 'after'])
    .where('org_id', '=', orgId)
    .where('entity_type', 'in', ['ai_system', 'supplier', 'risk', 'risk_treatment_action', 'evidence'])
    .orderBy('seq')
    .execute();
  out.audit_log = createHash('sha256').update(audit.map(norm).join('\n')).digest('hex');
  return out;
}

describe.each(testDialects())('aims dev seed (%s)', (dialect) => {
  const apps: TestApp[] = [];
  const seeded: { t: TestApp; client: Client; orgId: string; userId: string }[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const t = await createTestApp(dialect);
      apps.push(t);
      const { client, orgId, userId } = await setupOwner(t.app);
      await seedOrganization(t.database.db, { orgId, size: 'small' });
      seeded.push({ t, client, orgId, userId });
    }
  }, 240_000);
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('writes the same rows from the same seed into two fresh databases, and other rows from another seed', async () => {
    const [a, b] = await Promise.all(seeded.map((s) => digests(s.t.database.db, s.orgId, s.userId)));
    expect(a).toEqual(b);

    const other = await seeded[0].client.post('/api/v1/orgs', { name: 'Other seed' });
    expect(other.status).toBe(201);
    await seedOrganization(seeded[0].t.database.db, { orgId: other.body.id, size: 'small', seed: 7 });
    const c = await digests(seeded[0].t.database.db, other.body.id, seeded[0].userId);
    expect(c.ai_systems).not.toBe(a.ai_systems);
    expect(c.evidence).not.toBe(a.evidence);
  }, 120_000);

  it('gives the app a believable organization: lists, summaries, coverage and readiness answer', async () => {
    const { client, orgId } = seeded[0];
    const size = SEED_SIZES.small;
    const org = (p: string) => client.get(`/api/v1/orgs/${orgId}/${p}`);

    const summary = await org('ai-systems/summary');
    expect(summary.status).toBe(200);
    // about 2% archived: the summary counts current systems only
    expect(summary.body.total).toBeGreaterThan(size.aiSystems * 0.9);
    expect(summary.body.total).toBeLessThanOrEqual(size.aiSystems);
    expect(summary.body.inScope).toBeGreaterThan(0);
    expect(summary.body.inScope).toBeLessThan(summary.body.total);
    // a few near-duplicates (about 3% of systems are a second entry of another), not a flood
    expect(summary.body.duplicateGroups).toBeGreaterThan(0);
    expect(summary.body.duplicateGroups).toBeLessThan(size.aiSystems * 0.1);

    const systems = await org('ai-systems?limit=50');
    expect(systems.status).toBe(200);
    expect(systems.body.items).toHaveLength(50);
    expect(systems.body.nextCursor).toBeTruthy();

    const risks = await org('risks?limit=5&sort=number');
    expect(risks.status).toBe(200);
    expect(risks.body.items[0].number).toBe('R-001');
    const evidence = await org('evidence?limit=5');
    expect(evidence.status).toBe(200);
    expect(evidence.body.items).toHaveLength(5);
    expect((await org('suppliers?limit=5')).status).toBe(200);
    expect((await org('evidence/coverage')).status).toBe(200);
    expect((await org('readiness')).status).toBe(200);

    // The next record a user creates takes the next number.
    const created = await client.post(`/api/v1/orgs/${orgId}/risks`, {
      title: 'A risk a user adds after seeding',
      aiSystemIds: [systems.body.items[0].id],
      sourceCategory: 'privacy',
      inherentLikelihood: 2,
      inherentImpact: 2,
      status: 'open',
    });
    expect(created.status).toBe(201);
    expect(created.body.number).toBe(`R-${String(size.risks + 1).padStart(3, '0')}`);
  }, 120_000);

  it('leaves an audit log that verifies, with the size’s rows', async () => {
    const { t, orgId } = seeded[1];
    const result = await verifyAuditLog(t.database.db);
    expect(result.ok).toBe(true);
    const n = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', orgId)
      .where('entity_type', 'in', ['ai_system', 'supplier', 'risk', 'risk_treatment_action', 'evidence'])
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(SEED_SIZES.small.auditRows);
  });

  it('refuses an organization that already holds records, and an unknown one', async () => {
    const { t, orgId } = seeded[1];
    await expect(seedOrganization(t.database.db, { orgId, size: 'small' })).rejects.toThrow(SeedRefused);
    await expect(
      seedOrganization(t.database.db, { orgId: '01900000-0000-7000-8000-000000000000', size: 'small' }),
    ).rejects.toThrow(SeedRefused);
  });
});

describe('aims dev seed on the command line', { timeout: 120_000 }, () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-seed-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const aims = (...args: string[]) => runAims(['--data', tmp, ...args]);

  it('exits 2 with one line for an unknown size or organization', async () => {
    const [size, org] = await Promise.all([
      aims('dev', 'seed', '--org', 'acme', '--size', 'huge'),
      aims('dev', 'seed', '--org', 'no-such-org', '--size', 'small'),
    ]);
    expect(size.code).toBe(2);
    expect(size.stderr.trim()).toBe('error: invalid --size: must be one of: small, medium, large (got "huge")');
    expect(org.code).toBe(2);
    expect(org.stderr.trim().split('\n')).toHaveLength(1);
    expect(org.stderr).toContain('no-such-org');
  });
});
