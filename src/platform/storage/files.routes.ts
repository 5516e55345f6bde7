import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid, notFound } from '../http/errors.js';
import { problemSchema, uuid } from '../http/fields.js';
import { orgAccess, problemResponses } from '../http/org-routes.js';
import { getStoredFile, openStoredFile, sendStoredFile, storeFile } from './files.js';
import { storedFileSchema } from './storage.schemas.js';

// Upload and download of evidence files. The upload is streamed from the
// request into the blob store (never buffered): the multipart part's size
// limit is the upload limit, and Fastify's JSON body limit does not apply to
// it. Downloads always leave as attachments (see sendStoredFile).

const fileParams = z.object({ orgId: uuid(), fileId: uuid() });

// Documents the multipart body; the part itself is read with req.file(), so
// the validated body is empty (null, hence nullish).
const uploadBody = z
  .object({ file: z.string().meta({ format: 'binary', description: 'the file; its name is the part file name' }) })
  .nullish();

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const maxBytes = Math.floor(app.config.uploadMaxMb * 1024 * 1024);
  // Scoped to this plugin: other routes keep refusing multipart bodies.
  // preservePath: we refuse a name with path parts instead of silently cutting it.
  await app.register(multipart, { preservePath: true, limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });

  app.post(
    '/api/v1/orgs/:orgId/files',
    {
      config: { permission: 'write' },
      schema: {
        tags: ['files'],
        summary: 'Upload a file (multipart/form-data, one part named file)',
        description:
          'Streamed into the evidence store under its SHA-256. Refused: names with path parts or control characters, ' +
          'over 255 bytes or empty; empty files; files over the upload limit (413); HTML pages (upload a PDF or ' +
          'export instead); SVG or XML with script, event handlers or javascript: URLs.',
        consumes: ['multipart/form-data'],
        params: z.object({ orgId: uuid() }),
        body: uploadBody,
        response: { 201: storedFileSchema, ...problemResponses, 413: problemSchema },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const noFile = invalid([{ field: 'file', message: 'send multipart/form-data with one file part named file' }]);
      if (!req.isMultipart()) throw noFile;
      const part = await req.file();
      if (!part) throw noFile;
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw noFile;
      }
      const stored = await storeFile(db, app.storage, access.actor, access.orgId, {
        name: part.filename,
        stream: part.file,
        declaredType: part.mimetype,
        maxBytes,
      });
      return reply.code(201).send(stored);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/files/:fileId',
    {
      config: { permission: 'read' },
      schema: {
        tags: ['files'],
        summary: "A stored file's metadata",
        params: fileParams,
        response: { 200: storedFileSchema, ...problemResponses },
      },
    },
    async (req) => {
      const file = await getStoredFile(db, orgAccess(req).orgId, req.params.fileId);
      if (!file) throw notFound('File');
      return file;
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/files/:fileId/content',
    {
      config: { permission: 'read' },
      schema: {
        tags: ['files'],
        summary: "A stored file's content, always as a download (checked against its SHA-256 first)",
        produces: ['application/octet-stream'],
        params: fileParams,
        response: { 200: z.any().describe('the file'), ...problemResponses, 500: problemSchema },
      },
    },
    async (req, reply) => {
      const { file, content } = await openStoredFile(db, app.storage, orgAccess(req).orgId, req.params.fileId);
      return sendStoredFile(reply, file, content);
    },
  );
};
