import type { Actor } from '../../platform/audit-log/audit-log.js';
import { PERMISSIONS } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { notify } from '../../platform/notify/index.js';
import { documentNumber } from './documents.rules.js';

// Who hears that a draft waits for approval: the members whose role may
// approve, but not the one who sent it. Runs inside the submitting
// transaction, so the notice exists exactly when the request does.

export async function notifyApprovers(
  tx: Executor,
  orgId: string,
  doc: Row<'documents'>,
  actor: Actor,
  note?: string,
): Promise<void> {
  const approvers = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', 'in', [...PERMISSIONS.approve])
    .execute();
  const userIds = approvers.map((m) => m.user_id).filter((id) => id !== actor.userId);
  await notify(tx, {
    orgId,
    userIds,
    kind: 'document-review-requested',
    title: `${documentNumber(Number(doc.number_seq))} ${doc.title} waits for approval`,
    body: `${actor.label} sent the draft of "${doc.title}" for review.${note ? ` ${note}` : ''} Read it, then approve it or send it back.`,
    link: `/orgs/${orgId}/documents/${doc.id}`,
  });
}
