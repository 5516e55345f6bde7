import type { Actor } from '../../platform/audit-log/audit-log.js';
import { invalid } from '../../platform/http/errors.js';
import { getRecord, insertRecord } from '../../platform/register/index.js';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit-log/audit-log.js';
import { type Db, type Executor, nowIso } from '../../platform/db/db.js';
import type { DocumentContent } from './documents.schemas.js';
import { documentRegister } from './documents.register.js';
import { templateFacts } from './documents.template-facts.js';
import { DOCUMENT_TEMPLATES, fillTemplate, findTemplate } from './documents.templates.js';

// A new document from one of our starter templates, its first draft already
// filled with the organization's own facts (name, scope, roles, risk method).
// The register row and the draft are created together: one transaction.

export function templateSummaries() {
  return DOCUMENT_TEMPLATES.map((t) => ({
    id: t.id,
    title: t.title,
    docType: t.docType,
    category: t.category,
    summary: t.summary,
  }));
}

/**
 * Version 1 of a document created in the same transaction: the kit's
 * saveDraft opens its own transaction, so the first draft of a brand-new
 * document (no other version can exist, nothing to lock) is written here
 * with the row and audit entry the kit would write.
 */
async function insertFirstDraft(tx: Executor, actor: Actor, orgId: string, documentId: string, content: DocumentContent) {
  const now = nowIso();
  const row = {
    id: uuidv7(),
    org_id: orgId,
    document_id: documentId,
    version: 1,
    status: 'draft' as const,
    content: JSON.stringify(content),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    approved_by: null,
    approved_at: null,
    approval_note: null,
    accepted_exceptions: null,
  };
  await tx.insertInto('document_versions').values(row).execute();
  await appendAudit(tx, actor, {
    orgId,
    entityType: 'document_version',
    entityId: row.id,
    action: 'create',
    after: { key: documentId, version: 1, status: 'draft', content, approvedBy: null, approvedAt: null, approvalNote: null },
  });
}

export async function createFromTemplate(db: Db, actor: Actor, orgId: string, input: { templateId: string; title?: string }) {
  const template = findTemplate(input.templateId);
  if (!template)
    throw invalid([
      { field: 'body.templateId', message: `is not a template; one of: ${DOCUMENT_TEMPLATES.map((t) => t.id).join(', ')}` },
    ]);
  const filled = fillTemplate(template.body, await templateFacts(db, orgId));
  const id = await db.transaction().execute(async (tx) => {
    const row = await insertRecord(tx, actor, documentRegister, orgId, {
      title: input.title ?? template.title,
      docType: template.docType,
      category: template.category,
      owner: null,
      reviewIntervalMonths: template.reviewIntervalMonths,
      nextReviewDate: null,
      requiresAcknowledgement: template.category === 'policy' && template.requiresAcknowledgement,
      audience: { all: true },
      namedRoleIds: [],
    });
    await insertFirstDraft(tx, actor, orgId, row.id, {
      format: 'markdown',
      body: filled.body,
      changeNote: `Drafted from the template "${template.title}"`,
    });
    return row.id;
  });
  const { item, etag } = await getRecord(db, documentRegister, orgId, id);
  return { item: { ...item, missing: filled.missing }, etag };
}
