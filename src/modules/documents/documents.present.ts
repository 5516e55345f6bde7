import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { toPerson } from '../../platform/refs/index.js';
import { activeMembers, audienceMembers, type GovernanceRoleFacts, orgRoles } from './documents.people.js';
import * as repo from './documents.repository.js';
import { documentFlags, documentNumber, documentStatus, rolesMentioned } from './documents.rules.js';
import type { Document } from './documents.schemas.js';
import { audienceColumn, roleIdsColumn } from './documents.tables.js';

// Documents as the API shows them: the register's fields, the state of their
// versions in words, and flags. A page of documents costs a fixed number of
// queries (versions, members, roles, acknowledgements), not one per row.

export interface PresentContext {
  today: string;
  soon: string;
  /** the current documents carrying a flag, for the list's flagged filter (loaded by the register's context only then) */
  flaggedIds?: string[];
}

export interface DocumentFacts {
  members: Map<string, string>;
  roles: GovernanceRoleFacts[];
  versions: Awaited<ReturnType<typeof repo.currentVersions>>;
  acks: Awaited<ReturnType<typeof repo.acknowledgementsOf>>;
}

export async function loadFacts(db: Executor, orgId: string, ids: string[]): Promise<DocumentFacts> {
  const [members, roles, versions, acks] = await Promise.all([
    activeMembers(db, orgId),
    orgRoles(db, orgId),
    repo.currentVersions(db, orgId, ids),
    repo.acknowledgementsOf(db, orgId, ids),
  ]);
  return { members, roles, versions, acks };
}

/** The Markdown text of a stored content, '' for a file. */
export function bodyOf(stored: string | undefined): string {
  if (!stored) return '';
  const c = JSON.parse(stored) as { format?: string; body?: string };
  return c.format === 'markdown' && typeof c.body === 'string' ? c.body : '';
}

/** The acknowledgement state of one document's current approved version, or null when none is asked for. */
export function acknowledgementState(r: Row<'documents'>, facts: DocumentFacts) {
  const approved = facts.versions.get(r.id)?.approved ?? null;
  const audience = audienceMembers(audienceColumn.read(r.audience), facts.members, facts.roles);
  const byUser = facts.acks.get(r.id) ?? new Map();
  const list = audience.map((m) => {
    const ack = byUser.get(m.userId) ?? null;
    return {
      userId: m.userId,
      name: m.name,
      acknowledgedVersion: ack?.version ?? null,
      acknowledgedAt: ack?.at ?? null,
      current: !!approved && ack?.version === approved.version,
    };
  });
  return {
    version: approved?.version ?? null,
    audience: list,
    acknowledged: list.filter((a) => a.current).length,
    total: list.length,
  };
}

export function presentDocument(r: Row<'documents'>, facts: DocumentFacts, ctx: PresentContext): Document {
  const v = facts.versions.get(r.id) ?? { approved: null, draft: null };
  const owner = toPerson(r.owner_user_id, r.owner_name, r.owner_email);
  const audience = audienceColumn.read(r.audience);
  const namedRoleIds = roleIdsColumn.read(r.named_role_ids);
  const vacant = facts.roles.filter((role) => role.vacant);
  const named = vacant.filter((role) => namedRoleIds.includes(role.id)).map((role) => role.name);
  const mentioned = rolesMentioned(
    bodyOf((v.approved ?? v.draft)?.content),
    vacant.map((role) => role.name),
  );
  const requiresAck = r.requires_acknowledgement === 1 || (r.requires_acknowledgement as unknown) === true;
  const ack = requiresAck && v.approved ? acknowledgementState(r, facts) : null;
  const d = {
    id: r.id,
    number: documentNumber(Number(r.number_seq)),
    title: r.title,
    docType: r.doc_type,
    category: r.category,
    owner,
    reviewIntervalMonths: Number(r.review_interval_months),
    nextReviewDate: r.next_review_date,
    requiresAcknowledgement: requiresAck,
    audience,
    namedRoleIds,
    approvedVersion: v.approved?.version ?? null,
    approvedAt: v.approved?.approvedAt ?? null,
    approvedBy: v.approved?.approvedBy ?? null,
    approvedByName: v.approved?.approvedByName ?? null,
    draftVersion: v.draft?.version ?? null,
    reviewRequestedAt: r.review_requested_at,
    reviewRequestedBy: r.review_requested_by,
    retiredAt: r.retired_at,
    retiredReason: r.retired_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
  const flags = documentFlags({
    today: ctx.today,
    soon: ctx.soon,
    retired: !!r.retired_at || !!r.archived_at,
    approvedVersion: d.approvedVersion,
    nextReviewDate: d.nextReviewDate,
    owner,
    ownerLeft: !!owner?.userId && !facts.members.has(owner.userId),
    vacantRoles: [...new Set([...named, ...mentioned])],
    acknowledgements: ack ? { acknowledged: ack.acknowledged, total: ack.total } : null,
  });
  return { ...d, status: documentStatus(d), flags };
}

export async function presentDocuments(db: Executor, orgId: string, rows: Row<'documents'>[], ctx: PresentContext) {
  const facts = await loadFacts(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentDocument(r, facts, ctx));
}

/** Every current (not archived, not retired) document as the API shows it: the list's flagged filter and GET /documents/flags. */
export async function currentDocuments(db: Executor, orgId: string, ctx: PresentContext): Promise<Document[]> {
  const rows = (await db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('retired_at', 'is', null)
    .orderBy('number_seq')
    .execute()) as Row<'documents'>[];
  const facts = await loadFacts(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentDocument(r, facts, ctx));
}
