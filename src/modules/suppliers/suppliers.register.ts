import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { getOrgSettings, matchRiskLevel } from '../organizations/index.js';
import { supplierDependents } from './suppliers.dependents.js';
import { supplierFlags } from './suppliers.rules.js';
import type { Supplier, SupplierInput } from './suppliers.schemas.js';
import { supplierRows, writeCertifications, writeKinds } from './suppliers.tables.js';

// The supplier register on the register kit: its columns, its rules, its
// list filters. Everything else (org scoping, locking, audit, routes) is the kit's.

export function toSupplier(r: Row<'suppliers'>, aiSystemCount: number, today = todayUtc()): Supplier {
  const s = {
    id: r.id,
    name: r.name,
    kinds: supplierRows.kinds(r),
    website: r.website,
    contact: r.contact,
    description: r.description,
    certifications: supplierRows.certifications(r),
    riskRating: r.risk_rating,
    lastReviewDate: r.last_review_date,
    nextReviewDate: r.next_review_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    aiSystemCount,
  };
  return { ...s, flags: supplierFlags(s, today) };
}

/** What the audit log keeps: the stored fields, without derived flags and counts. */
export function supplierAuditView(r: Row<'suppliers'>) {
  const { flags: _f, aiSystemCount: _c, ...rest } = toSupplier(r, 0);
  return rest;
}

export function supplierColumns(input: SupplierInput) {
  return {
    name: input.name,
    name_key: fold(input.name),
    kinds: writeKinds(input.kinds),
    website: input.website,
    contact: input.contact,
    description: input.description,
    certifications: writeCertifications(input.certifications),
    risk_rating: input.riskRating,
    next_review_date: input.nextReviewDate,
  };
}

interface Ctx {
  today: string;
  riskScale: string[];
}

export const supplierRegister: RegisterDefinition<'suppliers', SupplierInput, Supplier, Ctx> = {
  table: 'suppliers',
  entityType: 'supplier',
  noun: 'supplier',
  async context(db, orgId) {
    return { today: todayUtc(), riskScale: (await getOrgSettings(db, orgId)).riskScale };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map((r) => ({
      name: r.name,
      kinds: supplierRows.kinds(r),
      website: r.website,
      contact: r.contact,
      description: r.description,
      certifications: supplierRows.certifications(r),
      riskRating: r.risk_rating,
      nextReviewDate: r.next_review_date,
    }));
  },
  toColumns: supplierColumns,
  async present(db: Executor, orgId, rows, ctx) {
    const counts = await supplierDependents().count(
      db,
      orgId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toSupplier(r, counts.get(r.id) ?? 0, ctx.today));
  },
  auditView: (_id, input, row) =>
    supplierAuditView({
      ...(row as Row<'suppliers'>),
      last_review_date: row?.last_review_date ?? null,
      ...supplierColumns(input),
    }),
  async prepare(_tx, _orgId, input, ctx) {
    const errors: FieldError[] = [];
    let riskRating = input.riskRating;
    if (riskRating) {
      try {
        riskRating = matchRiskLevel(riskRating, ctx.riskScale, 'body.riskRating');
      } catch (e) {
        errors.push(...(e as { errors: FieldError[] }).errors);
      }
    }
    return { value: { ...input, riskRating }, errors };
  },
  list: {
    sorts: { name: { expression: (eb) => eb.ref('suppliers.name_key'), value: (r) => r.name_key } },
    defaultSort: 'name',
    filter(query, q, ctx) {
      let out = query;
      if (typeof q.q === 'string' && q.q) out = out.where('name_key', 'like', `%${fold(q.q)}%`);
      if (q.overdue === true) out = out.where('next_review_date', '<', ctx.today);
      return out;
    },
  },
};
