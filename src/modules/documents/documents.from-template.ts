import type { Actor } from '../../platform/audit-log/audit-log.js';
import { invalid } from '../../platform/http/errors.js';
import { getRecord, insertRecord } from '../../platform/register/index.js';
import type { Db } from '../../platform/db/db.js';
import { documentContent } from './documents.content.js';
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
    // the register row and its first draft in one transaction
    await documentContent.saveDraftIn(
      tx,
      actor,
      { orgId, key: row.id },
      {
        format: 'markdown',
        body: filled.body,
        changeNote: `Drafted from the template "${template.title}"`,
      },
    );
    return row.id;
  });
  const { item, etag } = await getRecord(db, documentRegister, orgId, id);
  return { item: { ...item, missing: filled.missing }, etag };
}
