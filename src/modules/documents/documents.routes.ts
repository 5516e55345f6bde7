import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { ifMatchHeaders, ifMatchOf, registerRoutes, staleProblemSchema, withStale } from '../../platform/register/index.js';
import { documentContentRoutes } from './documents.content.routes.js';
import { coreSet } from './documents.core.js';
import { addDays } from './documents.filters.js';
import { createFromTemplate, templateSummaries } from './documents.from-template.js';
import { documentRegister } from './documents.register.js';
import {
  acknowledgeBody,
  acknowledgementsSchema,
  coreSetRowSchema,
  createDocumentBody,
  documentListQuery,
  documentSchema,
  fromTemplateBody,
  retireBody,
  settingsBody,
  settingsSchema,
  submitBody,
  templateSummarySchema,
  updateDocumentBody,
} from './documents.schemas.js';
import * as service from './documents.service.js';
import { todayUtc } from '../../platform/dates.js';

// The document register (clause 7.5) under /api/v1/orgs/:orgId/documents:
// the register kit's seven routes, the core set, templates, settings, and a
// document's own actions (submit for review, retire, acknowledge). Content
// and its versions: documents.content.routes.ts.

const tags = ['documents'];
const base = '/api/v1/orgs/:orgId/documents';
const params = orgParams.extend({ documentId: uuid() });
const withMissing = documentSchema.extend({ missing: z.array(z.string()) }).meta({ id: 'DocumentFromTemplate' });

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  registerRoutes(app, documentRegister, {
    path: 'documents',
    idParam: 'documentId',
    tags,
    itemSchema: documentSchema,
    listQuery: documentListQuery,
    createBody: createDocumentBody,
    updateBody: updateDocumentBody,
    summaries: {
      list: 'Controlled documents (policies, procedures, records) with their status and flags',
      create: 'Add a document to the register (its text is drafted under /content)',
      get: 'A document with its status and flags',
      update: "Change a document's register fields",
      archive: 'Archive a document (kept with its history)',
      restore: 'Restore an archived document',
      history: "The document's change history from the audit log",
    },
  });

  app.get(
    `${base}/core-set`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The core set of documented information and where each is held: live in its module, a document, or missing',
        params: orgParams,
        response: { 200: z.object({ items: z.array(coreSetRowSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await coreSet(db, orgAccess(req).orgId) }),
  );

  app.get(
    `${base}/flags`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Current documents with a flag, those with the most warnings first (at most 200)',
        params: orgParams,
        response: { 200: z.object({ items: z.array(documentSchema), total: z.number().int() }), ...problemResponses },
      },
    },
    async (req) => {
      const today = todayUtc();
      return service.flaggedDocuments(db, orgAccess(req).orgId, { today, soon: addDays(today, 30) });
    },
  );

  app.get(
    `${base}/templates`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Starter templates a document can be created from',
        params: orgParams,
        response: { 200: z.object({ items: z.array(templateSummarySchema) }), ...problemResponses },
      },
    },
    async (req) => {
      orgAccess(req);
      return { items: templateSummaries() };
    },
  );

  app.post(
    `${base}/from-template`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: "A new document from a template, its first draft filled with the organization's facts",
        description: 'missing lists the placeholders no record could fill yet (shown as [unknown: …] in the text).',
        params: orgParams,
        body: fromTemplateBody,
        response: { 201: withMissing, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { item, etag } = await createFromTemplate(db, access.actor, access.orgId, req.body);
      return reply
        .code(201)
        .header('etag', etag)
        .send(item as z.infer<typeof withMissing>);
    },
  );

  app.get(
    `${base}/settings`,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: "The organization's document approval rule",
        params: orgParams,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (req) => service.getSettings(db, orgAccess(req).orgId),
  );

  app.put(
    `${base}/settings`,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Set the approval rule: with requireSecondApprover, whoever wrote or saved a draft may not approve it',
        params: orgParams,
        body: settingsBody,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.putSettings(db, access.actor, access.orgId, req.body);
    },
  );

  app.post(
    `${base}/:documentId/content/draft/submit`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Send the draft for review: the document is "in review" until the draft is approved or discarded',
        headers: ifMatchHeaders,
        params,
        body: submitBody.nullish(),
        response: { 200: documentSchema, ...problemResponses, 409: staleProblemSchema(documentSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const { item, etag } = await service.submitForReview(
          db,
          access.actor,
          access.orgId,
          req.params.documentId,
          req.body?.note,
          ifMatchOf(req),
        );
        return reply.header('etag', etag).send(item);
      }),
  );

  app.post(
    `${base}/:documentId/retire`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Retire a document: it stays readable with its versions, no longer in force and no longer editable',
        headers: ifMatchHeaders,
        params,
        body: retireBody,
        response: { 200: documentSchema, ...problemResponses, 409: staleProblemSchema(documentSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const { item, etag } = await service.retireDocument(
          db,
          access.actor,
          access.orgId,
          req.params.documentId,
          req.body.reason,
          ifMatchOf(req),
        );
        return reply.header('etag', etag).send(item);
      }),
  );

  app.get(
    `${base}/:documentId/acknowledgements`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "Who in the document's audience acknowledged its current approved version",
        params,
        response: { 200: acknowledgementsSchema, ...problemResponses },
      },
    },
    async (req) => service.acknowledgements(db, orgAccess(req).orgId, req.params.documentId),
  );

  app.post(
    `${base}/:documentId/acknowledgements`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Acknowledge, for yourself, that you read the current approved version (twice is the same answer)',
        params,
        body: acknowledgeBody,
        response: { 200: acknowledgementsSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.acknowledge(db, access.actor, access.orgId, req.params.documentId, req.body.version);
    },
  );

  await app.register(documentContentRoutes);
};
