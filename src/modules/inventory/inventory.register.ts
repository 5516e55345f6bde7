import { sql } from 'kysely';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError } from '../../platform/http/errors.js';
import { checkLinks, resolvePeople } from '../../platform/refs/index.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { getOrgSettings, matchRiskLevel, type OrgSettings } from '../organizations/index.js';
import { approvedScopeSystems } from '../scope/index.js';
import { inputToColumns, rowToInput } from './inventory.mapping.js';
import * as repo from './inventory.repository.js';
import { duplicatesOfRecords, refreshDuplicateKeys } from './inventory.duplicates.js';
import { aiSystemFlags, type FlagContext, reviewCutoff } from './inventory.rules.js';
import { type AiSystem, type AiSystemInput, type AiSystemListQuery, EMPTY_AI_SYSTEM } from './inventory.schemas.js';

// The AI system register on the register kit: how a system is stored,
// checked, flagged, filtered and sorted. The kit does the rest.

export type InventoryContext = FlagContext & { settings: OrgSettings };

export async function flagContext(db: Executor, orgId: string): Promise<InventoryContext> {
  const [settings, approvedScope] = await Promise.all([getOrgSettings(db, orgId), approvedScopeSystems(db, orgId)]);
  return {
    today: todayUtc(),
    reviewIntervalDays: settings.reviewIntervalDays,
    riskScale: settings.riskScale,
    approvedScope,
    settings,
  };
}

/** Rows with their supplier links, as the record's fields. */
export async function loadInputs(db: Executor, orgId: string, rows: Row<'ai_systems'>[]) {
  const links = await repo.supplierLinks(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => rowToInput(r, links.get(r.id) ?? []));
}

const NO_SUPPLIERS: never[] = [];

export async function presentAiSystems(
  db: Executor,
  orgId: string,
  rows: Row<'ai_systems'>[],
  ctx: FlagContext,
): Promise<AiSystem[]> {
  const [links, duplicates] = await Promise.all([
    repo.supplierLinks(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    duplicatesOfRecords(db, orgId, rows),
  ]);
  return rows.map((r) => {
    // The record's fields with the presented ones added to the same object:
    // a spread copy of its 22 fields, 50 a page, was only garbage. Its
    // suppliers are the named ones, so the input's own are not mapped.
    const item = Object.assign(rowToInput(r, NO_SUPPLIERS), {
      id: r.id,
      suppliers: links.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
      mergedIntoId: r.merged_into_id,
      flags: [] as AiSystem['flags'],
    });
    item.flags = aiSystemFlags(item, ctx, duplicates.get(r.id), r.name_key);
    return item;
  });
}

/**
 * Checks what zod cannot: the risk level is on the organization's scale,
 * owners are members, suppliers belong to the organization. Returns the
 * input with the scale's own spelling and owners' names filled in.
 */
export async function checkReferences(
  db: Executor,
  orgId: string,
  input: AiSystemInput,
  settings: OrgSettings,
  at = 'body',
): Promise<{ value: AiSystemInput; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const value = { ...input };
  if (value.riskLevel) {
    try {
      value.riskLevel = matchRiskLevel(value.riskLevel, settings.riskScale, `${at}.riskLevel`);
    } catch (e) {
      errors.push(...(e as { errors: FieldError[] }).errors);
    }
  }
  const owners = await resolvePeople(db, orgId, [
    { field: `${at}.businessOwner`, person: value.businessOwner },
    { field: `${at}.technicalOwner`, person: value.technicalOwner },
  ]);
  errors.push(...owners.errors);
  if (!owners.errors.length) [value.businessOwner, value.technicalOwner] = owners.people;
  const links = value.suppliers.map((s) => ({ type: 'supplier', id: s.supplierId }));
  errors.push(...(await checkLinks(db, orgId, links, `${at}.suppliers`, 'supplierId')));
  return { value, errors };
}

export const aiSystemRegister: RegisterDefinition<'ai_systems', AiSystemInput, AiSystem, InventoryContext> = {
  table: 'ai_systems',
  entityType: 'ai_system',
  noun: 'AI system',
  defaults: EMPTY_AI_SYSTEM,
  context: flagContext,
  toInput: loadInputs,
  toColumns: inputToColumns,
  present: presentAiSystems,
  async prepare(tx, orgId, input, ctx, id) {
    const checked = await checkReferences(tx, orgId, input, ctx.settings);
    if (!checked.errors.length && (await repo.externalIdTaken(tx, orgId, checked.value.externalId, id)))
      throw conflict('Another AI system has this external id.', [{ field: 'body.externalId', message: 'is already used' }]);
    return checked;
  },
  async afterWrite(tx, orgId, id, input, before) {
    const suppliersChanged = !before || JSON.stringify(before.suppliers) !== JSON.stringify(input.suppliers);
    if (suppliersChanged) await repo.writeSupplierLinks(tx, orgId, id, input.suppliers, !before);
    if (suppliersChanged || before?.name !== input.name || before?.purpose !== input.purpose)
      await refreshDuplicateKeys(tx, orgId, [id]);
  },
  restoreBlocked: (row) => (row.merged_into_id ? 'This system was merged into another; it cannot be restored.' : null),
  historyIds: repo.mergedAncestors,
  list: {
    sorts: {
      name: { expression: (eb) => eb.ref('ai_systems.name_key'), value: (r) => r.name_key },
      updatedAt: { expression: (eb) => eb.ref('ai_systems.updated_at'), value: (r) => r.updated_at },
      createdAt: { expression: (eb) => eb.ref('ai_systems.created_at'), value: (r) => r.created_at },
      // Position on the organization's scale, unrated (or off the scale) first.
      // Stored levels are the scale's own spelling, so SQL and the cursor
      // compare the same exact strings, whatever the alphabet.
      riskLevel: {
        expression: (eb, ctx) =>
          ctx.riskScale.length
            ? sql`(case ${sql.join(
                ctx.riskScale.map((level, i) => sql`when ${eb.ref('ai_systems.risk_level')} = ${level} then ${sql.lit(i + 1)}`),
                sql` `,
              )} else 0 end)`
            : sql`0`,
        value: (r, ctx) => (r.risk_level ? ctx.riskScale.indexOf(r.risk_level) + 1 : 0),
      },
    },
    defaultSort: 'name',
    filter(query, q, ctx) {
      const wanted = typeof q.riskLevel === 'string' ? q.riskLevel : undefined;
      // The scale's own spelling is what is stored: an equality the index serves.
      const riskLevel = wanted ? (ctx.riskScale.find((l) => fold(l) === fold(wanted)) ?? wanted) : undefined;
      const filters = q as Partial<AiSystemListQuery>; // validated by the list's query schema
      return repo.filterAiSystems(query, { ...filters, riskLevel }, reviewCutoff(ctx.today, ctx.reviewIntervalDays));
    },
  },
};
