import { type Actor, appendAuditMany } from '../../../platform/audit-log/audit-log.js';
import type { Db } from '../../../platform/db/db.js';
import { notFound } from '../../../platform/http/errors.js';
import { etagOf, isStale, laterThan, StaleWrite } from '../../../platform/register/index.js';
import { resolveOwner } from '../gap.checks.js';
import { type Owner, toAction } from '../gap.presenters.js';
import * as repo from '../gap.repository.js';
import type { ActionStatus } from '../gap.rules.js';

export interface UpdateActionOptions {
  db: Db;
  actor: Actor;
  orgId: string;
  actionId: string;
  patch: { status?: ActionStatus; owner?: Owner; dueDate?: string; title?: string };
  /** the ETag of the caller's copy; another current one is a 409 with the current action */
  ifMatch?: string;
}

/** Tracks an action: status (done stamps when), owner, due date, title. */
export async function updateAction({ db, actor, orgId, actionId, patch, ifMatch }: UpdateActionOptions) {
  const o = patch.owner === undefined ? undefined : await resolveOwner(db, orgId, patch.owner, 'body.owner');
  return db.transaction().execute(async (tx) => {
    const before = await repo.findAction(tx, orgId, actionId, { lock: true });
    if (!before) throw notFound('Action');
    if (isStale(ifMatch, before.updated_at)) throw new StaleWrite('action', toAction(before), etagOf(before.updated_at));
    const now = laterThan(before.updated_at);
    const set = {
      ...(patch.title ? { title: patch.title } : {}),
      ...(patch.dueDate ? { due_date: patch.dueDate } : {}),
      ...(o !== undefined
        ? { owner_user_id: o?.userId ?? null, owner_name: o?.name || null, owner_email: o?.email ?? null }
        : {}),
      ...(patch.status ? { status: patch.status, done_at: patch.status === 'done' ? (before.done_at ?? now) : null } : {}),
      updated_at: now,
    };
    await tx.updateTable('gap_actions').set(set).where('id', '=', actionId).execute();
    const after = { ...before, ...set };
    await appendAuditMany(tx, actor, [
      { orgId, entityType: 'gap_action', entityId: actionId, action: 'update', before: toAction(before), after: toAction(after) },
    ]);
    return toAction(after);
  });
}
