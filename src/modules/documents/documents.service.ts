import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { findRow, getRecord, isStale, laterThan, lockRow, StaleMarker, StaleWrite } from '../../platform/register/index.js';
import { acknowledgementState, currentDocuments, loadFacts } from './documents.present.js';
import { notifyApprovers } from './documents.notify.js';
import { documentRegister } from './documents.register.js';
import type { Document } from './documents.schemas.js';

// The document's own actions beside the register kit's: send for review,
// retire, acknowledge, and the organization's approval rule.

export async function findDocument(db: Executor, orgId: string, id: string): Promise<Row<'documents'>> {
  const row = await findRow(db, documentRegister, orgId, id);
  if (!row) throw notFound('Document');
  return row as Row<'documents'>;
}

/**
 * Runs a change of the document row under its lock, with its audit row; a
 * stale If-Match is a 409 carrying the current document.
 */
async function changeDocument(
  db: Db,
  actor: Actor,
  orgId: string,
  id: string,
  ifMatch: string | undefined,
  change: (tx: Executor, row: Row<'documents'>) => Promise<{ action: string; set: Partial<Row<'documents'>> }>,
) {
  try {
    await db.transaction().execute(async (tx) => {
      const row = (await lockRow(tx, documentRegister, orgId, id)) as Row<'documents'>;
      if (isStale(ifMatch, row.updated_at)) throw new StaleMarker();
      const { action, set } = await change(tx, row);
      const updated = { ...set, updated_at: laterThan(row.updated_at) };
      await tx.updateTable('documents').set(updated).where('org_id', '=', orgId).where('id', '=', id).execute();
      const pick = (r: Partial<Row<'documents'>>) => Object.fromEntries(Object.keys(set).map((k) => [k, r[k as keyof typeof r]]));
      await appendAudit(tx, actor, {
        orgId,
        entityType: 'document',
        entityId: id,
        action,
        before: pick(row),
        after: pick(updated),
      });
    });
  } catch (e) {
    if (!(e instanceof StaleMarker)) throw e;
    const { item, etag } = await getRecord(db, documentRegister, orgId, id);
    throw new StaleWrite('document', item, etag);
  }
  return getRecord(db, documentRegister, orgId, id);
}

/** Marks the draft "in review"; the approvers are told (documents.routes). */
export function submitForReview(db: Db, actor: Actor, orgId: string, id: string, note?: string, ifMatch?: string) {
  return changeDocument(db, actor, orgId, id, ifMatch, async (tx, row) => {
    if (row.retired_at) throw conflict('This document is retired.');
    if (row.archived_at) throw conflict('This document is archived; restore it first.');
    const draft = await tx
      .selectFrom('document_versions')
      .select('id')
      .where('org_id', '=', orgId)
      .where('document_id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (!draft) throw conflict('There is no draft to send for review; edit the document first.');
    await notifyApprovers(tx, orgId, row, actor, note);
    return { action: 'submit', set: { review_requested_at: nowIso(), review_requested_by: actor.userId } };
  });
}

export function retireDocument(db: Db, actor: Actor, orgId: string, id: string, reason: string, ifMatch?: string) {
  return changeDocument(db, actor, orgId, id, ifMatch, async (_tx, row) => {
    if (row.retired_at) throw conflict('This document is already retired.');
    return {
      action: 'retire',
      set: { retired_at: nowIso(), retired_reason: reason, review_requested_at: null, review_requested_by: null },
    };
  });
}

export async function acknowledgements(db: Executor, orgId: string, id: string) {
  const row = await findDocument(db, orgId, id);
  return acknowledgementState(row, await loadFacts(db, orgId, [id]));
}

/**
 * A member confirms they read the current approved version of a document
 * that asks for it. Twice is the same answer and one row.
 */
export async function acknowledge(db: Db, actor: Actor, orgId: string, id: string, version: number) {
  if (!actor.userId) throw invalid([{ field: 'body.version', message: 'only a signed-in member can acknowledge a document' }]);
  const userId = actor.userId;
  await db.transaction().execute(async (tx) => {
    const row = await findDocument(tx, orgId, id);
    if (Number(row.requires_acknowledgement) !== 1)
      throw invalid([{ field: 'body.version', message: 'this document does not ask for acknowledgement' }]);
    if (row.retired_at || row.archived_at) throw conflict('This document is no longer in force.');
    const approved = (await loadFacts(tx, orgId, [id])).versions.get(id)?.approved;
    if (!approved || approved.version !== version)
      throw invalid([
        {
          field: 'body.version',
          message: approved
            ? `is not the current approved version (${approved.version})`
            : 'the document has no approved version yet',
        },
      ]);
    // a double click or a second tab on another app node: the unique key keeps one row, the loser writes nothing
    const ack = { id: uuidv7(), org_id: orgId, document_id: id, version, user_id: userId, acknowledged_at: nowIso() };
    const inserted = await tx
      .insertInto('document_acknowledgements')
      .values(ack)
      .onConflict((oc) => oc.columns(['document_id', 'version', 'user_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return;
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'document',
      entityId: id,
      action: 'acknowledge',
      after: { version, userId, acknowledgedAt: ack.acknowledged_at },
    });
  });
  return acknowledgements(db, orgId, id);
}

export async function getSettings(db: Executor, orgId: string) {
  const row = await db.selectFrom('document_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return { requireSecondApprover: Number(row?.require_second_approver ?? 0) === 1 };
}

export async function putSettings(db: Db, actor: Actor, orgId: string, input: { requireSecondApprover: boolean }) {
  await db.transaction().execute(async (tx) => {
    const before = await getSettings(tx, orgId);
    const values = { org_id: orgId, require_second_approver: input.requireSecondApprover ? 1 : 0, updated_at: nowIso() };
    await tx
      .insertInto('document_settings')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('org_id')
          .doUpdateSet({ require_second_approver: values.require_second_approver, updated_at: values.updated_at }),
      )
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'document_settings',
      entityId: orgId,
      action: 'update',
      before,
      after: input,
    });
  });
  return getSettings(db, orgId);
}

/** Every current document with a flag, worst first, bounded. */
export async function flaggedDocuments(db: Executor, orgId: string, ctx: { today: string; soon: string }, limit = 200) {
  const flagged = (await currentDocuments(db, orgId, ctx)).filter((d) => d.flags.length > 0);
  const warnings = (d: Document) => d.flags.filter((f) => f.severity === 'warning').length;
  flagged.sort((a, b) => warnings(b) - warnings(a));
  return { items: flagged.slice(0, limit), total: flagged.length };
}
