import { uuidv7 } from 'uuidv7';
import { ANNEX_A } from '../../catalogue/index.js';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { todayUtc } from '../../platform/dates.js';
import { type Db, type Executor, forUpdate } from '../../platform/db/db.js';
import { queryTemplate } from '../../platform/db/statement-cache.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.js';
import { checkLinks, personColumns, resolveLinks, resolvePeople, toPerson } from '../../platform/refs/index.js';
import { etagOf, findRow, isStale, laterThan, lockRow, StaleWrite } from '../../platform/register/index.js';
import { riskRegister } from './risks.register.js';
import type { ActionInput, TreatmentAction } from './risks.schemas.js';
import { idList } from './risks.tables.js';

// Treatment actions of a risk: child rows, each write one transaction that
// locks the risk, checks the owner and the controls, writes the action and
// its control links, and appends the audit entry.

const ANNEX_A_TITLES = new Map(ANNEX_A.map((c) => [c.id, c.title]));
/** The link kind the Statement of Applicability registers for the organization's own controls. */
const OWN_CONTROL_KIND = 'control';

/**
 * Field errors for control ids that are neither an Annex A control nor one
 * of the organization's own controls. Own controls are checked through the
 * 'control' link kind; until a module registers it, only Annex A ids pass.
 */
export async function controlIdErrors(db: Executor, orgId: string, ids: string[], at = 'body.controlIds'): Promise<FieldError[]> {
  const own = ids.map((id, i) => ({ id, i })).filter((c) => !ANNEX_A_TITLES.has(c.id));
  if (own.length === 0) return [];
  const unknown = (i: number, id: string): FieldError => ({
    field: `${at}.${i}`,
    message: `"${id}" is neither an Annex A control id (such as A.6.2.6) nor one of this organization's own controls`,
  });
  let errors: FieldError[];
  try {
    errors = await checkLinks(
      db,
      orgId,
      own.map((c) => ({ type: OWN_CONTROL_KIND, id: c.id })),
      at,
    );
  } catch (e) {
    if (!(e instanceof Error && e.message.includes('no module registered'))) throw e;
    return own.map((c) => unknown(c.i, c.id));
  }
  const bad = new Set(errors.map((e) => Number(e.field.slice(at.length + 1).split('.')[0])));
  return own.filter((_, k) => bad.has(k)).map((c) => unknown(c.i, c.id));
}

async function controlLabels(db: Executor, orgId: string, rows: Row<'risk_treatment_actions'>[]) {
  const own = [...new Set(rows.flatMap((r) => idList.read(r.control_ids)).filter((id) => !ANNEX_A_TITLES.has(id)))];
  if (own.length === 0) return () => undefined;
  try {
    const t = await resolveLinks(
      db,
      orgId,
      own.map((id) => ({ type: OWN_CONTROL_KIND, id })),
    );
    return (id: string) => t({ type: OWN_CONTROL_KIND, id })?.label;
  } catch {
    return () => undefined;
  }
}

export async function presentActions(
  db: Executor,
  orgId: string,
  rows: Row<'risk_treatment_actions'>[],
): Promise<TreatmentAction[]> {
  const label = await controlLabels(db, orgId, rows);
  const today = todayUtc();
  return rows.map((r) => {
    const controlIds = idList.read(r.control_ids);
    return {
      id: r.id,
      riskId: r.risk_id,
      title: r.title,
      owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
      dueDate: r.due_date,
      status: r.status,
      controlIds,
      controls: controlIds.map((id) => {
        const annex = ANNEX_A_TITLES.get(id);
        return annex
          ? { id, kind: 'annex-a' as const, label: `${id} ${annex}` }
          : { id, kind: 'own' as const, label: label(id) ?? id };
      }),
      overdue: r.status !== 'done' && !!r.due_date && r.due_date < today,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

function actionRows(db: Executor, orgId: string, riskId: string) {
  return db
    .selectFrom('risk_treatment_actions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('risk_id', '=', riskId)
    .orderBy('created_at')
    .orderBy('id');
}

export async function listActions(db: Executor, orgId: string, riskId: string) {
  if (!(await findRow(db, riskRegister, orgId, riskId))) throw notFound('Risk');
  return presentActions(db, orgId, await actionsOfRisk.run(db, { orgId, riskId }));
}

// Every risk page reads its actions: compiled once.
const actionsOfRisk = queryTemplate(['orgId', 'riskId'], (db, p) => actionRows(db, p.orgId, p.riskId));

async function getAction(db: Executor, orgId: string, riskId: string, id: string) {
  const row = await actionRows(db, orgId, riskId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Treatment action');
  const [item] = await presentActions(db, orgId, [row]);
  return { item, etag: etagOf(row.updated_at) };
}

/** The risk locked and editable, or why not. */
async function lockRisk(tx: Executor, orgId: string, riskId: string) {
  const risk = await lockRow(tx, riskRegister, orgId, riskId);
  if (risk.archived_at) throw conflict('This risk is archived; restore it before changing its treatment.');
  return risk;
}

async function checked(db: Executor, orgId: string, input: ActionInput) {
  const [people, controls] = await Promise.all([
    resolvePeople(db, orgId, [{ field: 'body.owner', person: input.owner }]),
    controlIdErrors(db, orgId, input.controlIds),
  ]);
  const errors = [...people.errors, ...controls];
  if (errors.length) throw invalid(errors);
  return { ...input, owner: people.people[0] };
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
    control_ids: idList.write(v.controlIds),
  };
};

async function writeControls(tx: Executor, orgId: string, riskId: string, actionId: string, ids: string[]) {
  await tx.deleteFrom('risk_action_controls').where('org_id', '=', orgId).where('action_id', '=', actionId).execute();
  if (ids.length)
    await tx
      .insertInto('risk_action_controls')
      .values(ids.map((control_id) => ({ org_id: orgId, action_id: actionId, risk_id: riskId, control_id })))
      .execute();
}

/** Keeps the risk's action count (the "untreated" flag filters on it); the risk is locked. */
async function countActions(tx: Executor, orgId: string, riskId: string, by: 1 | -1) {
  await tx
    .updateTable('risks')
    .set((eb) => ({ action_count: eb('action_count', '+', by) }))
    .where('org_id', '=', orgId)
    .where('id', '=', riskId)
    .execute();
}

const auditOf = (riskId: string, id: string, v: ActionInput) => ({ id, riskId, ...v });

function toInput(r: Row<'risk_treatment_actions'>): ActionInput {
  return {
    title: r.title,
    owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
    dueDate: r.due_date,
    status: r.status,
    controlIds: idList.read(r.control_ids),
  };
}

export async function createAction(db: Db, actor: Actor, orgId: string, riskId: string, input: ActionInput) {
  const value = await checked(db, orgId, input);
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    await lockRisk(tx, orgId, riskId);
    const now = laterThan(null);
    await tx
      .insertInto('risk_treatment_actions')
      .values({ id, org_id: orgId, risk_id: riskId, ...columns(value), created_at: now, updated_at: now })
      .execute();
    await writeControls(tx, orgId, riskId, id, value.controlIds);
    await countActions(tx, orgId, riskId, 1);
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'risk_treatment_action',
      entityId: id,
      action: 'create',
      after: auditOf(riskId, id, value),
    });
  });
  return getAction(db, orgId, riskId, id);
}

async function lockedAction(tx: Executor, orgId: string, riskId: string, id: string, ifMatch: string | undefined) {
  await lockRisk(tx, orgId, riskId);
  const row = await forUpdate(tx, actionRows(tx, orgId, riskId).where('id', '=', id)).executeTakeFirst();
  if (!row) throw notFound('Treatment action');
  return { row, stale: isStale(ifMatch, row.updated_at) };
}

/** A stale If-Match: 409 with the action as it is now. */
async function staleAction(db: Executor, orgId: string, riskId: string, id: string) {
  const { item, etag } = await getAction(db, orgId, riskId, id);
  return new StaleWrite('treatment action', item, etag);
}

export async function updateAction(
  db: Db,
  actor: Actor,
  orgId: string,
  riskId: string,
  id: string,
  patch: Partial<ActionInput>,
  ifMatch: string | undefined,
) {
  const stale = await db.transaction().execute(async (tx) => {
    const { row, stale } = await lockedAction(tx, orgId, riskId, id, ifMatch);
    if (stale) return true;
    const before = toInput(row);
    const value = await checked(tx, orgId, { ...before, ...patch });
    await tx
      .updateTable('risk_treatment_actions')
      .set({ ...columns(value), updated_at: laterThan(row.updated_at) })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    if (before.controlIds.join() !== value.controlIds.join()) await writeControls(tx, orgId, riskId, id, value.controlIds);
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'risk_treatment_action',
      entityId: id,
      action: 'update',
      before: auditOf(riskId, id, before),
      after: auditOf(riskId, id, value),
    });
    return false;
  });
  if (stale) throw await staleAction(db, orgId, riskId, id);
  return getAction(db, orgId, riskId, id);
}

export async function deleteAction(db: Db, actor: Actor, orgId: string, riskId: string, id: string, ifMatch: string | undefined) {
  const stale = await db.transaction().execute(async (tx) => {
    const { row, stale } = await lockedAction(tx, orgId, riskId, id, ifMatch);
    if (stale) return true;
    await tx.deleteFrom('risk_action_controls').where('org_id', '=', orgId).where('action_id', '=', id).execute();
    await tx.deleteFrom('risk_treatment_actions').where('org_id', '=', orgId).where('id', '=', id).execute();
    await countActions(tx, orgId, riskId, -1);
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'risk_treatment_action',
      entityId: id,
      action: 'delete',
      before: auditOf(riskId, id, toInput(row)),
    });
    return false;
  });
  if (stale) throw await staleAction(db, orgId, riskId, id);
}
