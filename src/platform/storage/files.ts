import type { Readable } from 'node:stream';
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../audit-log/audit-log.js';
import type { Db, Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';
import { orgRowsIn } from '../db/statement-cache.js';
import type { Row } from '../db/tables.js';
import { contentDisposition } from '../http/download.js';
import { type AppError, invalid, notFound } from '../http/errors.js';
import {
  activeMarkup,
  classifyHead,
  fileNameProblem,
  HEAD_BYTES,
  type HeadKind,
  mediaTypeOf,
  SCAN_OVERLAP,
  servedContentType,
} from './storage.rules.js';
import { PayloadTooLargeError } from './storage.errors.js';
import type { BlobStore, StoredFile } from './storage.types.js';
import './storage.tables.js';

// Upload intake and safe download, shared by the files routes, the modules
// that attach files (evidence, documents) and the CLI: one place checks names
// and content, streams into the blob store, and records the org's handle.

export interface NewFile {
  /** the file name as the client sent it; checked, never used as a path */
  name: string;
  stream: Readable;
  /** the type the client claimed; only a hint (the first bytes decide) */
  declaredType?: string;
  /** refuse content beyond this many bytes (413) */
  maxBytes?: number;
}

const refused = (message: string, field = 'file') => invalid([{ field, message }], 'The file was not accepted.');

/**
 * Watches the bytes going to the store: classifies the first ones, refuses
 * HTML at once and scans markup to its end for active content, so a refused
 * file errors the stream before the store keeps anything.
 */
class Inspector extends Transform {
  private head = Buffer.alloc(0);
  kind: HeadKind | null = null;
  private tail = '';

  constructor(
    private readonly name: string,
    private readonly declaredType?: string,
    /** true once the source was cut at its size limit (a multipart part flags it) */
    private readonly truncated: () => PayloadTooLargeError | null = () => null,
  ) {
    super();
  }

  get firstBytes(): Buffer {
    return this.head;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    if (this.kind === null) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
      if (this.head.length >= HEAD_BYTES) {
        const problem = this.decide();
        if (problem) return done(problem);
      }
    }
    if (this.kind === 'markup') {
      const problem = this.scan(chunk);
      if (problem) return done(problem);
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback) {
    const cut = this.truncated();
    if (cut) return done(cut);
    if (this.head.length === 0) return done(refused('must not be empty'));
    if (this.kind === null) {
      const problem = this.decide() ?? (this.kind === 'markup' ? this.scan(this.head) : null);
      if (problem) return done(problem);
    }
    done();
  }

  private decide(): AppError | null {
    this.kind = classifyHead(this.head, this.name, this.declaredType);
    if (this.kind === 'html')
      return refused('is an HTML page, which we do not store: upload it as a PDF or an export of the page instead');
    return null;
  }

  private scan(chunk: Buffer): AppError | null {
    const text = this.tail + chunk.toString('latin1').toLowerCase();
    this.tail = text.slice(-SCAN_OVERLAP);
    const what = activeMarkup(text);
    return what ? refused(`is SVG or XML containing ${what}, which we do not store: remove it or upload a PDF or PNG`) : null;
  }
}

/** RequestFileTooLargeError from @fastify/multipart: the part hit its fileSize limit. */
function isMultipartTooLarge(e: unknown): boolean {
  return (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/** Checks, stores and records one file; over the limit 413, refused 400; nothing is kept on failure. */
export async function storeFile(db: Db, store: BlobStore, actor: Actor, orgId: string, file: NewFile): Promise<StoredFile> {
  const nameProblem = fileNameProblem(file.name);
  if (nameProblem) {
    file.stream.resume(); // drain the part so the request can finish
    throw refused(nameProblem, 'file.name');
  }
  // @fastify/multipart ends a part cut at its size limit normally, flagging
  // it (and the 'limit' event may be long past): fail the store's pipeline at
  // the end, before it keeps the truncated bytes.
  const truncated = () =>
    (file.stream as { truncated?: boolean }).truncated ? new PayloadTooLargeError(file.maxBytes ?? 0) : null;
  const inspector = new Inspector(file.name, file.declaredType, truncated);
  file.stream.on('error', (e) => inspector.destroy(e));
  let blob: Awaited<ReturnType<BlobStore['put']>>;
  try {
    blob = await store.put(file.stream.pipe(inspector), { maxBytes: file.maxBytes });
  } catch (e) {
    if (isMultipartTooLarge(e) && file.maxBytes) throw new PayloadTooLargeError(file.maxBytes);
    throw e;
  }
  const row: Row<'stored_files'> = {
    id: uuidv7(),
    org_id: orgId,
    sha256: blob.sha256,
    name: file.name.normalize('NFC'),
    media_type: mediaTypeOf(inspector.firstBytes, file.name, inspector.kind ?? 'other', file.declaredType),
    size: blob.size,
    uploaded_by: actor.userId,
    uploaded_at: nowIso(),
  };
  const stored = present(row);
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('stored_files').values(row).execute();
    await appendAudit(tx, actor, { orgId, entityType: 'file', entityId: row.id, action: 'file.uploaded', after: stored });
  });
  return stored;
}

function present(row: Row<'stored_files'>): StoredFile {
  return {
    id: row.id,
    orgId: row.org_id,
    sha256: row.sha256,
    name: row.name,
    mediaType: row.media_type,
    size: Number(row.size),
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

/** The org's file, or null when it does not exist or belongs to another organization. */
export async function getStoredFile(db: Executor, orgId: string, id: string): Promise<StoredFile | null> {
  const row = await db.selectFrom('stored_files').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? present(row) : null;
}

// Evidence and document pages read their files' details: compiled once.
const filesIn = orgRowsIn('stored_files', 'id');

/** Several of the org's files in one query (others' ids are simply absent from the map). */
export async function getStoredFiles(db: Executor, orgId: string, ids: string[]): Promise<Map<string, StoredFile>> {
  const rows = await filesIn(db, orgId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, present(r)]));
}

/** The org's file and its checked content; 404 for another org's id, 500 blob-corrupted for changed bytes. */
export async function openStoredFile(
  db: Executor,
  store: BlobStore,
  orgId: string,
  id: string,
): Promise<{ file: StoredFile; content: Readable }> {
  const file = await getStoredFile(db, orgId, id);
  if (!file) throw notFound('File');
  return { file, content: await store.get(file.sha256) };
}

/**
 * Sends a stored file as a download that can never run in our origin: an
 * attachment, a safe content type, nosniff and a sandboxing CSP.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFile, content: Readable): FastifyReply {
  return reply
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .header('content-length', String(file.size))
    .type(servedContentType(file.mediaType))
    .send(content);
}
