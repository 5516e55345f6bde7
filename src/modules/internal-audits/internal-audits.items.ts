import { z } from 'zod';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { type Db, type Executor, forUpdate } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { checkLinks, resolveLinks } from '../../platform/refs/index.js';
import { etagOf, findRow, isStale, laterThan, lockRow, StaleWrite } from '../../platform/register/index.js';
import { addImprovement } from '../improvements/index.js';
import { auditRegister } from './internal-audits.register.js';
import * as repo from './internal-audits.repository.js';
import { auditNumber, RESULT_LABELS } from './internal-audits.rules.js';
import type { AuditItem, updateItemBody } from './internal-audits.schemas.js';

// Checklist items: read with the audit, saved one at a time during the audit
// (If-Match per item, so two auditors on one audit never overwrite each
// other unknowingly), and turned into nonconformities or improvements.

const strings = z.array(z.string());
const sampleCol = z.object({
  text: z.string(),
  links: z.array(z.object({ type: z.string(), id: z.string(), label: z.string() })),
});
const refs = z.array(z.object({ type: z.string(), id: z.string() }));

export async function presentItems(db: Executor, orgId: string, rows: Row<'audit_items'>[]): Promise<AuditItem[]> {
  const evidence = rows.map((r) => refs.parse(JSON.parse(r.evidence)));
  const target = await resolveLinks(db, orgId, evidence.flat());
  return rows.map((r, i) => ({
    id: r.id,
    auditId: r.audit_id,
    position: Number(r.position),
    kind: r.kind,
    key: r.item_key,
    title: r.title,
    modules: strings.parse(JSON.parse(r.module_keys)),
    facts: strings.parse(JSON.parse(r.facts)),
    sample: sampleCol.parse(JSON.parse(r.sample)),
    result: r.result,
    evidence: evidence[i].map((e) => {
      const t = target(e);
      return { ...e, label: t?.label ?? '(not found)', archived: t?.archived ?? true };
    }),
    notes: r.notes,
    nonconformity: r.nonconformity_id ? { id: r.nonconformity_id, number: r.nonconformity_number ?? '' } : null,
    improvementId: r.improvement_id,
    updatedAt: r.updated_at,
  }));
}

export async function listItems(db: Executor, orgId: string, auditId: string) {
  if (!(await findRow(db, auditRegister, orgId, auditId))) throw notFound('Internal audit');
  return presentItems(db, orgId, await repo.itemsOf(db, orgId, auditId));
}

async function findItem(db: Executor, orgId: string, auditId: string, itemId: string) {
  const row = await db
    .selectFrom('audit_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('audit_id', '=', auditId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!row) throw notFound('Checklist item');
  return row;
}

export async function getItem(db: Executor, orgId: string, auditId: string, itemId: string) {
  const row = await findItem(db, orgId, auditId, itemId);
  const [item] = await presentItems(db, orgId, [row]);
  return { item, etag: etagOf(row.updated_at) };
}

/** The audit and the item, locked in that order (every item write takes them so). */
async function lockItem(tx: Executor, orgId: string, auditId: string, itemId: string) {
  const audit = await lockRow(tx, auditRegister, orgId, auditId);
  const item = await forUpdate(
    tx,
    tx.selectFrom('audit_items').selectAll().where('org_id', '=', orgId).where('audit_id', '=', auditId).where('id', '=', itemId),
  ).executeTakeFirst();
  if (!item) throw notFound('Checklist item');
  return { audit, item };
}

const itemLabel = (audit: Row<'internal_audits'>, item: Row<'audit_items'>) =>
  `${auditNumber(Number(audit.number_seq))} item ${Number(item.position)}`;

const auditView = (r: Row<'audit_items'>) => ({
  id: r.id,
  auditId: r.audit_id,
  title: r.title,
  result: r.result,
  evidence: JSON.parse(r.evidence),
  notes: r.notes,
  nonconformityId: r.nonconformity_id,
  improvementId: r.improvement_id,
});

function editable(audit: Row<'internal_audits'>) {
  if (audit.archived_at) throw conflict('This internal audit is archived; restore it before editing.');
  if (audit.status !== 'in-progress')
    throw conflict(
      audit.status === 'planned'
        ? 'Start the audit before recording results.'
        : 'The audit is reported; reopen it (status in progress) to change its results.',
    );
}

export async function updateItem(
  db: Db,
  actor: Actor,
  orgId: string,
  auditId: string,
  itemId: string,
  patch: z.infer<typeof updateItemBody>,
  ifMatch?: string,
) {
  let stale = false;
  await db.transaction().execute(async (tx) => {
    const { audit, item } = await lockItem(tx, orgId, auditId, itemId);
    if (isStale(ifMatch, item.updated_at)) {
      stale = true;
      return;
    }
    editable(audit);
    if (patch.evidence) {
      const errors = await checkLinks(tx, orgId, patch.evidence, 'body.evidence');
      if (errors.length) throw invalid(errors);
    }
    if (item.nonconformity_id && patch.result !== undefined && patch.result !== 'nonconformity')
      throw invalid([
        {
          field: 'body.result',
          message: `a nonconformity (${item.nonconformity_number}) was raised from this item; it stays a nonconformity`,
        },
      ]);
    const next = {
      result: patch.result === undefined ? item.result : patch.result,
      evidence: patch.evidence ? JSON.stringify(patch.evidence) : item.evidence,
      notes: patch.notes ?? item.notes,
      updated_at: laterThan(item.updated_at),
    };
    await tx.updateTable('audit_items').set(next).where('org_id', '=', orgId).where('id', '=', itemId).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'internal_audit_item',
      entityId: itemId,
      action: 'update',
      before: auditView(item),
      after: auditView({ ...item, ...next }),
    });
  });
  const current = await getItem(db, orgId, auditId, itemId);
  if (stale) throw new StaleWrite('checklist item', current.item, current.etag);
  return current;
}

/** Logs the observation or opportunity of an item in the improvement log, once. */
export async function raiseImprovement(
  db: Db,
  actor: Actor,
  orgId: string,
  auditId: string,
  itemId: string,
  body: { title?: string; description?: string },
) {
  await db.transaction().execute(async (tx) => {
    const { audit, item } = await lockItem(tx, orgId, auditId, itemId);
    if (item.improvement_id) return;
    if (item.result !== 'observation' && item.result !== 'opportunity')
      throw invalid([
        { field: 'body', message: 'only an observation or an opportunity for improvement goes to the improvement log' },
      ]);
    const label = itemLabel(audit, item);
    const made = await addImprovement(tx, actor, orgId, {
      source: { kind: 'internal-audit', id: itemId, label },
      title: body.title?.trim() || `${RESULT_LABELS[item.result]}: ${item.title}`.slice(0, 300),
      description: body.description?.trim() || item.notes,
    });
    const now = laterThan(item.updated_at);
    await tx
      .updateTable('audit_items')
      .set({ improvement_id: made.id, updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', itemId)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'internal_audit_item',
      entityId: itemId,
      action: 'raise-improvement',
      before: auditView(item),
      after: auditView({ ...item, improvement_id: made.id }),
    });
  });
  return getItem(db, orgId, auditId, itemId);
}
