import { refreshDuplicateKeys } from '../../modules/inventory/index.js';
import { getOrgSettings } from '../../modules/organizations/index.js';
import { settleAfterBulkLoad } from '../../platform/db/bulk-load.js';
import type { Db } from '../../platform/db/db.js';
import { type MemberActor, seedAuditLog } from './audit.js';
import { type SeedContext, type SeededAudit, namedPeople } from './context.js';
import { seedEvidence } from './evidence.js';
import { seedInventory } from './inventory.js';
import { Rng } from './random.js';
import { seedRisks } from './risks.js';
import { seedSuppliers } from './suppliers.js';

// `aims dev seed`: fills one organization with a believable AI management
// system at a chosen size, the same rows for the same seed and size. Records
// are written in one transaction with multi-row inserts (the registers'
// own column mappings and rules); the audit log afterwards in batches through
// the platform's appendAuditMany. Only an organization whose registers are
// empty is seeded: it never mixes with, or deletes, anyone's real records.

export const SEED_SIZES = {
  small: { aiSystems: 100, suppliers: 20, risks: 200, evidence: 1_000, auditRows: 10_000 },
  medium: { aiSystems: 1_000, suppliers: 200, risks: 2_000, evidence: 10_000, auditRows: 100_000 },
  large: { aiSystems: 10_000, suppliers: 2_000, risks: 20_000, evidence: 100_000, auditRows: 1_000_000 },
} as const;
export type SeedSize = keyof typeof SEED_SIZES;
export type SeedCounts = { [K in keyof (typeof SEED_SIZES)['large']]: number };

export const DEFAULT_SEED = 42;
/** The data covers the two years before this day: fixed, so the same command gives the same dates. */
export const DEFAULT_ANCHOR = '2026-11-30';

/** The organization cannot be seeded (unknown, or it holds records already). */
export class SeedRefused extends Error {}

export interface SeedOptions {
  orgId: string;
  size: SeedSize;
  seed?: number;
  anchor?: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

const REGISTERS = ['ai_systems', 'suppliers', 'risks', 'evidence'] as const;

/** The register tables that already hold records of the organization (archived ones too). */
export async function occupiedRegisters(db: Db, orgId: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of REGISTERS) {
    const row = await db.selectFrom(table).select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
    if (row) found.push(table);
  }
  return found;
}

/** Current members, by email so two databases with the same people list them alike. */
async function membersOf(db: Db, orgId: string): Promise<(MemberActor & { name: string })[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.email as email', 'users.name as name'])
    .where('memberships.org_id', '=', orgId)
    .where('users.disabled_at', 'is', null)
    .where('memberships.expires_at', 'is', null)
    .orderBy('users.email')
    .execute();
}

export async function seedOrganization(db: Db, opts: SeedOptions): Promise<SeedCounts> {
  const size = SEED_SIZES[opts.size];
  if (!size) throw new SeedRefused(`unknown size "${opts.size}" (one of: ${Object.keys(SEED_SIZES).join(', ')})`);
  const org = await db.selectFrom('organizations').select(['id']).where('id', '=', opts.orgId).executeTakeFirst();
  if (!org) throw new SeedRefused(`no organization has the id ${opts.orgId}`);
  const occupied = await occupiedRegisters(db, opts.orgId);
  if (occupied.length)
    throw new SeedRefused(
      `the organization already holds records (${occupied.join(', ')}); seed a new, empty organization instead`,
    );
  const seed = opts.seed ?? DEFAULT_SEED;
  const members = await membersOf(db, opts.orgId);
  if (!members.length) throw new SeedRefused('the organization has no active member to own records');
  const ctx: SeedContext = {
    db,
    orgId: opts.orgId,
    seed,
    anchor: opts.anchor ?? DEFAULT_ANCHOR,
    people: [...members.map((m) => ({ userId: m.userId, name: m.name })), ...namedPeople(new Rng(seed, 'people'), 12)],
    riskScale: (await getOrgSettings(db, opts.orgId)).riskScale,
  };
  const progress = opts.onProgress ?? (() => {});
  let audits: SeededAudit[] = [];
  await db.transaction().execute(async (tx) => {
    const t = { ...ctx, db: tx };
    progress('suppliers', 0, size.suppliers);
    const { suppliers, audits: a1 } = await seedSuppliers(t, size.suppliers);
    progress('ai-systems', 0, size.aiSystems);
    const { systems, audits: a2 } = await seedInventory(t, size.aiSystems, suppliers);
    progress('duplicates', 0, size.aiSystems);
    await refreshDuplicateKeys(tx, opts.orgId);
    progress('risks', 0, size.risks);
    const { risks, audits: a3 } = await seedRisks(t, size.risks, systems, suppliers);
    progress('evidence', 0, size.evidence);
    const { audits: a4 } = await seedEvidence(t, size.evidence, systems, risks);
    // concat, not push(...): a spread of 130,000 arguments overflows the stack
    audits = a1.concat(a2, a3, a4);
  });
  progress('audit-log', 0, Math.max(size.auditRows, audits.length));
  const auditRows = await seedAuditLog(db, ctx, audits, size.auditRows, members, (d, n) => progress('audit-log', d, n));
  // Until autovacuum (PostgreSQL) or the next optimize (SQLite) has run, the
  // planner reads the tables as if nothing had been loaded.
  await settleAfterBulkLoad(db);
  return {
    aiSystems: size.aiSystems,
    suppliers: size.suppliers,
    risks: size.risks,
    evidence: size.evidence,
    auditRows,
  };
}
