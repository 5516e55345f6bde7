import { type Actor, type AuditEntry, appendAuditMany } from '../../platform/audit-log/audit-log.js';
import type { Db } from '../../platform/db/db.js';
import { type FieldError, invalid } from '../../platform/http/errors.js';
import { checkReferences, flagContext, loadInputs } from './inventory.register.js';
import { lockAiSystems } from './inventory.repository.js';
import { type AiSystemInput, EMPTY_AI_SYSTEM } from './inventory.schemas.js';
import { replaceAiSystem } from './inventory.write.js';

/** Sets owners, risk level or scope on a selection: one transaction, all change or none. */
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
    const rows = await lockAiSystems(tx, orgId, unique);
    const found = new Set(rows.map((r) => r.id));
    const missing = unique
      .map((id, i) => (found.has(id) ? null : { field: `body.ids.${i}`, message: 'is not an AI system of this organization' }))
      .filter((e): e is FieldError => !!e);
    if (missing.length) throw invalid(missing);
    const inputs = await loadInputs(tx, orgId, rows);
    // The new values are the same for every system: check them once.
    const checked = await checkReferences(tx, orgId, { ...EMPTY_AI_SYSTEM, name: '', ...set }, settings, 'body.set');
    if (checked.errors.length) throw invalid(checked.errors);
    const { businessOwner, technicalOwner, riskLevel, inScope } = checked.value;
    const normalised = Object.fromEntries(
      Object.entries({ businessOwner, technicalOwner, riskLevel, inScope }).filter(([k]) => k in set),
    ) as typeof set;
    const audits: AuditEntry[] = [];
    for (const [i, row] of rows.entries()) {
      audits.push(await replaceAiSystem(tx, orgId, row, inputs[i], { ...inputs[i], ...normalised }, 'bulk-update'));
    }
    await appendAuditMany(tx, actor, audits);
  });
  return { updated: unique.length };
}
