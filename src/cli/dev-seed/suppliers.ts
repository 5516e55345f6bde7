import { SUPPLIER_KINDS } from '../../modules/suppliers/index.js';
import { supplierAuditView, supplierColumns } from '../../modules/suppliers/suppliers.register.js';
import { SUPPLIER_CERTIFICATIONS, type SupplierInput } from '../../modules/suppliers/suppliers.schemas.js';
import { type SeedContext, type SeededAudit, insertChunked, pickOwner } from './context.js';
import { addDays, Rng, timeBefore } from './random.js';
import { VENDOR_STEMS, VENDOR_SUFFIXES } from './words.js';

// Suppliers: made-up vendors with kinds, certifications and a review date,
// through the register's own column mapping (suppliers.register).

const LEGAL = ['GmbH', 'Ltd', 'Inc.', 'B.V.', 'S.A.', 'AB', 'Oy'] as const;
const CITIES = ['Berlin', 'London', 'Paris', 'Madrid', 'Milan', 'Warsaw', 'Dublin', 'Vienna', 'Oslo', 'Lisbon'] as const;

function supplierName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const base = `${rng.pick(VENDOR_STEMS)} ${rng.pick(VENDOR_SUFFIXES)}`;
    const name = rng.chance(0.5) ? `${base} ${rng.pick(LEGAL)}` : `${base} ${rng.pick(CITIES)} ${rng.pick(LEGAL)}`;
    const unique = used.has(name) ? `${name} ${used.size}` : name;
    if (!used.has(unique)) {
      used.add(unique);
      return unique;
    }
  }
}

export async function seedSuppliers(ctx: SeedContext, count: number) {
  const rng = new Rng(ctx.seed, 'suppliers');
  const used = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  const audits: SeededAudit[] = [];
  const out: { id: string; createdAt: string }[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = timeBefore(rng, ctx.anchor, 730);
    const id = rng.uuid(createdAt);
    const name = supplierName(rng, used);
    const input: SupplierInput = {
      name,
      kinds: rng.sample(SUPPLIER_KINDS, rng.int(1, 2)),
      website: rng.chance(0.85) ? `https://www.${name.split(' ')[0].toLowerCase()}-${i}.example` : null,
      contact: rng.chance(0.6) ? `account-manager-${i}@vendor.example` : null,
      description: rng.chance(0.7) ? `Provides ${rng.pick(SUPPLIER_KINDS)} services to several departments.` : '',
      certifications: rng.chance(0.5) ? rng.sample(SUPPLIER_CERTIFICATIONS, rng.int(1, 3)) : [],
      riskRating: rng.chance(0.8) ? rng.pick(ctx.riskScale) : null,
      nextReviewDate: rng.chance(0.7) ? addDays(ctx.anchor, rng.int(-120, 365)) : null,
    };
    const archivedAt = rng.chance(0.03) ? `${addDays(ctx.anchor, -rng.int(1, 60))}T09:00:00.000Z` : null;
    const row = {
      id,
      org_id: ctx.orgId,
      ...supplierColumns(input),
      last_review_date: null,
      created_at: createdAt,
      updated_at: archivedAt ?? createdAt,
      archived_at: archivedAt,
    };
    rows.push(row);
    out.push({ id, createdAt });
    audits.push({
      orgId: ctx.orgId,
      entityType: 'supplier',
      entityId: id,
      action: 'create',
      after: supplierAuditView({ ...row, archived_at: null } as never),
      actor: pickOwner(rng, ctx),
    });
    if (row.archived_at)
      audits.push({
        orgId: ctx.orgId,
        entityType: 'supplier',
        entityId: id,
        action: 'archive',
        before: { id, archivedAt: null },
        after: { id, archivedAt: row.archived_at },
        actor: pickOwner(rng, ctx),
      });
  }
  await insertChunked(ctx.db, 'suppliers', rows);
  return { suppliers: out, audits };
}
