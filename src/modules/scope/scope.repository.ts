import type { Executor } from '../../platform/db/db.js';

const columns = [
  'scope_versions.id',
  'scope_versions.org_id',
  'scope_versions.version',
  'scope_versions.status',
  'scope_versions.content',
  'scope_versions.created_by',
  'scope_versions.created_at',
  'scope_versions.updated_at',
  'scope_versions.approved_by',
  'scope_versions.approved_at',
  'scope_versions.approval_note',
  'scope_versions.statement',
] as const;

function base(db: Executor, orgId: string) {
  return db
    .selectFrom('scope_versions')
    .leftJoin('users', 'users.id', 'scope_versions.approved_by')
    .select([...columns, 'users.name as approved_by_name'])
    .where('scope_versions.org_id', '=', orgId);
}

export type ScopeRow = NonNullable<Awaited<ReturnType<typeof findByStatus>>>;

export function findByStatus(db: Executor, orgId: string, status: 'draft' | 'approved') {
  return base(db, orgId).where('scope_versions.status', '=', status).executeTakeFirst();
}

export function findByVersion(db: Executor, orgId: string, version: number) {
  return base(db, orgId).where('scope_versions.version', '=', version).executeTakeFirst();
}

export function listVersions(db: Executor, orgId: string) {
  return base(db, orgId).orderBy('scope_versions.version', 'desc').execute();
}

export async function maxVersion(db: Executor, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('scope_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

/** Version numbers and states of scope versions by id, for records that link to them. */
export async function versionsByIds(
  db: Executor,
  orgId: string,
  ids: string[],
): Promise<Map<string, { version: number; status: 'draft' | 'approved' | 'superseded' }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('scope_versions')
    .select(['id', 'version', 'status'])
    .where('org_id', '=', orgId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { version: r.version, status: r.status as 'draft' | 'approved' | 'superseded' }]));
}
