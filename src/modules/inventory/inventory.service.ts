import { uuidv7 } from 'uuidv7';
import { type Actor, appendAuditMany, type AuditEntry, entityHistory } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { KeysetSort } from '../../platform/db/keyset.js';
import { keysetPage } from '../../platform/db/keyset.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.js';
import { fold } from '../../platform/text.js';
import { getOrgSettings, listMembers, matchRiskLevel, type OrgSettings } from '../organizations/index.js';
import { approvedScopeSystems } from '../scope/index.js';
import { supplierNames, todayUtc } from '../suppliers/index.js';
import { inputToColumns, rowToInput } from './inventory.mapping.js';
import * as repo from './inventory.repository.js';
import { aiSystemFlags, findDuplicates, type FlagContext, mergeAiSystems, reviewCutoff } from './inventory.rules.js';
import { type AiSystem, type AiSystemInput, type AiSystemListQuery, EMPTY_AI_SYSTEM, MISSING } from './inventory.schemas.js';

export async function flagContext(db: Executor, orgId: string): Promise<FlagContext & { settings: OrgSettings }> {
  const [settings, approvedScope] = await Promise.all([getOrgSettings(db, orgId), approvedScopeSystems(db, orgId)]);
  return {
    today: todayUtc(),
    reviewIntervalDays: settings.reviewIntervalDays,
    riskScale: settings.riskScale,
    approvedScope,
    settings,
  };
}

function toAiSystem(
  r: Row<'ai_systems'>,
  suppliers: { supplierId: string; name: string; dependency: string }[],
  ctx: FlagContext,
): AiSystem {
  const input = rowToInput(r, suppliers);
  return {
    id: r.id,
    ...input,
    suppliers,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    mergedIntoId: r.merged_into_id,
    flags: aiSystemFlags({ ...input, id: r.id }, ctx),
  };
}

async function present(db: Executor, orgId: string, rows: Row<'ai_systems'>[], ctx: FlagContext) {
  const links = await repo.supplierLinks(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAiSystem(r, links.get(r.id) ?? [], ctx));
}

/** What the audit log keeps of a system: its fields, not derived flags. */
function auditView(id: string, input: AiSystemInput, extra: Record<string, unknown> = {}) {
  return { id, ...input, ...extra };
}

function sortSpec(
  sort: AiSystemListQuery['sort'],
  riskScale: string[],
): { spec: KeysetSort; value: (r: Row<'ai_systems'>) => string | number | null } {
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const key = sort.replace(/^-/, '');
  if (key === 'riskLevel') {
    // Order by position on the organization's scale, unrated first.
    const cases = riskScale.map((level, i) => `when '${level.toLowerCase().replace(/'/g, "''")}' then ${i + 1}`).join(' ');
    const rank = (r: Row<'ai_systems'>) =>
      r.risk_level ? riskScale.findIndex((l) => l.toLowerCase() === r.risk_level?.toLowerCase()) + 1 : 0;
    return {
      spec: { expression: `(case lower(coalesce(ai_systems.risk_level, '')) ${cases} else 0 end)`, direction },
      value: rank,
    };
  }
  if (key === 'updatedAt') return { spec: { expression: 'updated_at', direction }, value: (r) => r.updated_at };
  if (key === 'createdAt') return { spec: { expression: 'created_at', direction }, value: (r) => r.created_at };
  return { spec: { expression: 'name_key', direction }, value: (r) => r.name_key };
}

export async function listAiSystems(db: Executor, orgId: string, q: AiSystemListQuery) {
  const ctx = await flagContext(db, orgId);
  const { spec, value } = sortSpec(q.sort, ctx.riskScale);
  // Stored levels are the scale's spelling, so the filter can be an equality
  // the index and the planner's statistics serve (lower() defeated both).
  const wanted = q.riskLevel;
  const riskLevel = wanted ? (ctx.riskScale.find((l) => fold(l) === fold(wanted)) ?? wanted) : undefined;
  const rows = await repo.listAiSystems(db, orgId, { ...q, riskLevel }, spec, reviewCutoff(ctx.today, ctx.reviewIntervalDays));
  const page = keysetPage(rows, q.limit, value);
  return { items: await present(db, orgId, page.items, ctx), nextCursor: page.nextCursor };
}

export async function getAiSystem(db: Executor, orgId: string, id: string): Promise<AiSystem> {
  const row = await repo.findAiSystem(db, orgId, id);
  if (!row) throw notFound('AI system');
  const [item] = await present(db, orgId, [row], await flagContext(db, orgId));
  return item;
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
  const memberIds = [value.businessOwner?.userId, value.technicalOwner?.userId].filter((x): x is string => !!x);
  if (memberIds.length) {
    const members = new Map((await listMembers(db, orgId)).map((m) => [m.userId, m.name]));
    for (const field of ['businessOwner', 'technicalOwner'] as const) {
      const o = value[field];
      if (!o?.userId) continue;
      const name = members.get(o.userId);
      if (name === undefined) errors.push({ field: `${at}.${field}.userId`, message: 'is not a member of this organization' });
      else value[field] = { userId: o.userId, name };
    }
  }
  if (value.suppliers.length) {
    const ids = value.suppliers.map((s) => s.supplierId);
    const found = await supplierNames(db, orgId, ids);
    value.suppliers.forEach((s, i) => {
      if (!found.has(s.supplierId))
        errors.push({ field: `${at}.suppliers.${i}.supplierId`, message: 'is not a supplier of this organization' });
    });
  }
  return { value, errors };
}

async function writeLinks(tx: Executor, orgId: string, aiSystemId: string, suppliers: AiSystemInput['suppliers']) {
  await tx.deleteFrom('ai_system_suppliers').where('ai_system_id', '=', aiSystemId).execute();
  if (suppliers.length) {
    await tx
      .insertInto('ai_system_suppliers')
      .values(
        suppliers.map((s) => ({ org_id: orgId, ai_system_id: aiSystemId, supplier_id: s.supplierId, dependency: s.dependency })),
      )
      .execute();
  }
}

async function externalIdTaken(tx: Executor, orgId: string, externalId: string | null, exceptId?: string) {
  if (!externalId) return false;
  const row = await tx
    .selectFrom('ai_systems')
    .select('id')
    .where('org_id', '=', orgId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return !!row && row.id !== exceptId;
}

/** Inserts inside the caller's transaction (shared with imports); returns the audit entry to append. */
export async function insertAiSystem(
  tx: Executor,
  orgId: string,
  input: AiSystemInput,
  now = nowIso(),
): Promise<{ id: string; audit: AuditEntry }> {
  const { ids, audits } = await insertAiSystems(tx, orgId, [input], now);
  return { id: ids[0], audit: audits[0] };
}

/**
 * Inserts many systems with a few multi-row statements: an import of 10,000
 * would otherwise prepare and run 30,000 statements. Returns ids and audit
 * entries in input order.
 */
export async function insertAiSystems(
  tx: Executor,
  orgId: string,
  inputs: AiSystemInput[],
  now = nowIso(),
): Promise<{ ids: string[]; audits: AuditEntry[] }> {
  const rows = inputs.map((input) => ({
    id: uuidv7(),
    org_id: orgId,
    ...inputToColumns(input),
    created_at: now,
    updated_at: now,
    archived_at: null,
    merged_into_id: null,
  }));
  // 30 columns a row: 1,000 rows stay under SQLite's 32,766 bound parameters.
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insertInto('ai_systems')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  const links = rows.flatMap((r, i) =>
    inputs[i].suppliers.map((s) => ({ org_id: orgId, ai_system_id: r.id, supplier_id: s.supplierId, dependency: s.dependency })),
  );
  for (let i = 0; i < links.length; i += 5000) {
    await tx
      .insertInto('ai_system_suppliers')
      .values(links.slice(i, i + 5000))
      .execute();
  }
  return {
    ids: rows.map((r) => r.id),
    audits: rows.map((r, i) => ({
      orgId,
      entityType: 'ai_system',
      entityId: r.id,
      action: 'create',
      after: auditView(r.id, inputs[i]),
    })),
  };
}

/** Replaces a system's fields inside the caller's transaction; returns the audit entry. */
export async function replaceAiSystem(
  tx: Executor,
  orgId: string,
  before: Row<'ai_systems'>,
  beforeInput: AiSystemInput,
  input: AiSystemInput,
  action = 'update',
  now = nowIso(),
): Promise<AuditEntry> {
  await tx
    .updateTable('ai_systems')
    .set({ ...inputToColumns(input), updated_at: now })
    .where('id', '=', before.id)
    .execute();
  if (JSON.stringify(beforeInput.suppliers) !== JSON.stringify(input.suppliers))
    await writeLinks(tx, orgId, before.id, input.suppliers);
  return {
    orgId,
    entityType: 'ai_system',
    entityId: before.id,
    action,
    before: auditView(before.id, beforeInput),
    after: auditView(before.id, input),
  };
}

export async function createAiSystem(db: Db, actor: Actor, orgId: string, body: Partial<AiSystemInput> & { name: string }) {
  const { settings } = await flagContext(db, orgId);
  const { value, errors } = await checkReferences(db, orgId, { ...EMPTY_AI_SYSTEM, ...body }, settings);
  if (errors.length) throw invalid(errors);
  const id = await db.transaction().execute(async (tx) => {
    if (await externalIdTaken(tx, orgId, value.externalId))
      throw conflict('Another AI system has this external id.', [{ field: 'body.externalId', message: 'is already used' }]);
    const created = await insertAiSystem(tx, orgId, value);
    await appendAuditMany(tx, actor, [created.audit]);
    return created.id;
  });
  return getAiSystem(db, orgId, id);
}

async function loadInput(tx: Executor, orgId: string, id: string) {
  const row = await repo.findAiSystem(tx, orgId, id);
  if (!row) throw notFound('AI system');
  const links = await repo.supplierLinks(tx, orgId, [id]);
  return { row, input: rowToInput(row, links.get(id) ?? []) };
}

export async function updateAiSystem(db: Db, actor: Actor, orgId: string, id: string, patch: Partial<AiSystemInput>) {
  const { settings } = await flagContext(db, orgId);
  await db.transaction().execute(async (tx) => {
    const { row, input } = await loadInput(tx, orgId, id);
    if (row.archived_at) throw conflict('This AI system is archived; restore it before editing.');
    const { value, errors } = await checkReferences(tx, orgId, { ...input, ...patch }, settings);
    if (errors.length) throw invalid(errors);
    if (await externalIdTaken(tx, orgId, value.externalId, id))
      throw conflict('Another AI system has this external id.', [{ field: 'body.externalId', message: 'is already used' }]);
    await appendAuditMany(tx, actor, [await replaceAiSystem(tx, orgId, row, input, value)]);
  });
  return getAiSystem(db, orgId, id);
}

export async function setAiSystemArchived(db: Db, actor: Actor, orgId: string, id: string, archived: boolean) {
  await db.transaction().execute(async (tx) => {
    const { row, input } = await loadInput(tx, orgId, id);
    if (!archived && row.merged_into_id) throw conflict('This system was merged into another; it cannot be restored.');
    const now = nowIso();
    const archivedAt = archived ? (row.archived_at ?? now) : null;
    await tx.updateTable('ai_systems').set({ archived_at: archivedAt, updated_at: now }).where('id', '=', id).execute();
    await appendAuditMany(tx, actor, [
      {
        orgId,
        entityType: 'ai_system',
        entityId: id,
        action: archived ? 'archive' : 'restore',
        before: auditView(id, input, { archivedAt: row.archived_at }),
        after: auditView(id, input, { archivedAt }),
      },
    ]);
  });
  return getAiSystem(db, orgId, id);
}

/** One transaction for the whole selection: all change or none. */
export async function bulkEdit(
  db: Db,
  actor: Actor,
  orgId: string,
  ids: string[],
  set: Partial<Pick<AiSystemInput, 'businessOwner' | 'technicalOwner' | 'riskLevel' | 'inScope'>>,
) {
  const { settings } = await flagContext(db, orgId);
  const unique = [...new Set(ids)];
  await db.transaction().execute(async (tx) => {
    const rows = await repo.findAiSystems(tx, orgId, unique);
    const found = new Set(rows.map((r) => r.id));
    const missing = unique
      .map((id, i) => (found.has(id) ? null : { field: `body.ids.${i}`, message: 'is not an AI system of this organization' }))
      .filter((e): e is FieldError => !!e);
    if (missing.length) throw invalid(missing);
    const links = await repo.supplierLinks(tx, orgId, unique);
    const audits: AuditEntry[] = [];
    for (const row of rows) {
      const input = rowToInput(row, links.get(row.id) ?? []);
      const { value, errors } = await checkReferences(
        tx,
        orgId,
        { ...input, ...set, suppliers: input.suppliers },
        settings,
        'body.set',
      );
      if (errors.length) throw invalid(errors);
      audits.push(await replaceAiSystem(tx, orgId, row, input, value, 'bulk-update'));
    }
    await appendAuditMany(tx, actor, audits);
  });
  return { updated: unique.length };
}

/**
 * Merges a duplicate into the kept system. The duplicate is archived with a
 * pointer to the survivor, so its history stays readable from the survivor.
 */
export async function mergeAiSystem(db: Db, actor: Actor, orgId: string, keptId: string, duplicateId: string) {
  if (keptId === duplicateId) throw invalid([{ field: 'body.duplicateId', message: 'must differ from the system kept' }]);
  await db.transaction().execute(async (tx) => {
    const kept = await loadInput(tx, orgId, keptId);
    const dup = await loadInput(tx, orgId, duplicateId);
    if (kept.row.archived_at) throw conflict('The system to keep is archived.');
    if (dup.row.archived_at)
      throw conflict('The duplicate is already archived or merged.', [{ field: 'body.duplicateId', message: 'is archived' }]);
    const merged = mergeAiSystems(kept.input, dup.input);
    const now = nowIso();
    // The survivor may take the duplicate's external id, so free it first.
    await tx
      .updateTable('ai_systems')
      .set({ archived_at: now, merged_into_id: keptId, external_id: null, updated_at: now })
      .where('id', '=', duplicateId)
      .execute();
    const keptAudit = await replaceAiSystem(tx, orgId, kept.row, kept.input, merged, 'merge', now);
    await appendAuditMany(tx, actor, [
      {
        orgId,
        entityType: 'ai_system',
        entityId: duplicateId,
        action: 'merged-into',
        before: auditView(duplicateId, dup.input),
        after: auditView(duplicateId, { ...dup.input, externalId: null }, { mergedIntoId: keptId, archivedAt: now }),
      },
      { ...keptAudit, after: { ...(keptAudit.after as object), mergedFromId: duplicateId } },
    ]);
  });
  return getAiSystem(db, orgId, keptId);
}

export async function aiSystemHistory(db: Executor, orgId: string, id: string) {
  if (!(await repo.findAiSystem(db, orgId, id))) throw notFound('AI system');
  const ids = [id, ...(await repo.mergedAncestors(db, orgId, id))];
  return entityHistory(db, orgId, 'ai_system', ids);
}

export async function inventorySummary(db: Executor, orgId: string) {
  const ctx = await flagContext(db, orgId);
  const cutoff = reviewCutoff(ctx.today, ctx.reviewIntervalDays);
  const [total, inScope, risks, candidates, ...missing] = await Promise.all([
    repo.countWhere(db, orgId),
    repo.countWhere(db, orgId, (eb) => eb.and([eb('in_scope', '=', 1)])),
    repo.riskCounts(db, orgId),
    repo.duplicateCandidates(db, orgId),
    ...MISSING.map((m) => repo.countWhere(db, orgId, (eb) => eb.and([repo.missingCondition(eb, m, cutoff)]))),
  ]);
  const byRiskLevel: Record<string, number> = {};
  for (const r of risks) byRiskLevel[r.risk_level ?? 'unrated'] = Number(r.n);
  return {
    total,
    inScope,
    byRiskLevel,
    missing: Object.fromEntries(MISSING.map((m, i) => [m, missing[i]])) as Record<(typeof MISSING)[number], number>,
    duplicateGroups: findDuplicates(candidates).length,
  };
}

export async function listDuplicates(db: Executor, orgId: string) {
  return findDuplicates(await repo.duplicateCandidates(db, orgId));
}
