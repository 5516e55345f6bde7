import { PostgresAdapter, sql } from 'kysely';
import { type Executor, orgOfIds } from '../../platform/db/db.js';
import { inList, orgRowsIn, queryTemplate } from '../../platform/db/statement-cache.js';

// Queries of the document tables that the register kit does not write for us.

/**
 * The next DOC-number of an organization. On PostgreSQL two creates in two
 * app processes take turns (a transaction-scoped advisory lock per
 * organization); SQLite's write transactions already run one at a time.
 */
export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('documents.number'), hashtext(${orgId}))`.execute(tx);
  const row = await tx
    .selectFrom('documents')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export interface VersionFact {
  id: string;
  version: number;
  content: string;
  createdBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
}

// Every document page and list page reads these for the documents shown: compiled once.
const currentVersionsTemplate = queryTemplate(
  ['orgId', 'ids'],
  (db, p) =>
    db
      .selectFrom('document_versions as v')
      .leftJoin('users as u', 'u.id', 'v.approved_by')
      .select([
        'v.id',
        'v.document_id',
        'v.version',
        'v.status',
        'v.content',
        'v.created_by',
        'v.approved_at',
        'v.approved_by',
        'u.name as approved_by_name',
      ])
      .where('v.org_id', '=', p.orgId)
      .where(inList(db, 'v.document_id', p.ids))
      .where('v.status', 'in', ['draft', 'approved']),
  { lists: ['ids'] },
);

const acknowledgementsOfDocuments = orgRowsIn('document_acknowledgements', 'document_id', {
  select: ['document_id', 'user_id', 'version', 'acknowledged_at'],
  orderBy: ['version'],
});

/** The approved version and the draft of each document, with content as stored (JSON). */
export async function currentVersions(db: Executor, orgId: string, documentIds: string[]) {
  const out = new Map<string, { approved: VersionFact | null; draft: VersionFact | null }>();
  if (documentIds.length === 0) return out;
  const rows = await currentVersionsTemplate.run(db, { orgId, ids: documentIds });
  for (const r of rows) {
    const entry = out.get(r.document_id) ?? { approved: null, draft: null };
    const fact: VersionFact = {
      id: r.id,
      version: Number(r.version),
      content: r.content,
      createdBy: r.created_by,
      approvedAt: r.approved_at,
      approvedBy: r.approved_by,
      approvedByName: r.approved_by_name ?? null,
    };
    if (r.status === 'approved') entry.approved = fact;
    else entry.draft = fact;
    out.set(r.document_id, entry);
  }
  return out;
}

/** Who acknowledged which version of these documents: document id -> user id -> { version, at } (latest version). */
export async function acknowledgementsOf(db: Executor, orgId: string, documentIds: string[]) {
  const out = new Map<string, Map<string, { version: number; at: string }>>();
  const rows = await acknowledgementsOfDocuments(db, orgId, documentIds);
  for (const r of rows) {
    const byUser = out.get(r.document_id) ?? new Map();
    byUser.set(r.user_id, { version: Number(r.version), at: r.acknowledged_at });
    out.set(r.document_id, byUser);
  }
  return out;
}

export async function requireSecondApprover(db: Executor, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('document_settings')
    .select('require_second_approver')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.require_second_approver ?? 0) === 1;
}

/** Everyone who wrote a draft: its creator and every member whose save the audit log holds. */
export async function draftAuthors(db: Executor, orgId: string, versionId: string, createdBy: string | null) {
  const rows = await db
    .selectFrom('audit_log')
    .select('actor_user_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'document_version')
    .where('entity_id', '=', versionId)
    .where('action', 'in', ['create', 'update'])
    .execute();
  const ids = new Set(rows.map((r) => r.actor_user_id).filter((x): x is string => !!x));
  if (createdBy) ids.add(createdBy);
  return ids;
}

/** Which of these documents are retired. */
export async function retiredAmong(db: Executor, orgId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where(orgOfIds(db), '=', orgId)
    .where('id', 'in', ids)
    .where('retired_at', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}
