import { uuidv7 } from 'uuidv7';
import type { AuditEntry } from '../../platform/audit-log/audit-log.js';
import type { Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import { turnsEvery } from '../../platform/turns.js';
import type { Row } from '../../platform/db/tables.js';
import { inputToColumns } from './inventory.mapping.js';
import { writeSupplierLinks } from './inventory.repository.js';
import type { AiSystemInput } from './inventory.schemas.js';

// Writes that touch many systems at once (imports, bulk edit, merge), inside
// the caller's transaction. Each returns the audit entries for the caller to
// append in one batch. Single-record writes go through the register kit.

/** What the audit log keeps of a system: its fields, not derived flags. */
export const auditView = (id: string, input: AiSystemInput, extra: Record<string, unknown> = {}) => ({ id, ...input, ...extra });

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
  // 100 rows a statement (~4 ms on SQLite; 500 held the event loop ~17 ms),
  // with a turn of the event loop between them so other requests go on.
  const turns = turnsEvery();
  for (let i = 0; i < rows.length; i += 100) {
    await tx
      .insertInto('ai_systems')
      .values(rows.slice(i, i + 100))
      .execute();
    await turns();
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

/**
 * Replaces a system's fields; returns the audit entry. The caller holds the
 * row lock (lockAiSystems) and read `before` under it.
 */
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
    .where('org_id', '=', orgId)
    .where('id', '=', before.id)
    .execute();
  if (JSON.stringify(beforeInput.suppliers) !== JSON.stringify(input.suppliers))
    await writeSupplierLinks(tx, orgId, before.id, input.suppliers);
  return {
    orgId,
    entityType: 'ai_system',
    entityId: before.id,
    action,
    before: auditView(before.id, beforeInput),
    after: auditView(before.id, input),
  };
}
