import type { Actor } from '../../platform/audit-log/audit-log.js';
import { appendAudit } from '../../platform/audit-log/audit-log.js';
import { type Db, type Executor, forUpdate } from '../../platform/db/db.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { laterThan, lockRow } from '../../platform/register/index.js';
import { openNonconformity } from '../nonconformities/index.js';
import { getItem } from './internal-audits.items.js';
import { auditRegister } from './internal-audits.register.js';
import { auditNumber } from './internal-audits.rules.js';

// A checklist item whose result is a nonconformity becomes a nonconformity
// in the register (clause 10.2), in the same transaction as the item keeps
// its id and number. Raising it twice answers the one already raised.

async function lockItem(tx: Executor, orgId: string, auditId: string, itemId: string) {
  const audit = await lockRow(tx, auditRegister, orgId, auditId);
  const item = await forUpdate(
    tx,
    tx.selectFrom('audit_items').selectAll().where('org_id', '=', orgId).where('audit_id', '=', auditId).where('id', '=', itemId),
  ).executeTakeFirst();
  if (!item) throw notFound('Checklist item');
  return { audit, item };
}

export async function raiseNonconformity(
  db: Db,
  actor: Actor,
  orgId: string,
  auditId: string,
  itemId: string,
  body: { grade: string; title?: string },
) {
  await db.transaction().execute(async (tx) => {
    const { audit, item } = await lockItem(tx, orgId, auditId, itemId);
    if (item.nonconformity_id) return;
    if (item.result !== 'nonconformity')
      throw invalid([{ field: 'body', message: 'record the result of this item as a nonconformity first' }]);
    if (!item.notes.trim())
      throw invalid([
        {
          field: 'body',
          message: 'describe what was found in the item’s notes first: they become the nonconformity’s description',
        },
      ]);
    const label = `${auditNumber(Number(audit.number_seq))} item ${Number(item.position)}`;
    const evidence = JSON.parse(item.evidence) as { type: string; id: string }[];
    const nc = await openNonconformity(tx, actor, orgId, {
      source: { kind: 'internal-audit', id: itemId, label },
      grade: body.grade,
      requirementId: item.kind === 'requirement' ? item.item_key : null,
      title: body.title?.trim() || `${label}: ${item.title}`.slice(0, 300),
      description: item.notes,
      objectiveEvidence: [
        `Found during internal audit ${label}.`,
        ...(evidence.length ? [`Records reviewed: ${evidence.length}.`] : []),
      ].join(' '),
    });
    const now = laterThan(item.updated_at);
    await tx
      .updateTable('audit_items')
      .set({ nonconformity_id: nc.id, nonconformity_number: nc.number, updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', itemId)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'internal_audit_item',
      entityId: itemId,
      action: 'raise-nonconformity',
      before: { id: itemId, nonconformityId: null },
      after: { id: itemId, nonconformityId: nc.id, nonconformityNumber: nc.number },
    });
  });
  return getItem(db, orgId, auditId, itemId);
}
