import { type Actor, appendAuditMany } from '../../platform/audit-log/audit-log.js';
import type { Db } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { getRecord } from '../../platform/register/index.js';
import { aiSystemRegister, loadInputs } from './inventory.register.js';
import { refreshDuplicateKeys } from './inventory.duplicates.js';
import { lockAiSystems } from './inventory.repository.js';
import { mergeAiSystems } from './inventory.rules.js';
import { auditView, replaceAiSystem } from './inventory.write.js';

/**
 * Merges a duplicate into the kept system. The duplicate is archived with a
 * pointer to the survivor, so its history stays readable from the survivor.
 */
export async function mergeAiSystem(db: Db, actor: Actor, orgId: string, keptId: string, duplicateId: string) {
  if (keptId === duplicateId) throw invalid([{ field: 'body.duplicateId', message: 'must differ from the system kept' }]);
  await db.transaction().execute(async (tx) => {
    const rows = await lockAiSystems(tx, orgId, [keptId, duplicateId]);
    const keptRow = rows.find((r) => r.id === keptId);
    const dupRow = rows.find((r) => r.id === duplicateId);
    if (!keptRow || !dupRow) throw notFound('AI system');
    const [keptInput, dupInput] = await loadInputs(tx, orgId, [keptRow, dupRow]);
    if (keptRow.archived_at) throw conflict('The system to keep is archived.');
    if (dupRow.archived_at)
      throw conflict('The duplicate is already archived or merged.', [{ field: 'body.duplicateId', message: 'is archived' }]);
    const merged = mergeAiSystems(keptInput, dupInput);
    const now = nowIso();
    // The survivor may take the duplicate's external id, so free it first.
    await tx
      .updateTable('ai_systems')
      .set({ archived_at: now, merged_into_id: keptId, external_id: null, updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', duplicateId)
      .execute();
    const keptAudit = await replaceAiSystem(tx, orgId, keptRow, keptInput, merged, 'merge', now);
    // The survivor may have taken a purpose or suppliers; the duplicate's edges stay, unread while it is archived.
    await refreshDuplicateKeys(tx, orgId, [keptId]);
    await appendAuditMany(tx, actor, [
      {
        orgId,
        entityType: 'ai_system',
        entityId: duplicateId,
        action: 'merged-into',
        before: auditView(duplicateId, dupInput),
        after: auditView(duplicateId, { ...dupInput, externalId: null }, { mergedIntoId: keptId, archivedAt: now }),
      },
      { ...keptAudit, after: { ...(keptAudit.after as object), mergedFromId: duplicateId } },
    ]);
  });
  return (await getRecord(db, aiSystemRegister, orgId, keptId)).item;
}
