import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Executor } from '../../platform/db/db.js';
import { getStoredFile, openStoredFile, sendStoredFile } from '../../platform/storage/index.js';

// Uploaded files a document version may be (a signed PDF, a Word file): the
// organization's stored files (platform/storage), uploaded through
// POST /files. The one place this module asks the file store.

/** The organization's stored file, or null for an unknown id or another organization's. */
export async function storedFileOf(db: Executor, orgId: string, fileId: string) {
  const file = await getStoredFile(db, orgId, fileId);
  return file ? { id: file.id, name: file.name, size: file.size, sha256: file.sha256 } : null;
}

/** A file version as the stored file, through the store's safe download (attachment, nosniff, sandbox). */
export async function sendDocumentFile(app: FastifyInstance, reply: FastifyReply, orgId: string, fileId: string) {
  const { file, content } = await openStoredFile(app.database.db, app.storage, orgId, fileId);
  return sendStoredFile(reply, file, content);
}
