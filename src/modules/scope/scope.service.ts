import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import { recordNames } from '../../platform/db/names.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { fold } from '../../platform/text.js';
import { findOrg, getProfile } from '../organizations/index.js';
import * as repo from './scope.repository.js';
import { compareScopes, renderStatement, type ScopeSite, scopeChecks } from './scope.rules.js';
import { EMPTY_SCOPE, type ScopeContent, type ScopeVersion } from './scope.schemas.js';

interface OrgContext {
  orgName: string;
  sites: ScopeSite[];
}

async function orgContext(db: Executor, orgId: string): Promise<OrgContext> {
  const [org, profile] = await Promise.all([findOrg(db, orgId), getProfile(db, orgId)]);
  return { orgName: profile.legalName || org?.name || 'the organization', sites: profile.sites };
}

function toVersion(row: repo.ScopeRow, ctx: OrgContext): ScopeVersion {
  const content = JSON.parse(row.content) as ScopeContent;
  return {
    id: row.id,
    version: row.version,
    status: row.status as ScopeVersion['status'],
    content,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approvedBy: row.approved_by,
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at,
    approvalNote: row.approval_note,
    // An approved statement is frozen; a draft's follows the current profile.
    statement: row.statement ?? renderStatement(content, ctx),
    checks: scopeChecks(content, ctx.sites),
  };
}

/** What the audit log keeps of a version: the content and its state, not derived text. */
function auditView(row: {
  version: number;
  status: string;
  content: string;
  approved_by?: string | null;
  approved_at?: string | null;
  approval_note?: string | null;
}) {
  return {
    version: row.version,
    status: row.status,
    content: JSON.parse(row.content),
    approvedBy: row.approved_by ?? null,
    approvedAt: row.approved_at ?? null,
    approvalNote: row.approval_note ?? null,
  };
}

export async function getOverview(db: Executor, orgId: string) {
  const ctx = await orgContext(db, orgId);
  const [approved, draft] = await Promise.all([repo.findByStatus(db, orgId, 'approved'), repo.findByStatus(db, orgId, 'draft')]);
  return { approved: approved ? toVersion(approved, ctx) : null, draft: draft ? toVersion(draft, ctx) : null };
}

/**
 * A scope may link its AI systems to inventory records; each link must be one
 * of this organization's systems. (Through platform's shared lookup, not the
 * inventory module: inventory depends on scope, not the other way round.)
 */
async function checkAiSystemLinks(db: Executor, orgId: string, content: ScopeContent) {
  const ids = content.aiSystems.map((a) => a.aiSystemId).filter((x): x is string => !!x);
  if (ids.length === 0) return;
  const found = await recordNames(db, 'ai_systems', orgId, ids);
  const errors = content.aiSystems
    .map((a, i) =>
      a.aiSystemId && !found.has(a.aiSystemId)
        ? { field: `body.content.aiSystems.${i}.aiSystemId`, message: 'is not an AI system of this organization' }
        : null,
    )
    .filter((e): e is { field: string; message: string } => e !== null);
  if (errors.length) throw invalid(errors);
}

/**
 * Saves the draft, starting one when there is none: an edit after approval
 * never touches the approved version, it opens the next version number.
 */
export async function saveDraft(db: Db, actor: Actor, orgId: string, content: ScopeContent): Promise<ScopeVersion> {
  await checkAiSystemLinks(db, orgId, content);
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    const draft = await repo.findByStatus(tx, orgId, 'draft');
    const json = JSON.stringify(content);
    if (draft) {
      await tx.updateTable('scope_versions').set({ content: json, updated_at: now }).where('id', '=', draft.id).execute();
      await appendAudit(tx, actor, {
        orgId,
        entityType: 'scope',
        entityId: draft.id,
        action: 'update',
        before: auditView(draft),
        after: auditView({ ...draft, content: json }),
      });
    } else {
      const row = {
        id: uuidv7(),
        org_id: orgId,
        version: (await repo.maxVersion(tx, orgId)) + 1,
        status: 'draft',
        content: json,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        approved_by: null,
        approved_at: null,
        approval_note: null,
        statement: null,
      };
      await tx.insertInto('scope_versions').values(row).execute();
      await appendAudit(tx, actor, { orgId, entityType: 'scope', entityId: row.id, action: 'create', after: auditView(row) });
    }
    const saved = await repo.findByStatus(tx, orgId, 'draft');
    return toVersion(saved!, await orgContext(tx, orgId));
  });
}

/** Approval freezes the draft as an immutable version and supersedes the previous one. */
export async function approveDraft(db: Db, actor: Actor, orgId: string, note?: string): Promise<ScopeVersion> {
  return db.transaction().execute(async (tx) => {
    const draft = await repo.findByStatus(tx, orgId, 'draft');
    if (!draft) throw conflict('There is no draft to approve; edit the scope first.');
    const ctx = await orgContext(tx, orgId);
    const now = nowIso();
    const previous = await repo.findByStatus(tx, orgId, 'approved');
    if (previous) {
      await tx
        .updateTable('scope_versions')
        .set({ status: 'superseded', updated_at: now })
        .where('id', '=', previous.id)
        .execute();
      await appendAudit(tx, actor, {
        orgId,
        entityType: 'scope',
        entityId: previous.id,
        action: 'supersede',
        before: auditView(previous),
        after: auditView({ ...previous, status: 'superseded' }),
      });
    }
    const approval = {
      status: 'approved',
      approved_by: actor.userId,
      approved_at: now,
      approval_note: note?.trim() || null,
      statement: renderStatement(JSON.parse(draft.content), ctx),
      updated_at: now,
    };
    await tx.updateTable('scope_versions').set(approval).where('id', '=', draft.id).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'scope',
      entityId: draft.id,
      action: 'approve',
      before: auditView(draft),
      after: auditView({ ...draft, ...approval }),
    });
    const approved = await repo.findByVersion(tx, orgId, draft.version);
    return toVersion(approved!, ctx);
  });
}

export async function discardDraft(db: Db, actor: Actor, orgId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const draft = await repo.findByStatus(tx, orgId, 'draft');
    if (!draft) throw notFound('Scope draft');
    await tx.deleteFrom('scope_versions').where('id', '=', draft.id).execute();
    await appendAudit(tx, actor, { orgId, entityType: 'scope', entityId: draft.id, action: 'delete', before: auditView(draft) });
  });
}

export async function listVersions(db: Executor, orgId: string): Promise<ScopeVersion[]> {
  const ctx = await orgContext(db, orgId);
  return (await repo.listVersions(db, orgId)).map((r) => toVersion(r, ctx));
}

export async function getVersion(db: Executor, orgId: string, version: number): Promise<ScopeVersion> {
  const row = await repo.findByVersion(db, orgId, version);
  if (!row) throw notFound('Scope version');
  return toVersion(row, await orgContext(db, orgId));
}

export async function compareVersions(db: Executor, orgId: string, from: number, to: number) {
  const [a, b] = await Promise.all([repo.findByVersion(db, orgId, from), repo.findByVersion(db, orgId, to)]);
  if (!a) throw notFound(`Scope version ${from}`);
  if (!b) throw notFound(`Scope version ${to}`);
  const before = { ...EMPTY_SCOPE, ...(JSON.parse(a.content) as ScopeContent) };
  const after = { ...EMPTY_SCOPE, ...(JSON.parse(b.content) as ScopeContent) };
  return { from, to, changes: compareScopes(before, after) };
}

/** The AI systems the approved scope names, for the inventory's scope check. */
export async function approvedScopeSystems(
  db: Executor,
  orgId: string,
): Promise<{ version: number; ids: Set<string>; nameKeys: Set<string> } | null> {
  const row = await db
    .selectFrom('scope_versions')
    .select(['version', 'content'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  if (!row) return null;
  const content = JSON.parse(row.content) as ScopeContent;
  return {
    version: row.version,
    ids: new Set(content.aiSystems.map((a) => a.aiSystemId).filter((x): x is string => !!x)),
    nameKeys: new Set(content.aiSystems.map((a) => fold(a.name))),
  };
}
