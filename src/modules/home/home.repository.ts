import type { Executor } from '../../platform/db/db.js';
import { type ChangeRow, RECENT_ENTITY_TYPES } from './home.changes.rules.js';

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** The organization's last changes to its records, newest first: one statement on the (platform's) audit log. */
export async function recentChanges(db: Executor, orgId: string, limit: number): Promise<ChangeRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'entity_type', 'entity_id', 'action', 'before', 'after'])
    .where('org_id', '=', orgId)
    .where('entity_type', 'in', [...RECENT_ENTITY_TYPES])
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    before: parse(r.before),
    after: parse(r.after),
  }));
}
