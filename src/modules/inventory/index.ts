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
  registerLinkKindOf(aiSystemRegister, {
    kind: 'ai-system',
    noun: 'an AI system',
    columns: ['name'],
    label: (r) => r.name,
    nameKey: 'name_key',
  }),
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

/** A condition on an AI system's id that another module owns the data for (the risk register: "a current risk names it"). */
export type AiSystemCondition = (aiSystemId: Expression<string>) => Expression<SqlBool>;

/** The current AI systems marked in scope: the index (org_id, in_scope, archived_at, id) answers it. */
function currentInScope(db: Executor, orgId: string) {
  return db.selectFrom('ai_systems').where('org_id', '=', orgId).where('in_scope', '=', 1).where('archived_at', 'is', null);
}

/** Current AI systems marked in scope, by name, with their purposes: buyers and certification bodies are told what they do. */
export function inScopeAiSystems(db: Executor, orgId: string) {
  return currentInScope(db, orgId).select(['id', 'name', 'purpose']).orderBy('name_key').orderBy('id').execute();
}

/**
 * The current in-scope AI systems `condition` does not hold for, in no
 * order: read off the in-scope index, where ordering by name would walk
 * every system.
 */
export function inScopeAiSystemsWithout(db: Executor, orgId: string, condition: AiSystemCondition) {
  return currentInScope(db, orgId)
    .select(['id', 'name'])
    .where(sql<SqlBool>`not ${condition(sql.ref('ai_systems.id'))}`)
    .execute();
}

/**
 * Current AI systems marked in scope with what the readiness rehearsal judges
 * on each: both owners named, a risk level, a monitoring method. One query.
 */
export async function inScopeSystemFacts(db: Executor, orgId: string) {
  const rows = await currentInScope(db, orgId)
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
 * `match` a condition. Two counts off the in-scope index: no system row is
 * read, whatever the inventory's size.
 */
export async function countInScopeAiSystems(
  db: Executor,
  orgId: string,
  match?: AiSystemCondition,
): Promise<{ inScope: number; matching: number }> {
  const row = await currentInScope(db, orgId)
    .select((eb) => [
      eb.fn.countAll<number>().as('in_scope'),
      (match ? sql<number>`sum(case when ${match(eb.ref('ai_systems.id'))} then 1 else 0 end)` : sql<number>`0`).as('matching'),
    ])
    .executeTakeFirstOrThrow();
  return { inScope: Number(row.in_scope), matching: Number(row.matching ?? 0) };
}
