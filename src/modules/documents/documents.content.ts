import type { Executor } from '../../platform/db/db.js';
import { invalid } from '../../platform/http/errors.js';
import { defineVersionedRecord } from '../../platform/versioned/index.js';
import { storedFileOf } from './documents.files.js';
import { type DocumentContent, documentContentSchema } from './documents.schemas.js';
import { syncDocuments } from './documents.sync.js';

// A document's text as a versioned record (platform/versioned) keyed by the
// document: a draft anyone with write permission edits, approval freezes it
// into an immutable version. Approval's effects on the register row (next
// review date, the review request) happen in the same transaction
// (syncDocuments, the kit's afterWrite).

/** An uploaded file version must be a file of this organization, described as stored. */
async function validateContent(db: Executor, orgId: string, content: DocumentContent) {
  if (content.format !== 'file') return;
  const file = await storedFileOf(db, orgId, content.fileId);
  if (!file) throw invalid([{ field: 'body.content.fileId', message: 'is not a file uploaded to this organization' }]);
  const errors = [];
  if (file.sha256 !== content.sha256) errors.push({ field: 'body.content.sha256', message: 'does not match the uploaded file' });
  if (file.size !== content.size) errors.push({ field: 'body.content.size', message: 'does not match the uploaded file' });
  if (errors.length) throw invalid(errors);
}

export const documentContent = defineVersionedRecord<DocumentContent>({
  table: 'document_versions',
  entityType: 'document_version',
  label: 'document',
  content: documentContentSchema,
  key: 'document_id',
  validate: validateContent,
  derive: () => ({}),
  afterWrite: syncDocuments,
});
