// AI system inventory (journey step 3): where AI is used, who owns it, how
// risky it is, which suppliers it depends on and how it is monitored. Flags
// what Stage 1 would find missing, detects duplicates, merges them.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { provideSupplierDependents } from '../suppliers/index.js';
import { aiSystemRegister } from './inventory.register.js';
import { countBySupplier, findAiSystems, listBySupplier, supplierLinks } from './inventory.repository.js';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { rowToInput } from './inventory.mapping.js';

registerLinkKind(
  registerLinkKindOf(aiSystemRegister, { kind: 'ai-system', noun: 'an AI system', label: (r) => r.name, nameKey: 'name_key' }),
);
provideSupplierDependents({ count: countBySupplier, list: listBySupplier });

export { inventoryRoutes } from './inventory.routes.js';
export { inventoryTransferRoutes } from './inventory.transfer.routes.js';
export { importInventory, detectFormat, type ImportData } from './inventory.import.js';
export { exportInventory, importTemplate } from './inventory.export.js';
export { IMPORT_FORMATS, type ImportFormat, type ImportReport } from './inventory.transfer.schemas.js';
export { TEMPLATE_HEADERS } from './inventory.columns.js';
export { inventorySummary, inventorySummaryAndDuplicates } from './inventory.summary.js';
export { refreshDuplicateKeys } from './inventory.duplicates.js';
export { inScopeSupplierNames } from './inventory.repository.js';
export { scopeEntriesMissingFromInventory, type ScopeGap } from './inventory.scope-gaps.js';
export * from './inventory.schemas.js';

/** AI systems by id (archived ones too) as their fields with suppliers named, for records based on them (impact assessments). */
export async function aiSystemsById(db: Executor, orgId: string, ids: string[]) {
  const rows = await findAiSystems(db, orgId, [...new Set(ids)]);
  const links = await supplierLinks(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return new Map(
    rows.map((r) => [r.id, { ...rowToInput(r, []), id: r.id, archivedAt: r.archived_at, suppliers: links.get(r.id) ?? [] }]),
  );
}

/**
 * Current AI systems marked in scope, by name, with their purposes: the risk
 * register flags those with no risk assessed, buyers are told what they do.
 */
export function inScopeAiSystems(db: Executor, orgId: string) {
  return db
    .selectFrom('ai_systems')
    .select(['id', 'name', 'purpose'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('in_scope', '=', 1)
    .orderBy('name_key')
    .orderBy('id')
    .execute();
}

/**
 * The current in-scope AI systems a condition another module owns does not
 * hold for (e.g. "a current risk names it"), in no order: read off the
 * in-scope index, where ordering by name would walk every system.
 */
export function inScopeAiSystemsWithout(
  db: Executor,
  orgId: string,
  condition: (aiSystemId: Expression<string>) => Expression<SqlBool>,
) {
  return db
    .selectFrom('ai_systems')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('in_scope', '=', 1)
    .where(sql<SqlBool>`not ${condition(sql.ref('ai_systems.id'))}`)
    .execute();
}

/**
 * Current AI systems marked in scope with what the readiness rehearsal judges
 * on each: both owners named, a risk level, a monitoring method. One query.
 */
export async function inScopeSystemFacts(db: Executor, orgId: string) {
  const rows = await db
    .selectFrom('ai_systems')
    .select([
      'id',
      'name',
      'risk_level',
      'monitoring_method',
      'business_owner_user_id',
      'business_owner_name',
      'technical_owner_user_id',
      'technical_owner_name',
    ])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('in_scope', '=', 1)
    .orderBy('name_key')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    riskLevel: r.risk_level,
    hasOwner: !!(r.business_owner_user_id || r.business_owner_name) && !!(r.technical_owner_user_id || r.technical_owner_name),
    monitored: r.monitoring_method.trim() !== '',
  }));
}

/**
 * How many current AI systems are marked in scope, and how many of them
 * `match` a condition on the system's id that another module owns the data
 * for (the risk register: "a current risk names it"). Two counts off the
 * index (org_id, in_scope, archived_at, id): no system row is read, whatever
 * the inventory's size.
 */
export async function countInScopeAiSystems(
  db: Executor,
  orgId: string,
  match?: (aiSystemId: Expression<string>) => Expression<SqlBool>,
): Promise<{ inScope: number; matching: number }> {
  const row = await db
    .selectFrom('ai_systems')
    .select((eb) => [
      eb.fn.countAll<number>().as('in_scope'),
      (match ? sql<number>`sum(case when ${match(eb.ref('ai_systems.id'))} then 1 else 0 end)` : sql<number>`0`).as('matching'),
    ])
    .where('org_id', '=', orgId)
    .where('in_scope', '=', 1)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { inScope: Number(row.in_scope), matching: Number(row.matching ?? 0) };
}
