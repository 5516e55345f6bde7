import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { todayUtc } from '../../platform/dates.js';
import { type Db, type Executor, forUpdate } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { personColumns, resolvePeople, toPerson } from '../../platform/refs/index.js';
import { etagOf, isStale, laterThan, lockRow, StaleWrite } from '../../platform/register/index.js';
import { nonconformityRegister, presentAction } from './nonconformities.register.js';
import { actionStatusAfter } from './nonconformities.rules.js';
import type { ActionInput } from './nonconformities.schemas.js';

// Corrective actions of a nonconformity: child rows, each write one
// transaction that locks the nonconformity, checks the owner, writes the
// action, keeps the nonconformity's action counts, and appends the audit
// entry to the nonconformity's history (its timeline reads them there).

function rows(db: Executor, orgId: string, ncId: string) {
  return db.selectFrom('nonconformity_actions').selectAll().where('org_id', '=', orgId).where('nonconformity_id', '=', ncId);
}

async function getAction(db: Executor, orgId: string, ncId: string, id: string) {
  const row = await rows(db, orgId, ncId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Corrective action');
  return { item: presentAction(row, todayUtc()), etag: etagOf(row.updated_at) };
}

/** The nonconformity locked and open to changes of its actions, or why not. */
async function lockNc(tx: Executor, orgId: string, ncId: string) {
  const nc = await lockRow(tx, nonconformityRegister, orgId, ncId);
  if (nc.archived_at) throw conflict('This nonconformity is archived; restore it before changing its corrective actions.');
  if (nc.status === 'closed') throw conflict('This nonconformity is closed; reopen it before changing its corrective actions.');
  return nc;
}

async function checked(db: Executor, orgId: string, input: ActionInput, keepOwner: ActionInput['owner'] | null) {
  const same = !!input.owner?.userId && keepOwner?.userId === input.owner.userId;
  const people = await resolvePeople(db, orgId, [{ field: 'body.owner', person: same ? null : input.owner }]);
  if (people.errors.length) throw invalid(people.errors);
  const doneOn = input.status === 'done' ? (input.doneOn ?? todayUtc()) : null;
  if (doneOn && doneOn > todayUtc()) throw invalid([{ field: 'body.doneOn', message: 'must not be in the future' }]);
  return { ...input, owner: same ? keepOwner : people.people[0], doneOn };
}

const columns = (v: ActionInput) => {
  const owner = personColumns(v.owner);
  return {
    title: v.title,
    owner_user_id: owner.user_id,
    owner_name: owner.name,
    owner_email: owner.email,
    due_date: v.dueDate,
    status: v.status,
    done_on: v.doneOn,
    note: v.note,
  };
};

function toInput(r: Row<'nonconformity_actions'>): ActionInput {
  return {
    title: r.title,
    owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
    dueDate: r.due_date,
    status: r.status,
    doneOn: r.done_on,
    note: r.note,
  };
}

/**
 * Keeps the nonconformity's action counts (flags and the closing CHECK read
 * them) and moves its status along with its actions: open → actions planned
 * once there is one, → actions done when all are done, and back when one is
 * not. A status change is audited on the nonconformity. It is locked.
 */
async function recount(tx: Executor, actor: Actor, orgId: string, nc: Row<'nonconformities'>) {
  const all = await rows(tx, orgId, nc.id).select(['status']).execute();
  const open = all.filter((a) => a.status !== 'done').length;
  const status = actionStatusAfter(nc.status, all.length, open);
  const moved = status !== nc.status;
  await tx
    .updateTable('nonconformities')
    .set({
      action_count: all.length,
      open_action_count: open,
      ...(moved ? { status, updated_at: laterThan(nc.updated_at) } : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', nc.id)
    .execute();
  if (moved)
    await appendAudit(tx, actor, {
      orgId,
      entityType: nonconformityRegister.entityType,
      entityId: nc.id,
      action: 'update',
      before: { id: nc.id, status: nc.status },
      after: { id: nc.id, status },
    });
}

const auditOf = (id: string, v: ActionInput) => ({ actionId: id, ...v });

export async function createAction(db: Db, actor: Actor, orgId: string, ncId: string, input: ActionInput) {
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    const nc = await lockNc(tx, orgId, ncId);
    const value = await checked(tx, orgId, input, null);
    const now = laterThan(null);
    await tx
      .insertInto('nonconformity_actions')
      .values({ id, org_id: orgId, nonconformity_id: ncId, ...columns(value), created_at: now, updated_at: now })
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: nonconformityRegister.entityType,
      entityId: ncId,
      action: 'action-create',
      after: auditOf(id, value),
    });
    await recount(tx, actor, orgId, nc);
  });
  return getAction(db, orgId, ncId, id);
}

async function lockedAction(tx: Executor, orgId: string, ncId: string, id: string, ifMatch: string | undefined) {
  const nc = await lockNc(tx, orgId, ncId);
  const row = await forUpdate(tx, rows(tx, orgId, ncId).where('id', '=', id)).executeTakeFirst();
  if (!row) throw notFound('Corrective action');
  return { nc, row, stale: isStale(ifMatch, row.updated_at) };
}

async function staleAction(db: Executor, orgId: string, ncId: string, id: string) {
  const { item, etag } = await getAction(db, orgId, ncId, id);
  return new StaleWrite('corrective action', item, etag);
}

export async function updateAction(
  db: Db,
  actor: Actor,
  orgId: string,
  ncId: string,
  id: string,
  patch: Partial<ActionInput>,
  ifMatch: string | undefined,
) {
  const stale = await db.transaction().execute(async (tx) => {
    const { nc, row, stale } = await lockedAction(tx, orgId, ncId, id, ifMatch);
    if (stale) return true;
    const before = toInput(row);
    const merged = { ...before, ...patch };
    // reopening an action forgets when it was done; a done one keeps its date unless given
    if (merged.status !== 'done') merged.doneOn = null;
    const value = await checked(tx, orgId, merged, before.owner);
    await tx
      .updateTable('nonconformity_actions')
      .set({ ...columns(value), updated_at: laterThan(row.updated_at) })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: nonconformityRegister.entityType,
      entityId: ncId,
      action: 'action-update',
      before: auditOf(id, before),
      after: auditOf(id, value),
    });
    await recount(tx, actor, orgId, nc);
    return false;
  });
  if (stale) throw await staleAction(db, orgId, ncId, id);
  return getAction(db, orgId, ncId, id);
}

export async function deleteAction(db: Db, actor: Actor, orgId: string, ncId: string, id: string, ifMatch: string | undefined) {
  const stale = await db.transaction().execute(async (tx) => {
    const { nc, row, stale } = await lockedAction(tx, orgId, ncId, id, ifMatch);
    if (stale) return true;
    await tx.deleteFrom('nonconformity_actions').where('org_id', '=', orgId).where('id', '=', id).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: nonconformityRegister.entityType,
      entityId: ncId,
      action: 'action-delete',
      before: auditOf(id, toInput(row)),
    });
    await recount(tx, actor, orgId, nc);
    return false;
  });
  if (stale) throw await staleAction(db, orgId, ncId, id);
}
