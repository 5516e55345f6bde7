import { type Executor, orgOfIds } from '../../platform/db/db.js';
import { type LinkTarget, resolveLinks } from '../../platform/refs/index.js';

/** Link labels of assessments, "Impact assessment of <system> (approved)": two queries for any number. */
export async function assessmentLinkTargets(db: Executor, orgId: string, ids: string[]): Promise<Map<string, LinkTarget>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('impact_assessments')
    .select(['id', 'ai_system_id', 'status', 'archived_at'])
    .where(orgOfIds(db), '=', orgId)
    .where('id', 'in', unique)
    .execute();
  const system = await resolveLinks(
    db,
    orgId,
    rows.map((r) => ({ type: 'ai-system', id: r.ai_system_id })),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        label: `Impact assessment of ${system({ type: 'ai-system', id: r.ai_system_id })?.label ?? 'an AI system'} (${r.status})`,
        archived: r.archived_at !== null || r.status === 'superseded',
        linkable: true,
      },
    ]),
  );
}
