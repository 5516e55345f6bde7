import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../audit-log/audit-log.routes.js';
import { uuid } from '../http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../http/org-routes.js';
import { IF_MATCH_NOTE, ifMatchHeaders, ifMatchOf, StaleWrite, staleProblemSchema, withStale } from './concurrency.js';
import type { RegisterRoutesSpec } from './definition.js';
import { type AnyRegister, createRecord, getRecord, listRecords, recordHistory, setArchived, updateRecord } from './store.js';

/**
 * The routes every register has, under /api/v1/orgs/:orgId/<path>: list,
 * create, get, update, archive, restore, history. A register adds its own
 * routes (reviews, merge, summary...) beside them.
 */
export function registerRoutes<D extends AnyRegister>(app: FastifyInstance, def: D, spec: RegisterRoutesSpec<unknown>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database.db;
  const base = `/api/v1/orgs/:orgId/${spec.path}`;
  const { tags, summaries: s } = spec;
  const detailSchema = spec.detailSchema ?? spec.itemSchema;
  const detail = (orgId: string, item: unknown) => (spec.detail ? spec.detail(db, orgId, item) : item);
  const withEtag = { headers: ifMatchHeaders };
  // Fastify names the id after the register in OpenAPI: ':supplierId', not ':recordId'.
  const path = (p: string) => p.replace(':recordId', `:${spec.idParam}`);
  const idOf = (p: Record<string, string>) => p[spec.idParam];
  const paramsSchema = orgParams.extend({ [spec.idParam]: uuid() });

  r.get(
    base,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: s.list,
        params: orgParams,
        querystring: spec.listQuery,
        response: { 200: z.object({ items: z.array(spec.itemSchema), nextCursor: z.string().nullable() }), ...problemResponses },
      },
    },
    async (req) => listRecords(db, def, orgAccess(req).orgId, req.query as never),
  );

  r.post(
    base,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: s.create,
        params: orgParams,
        body: spec.createBody,
        response: { 201: spec.itemSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { item, etag } = await createRecord(db, access.actor, def, access.orgId, req.body as never);
      return reply.code(201).header('etag', etag).send(item);
    },
  );

  r.get(
    path(`${base}/:recordId`),
    {
      config: { permission: 'read' },
      schema: { tags, summary: s.get, params: paramsSchema, response: { 200: detailSchema, ...problemResponses } },
    },
    async (req, reply) => {
      const { orgId } = orgAccess(req);
      const { item, etag } = await getRecord(db, def, orgId, idOf(req.params as Record<string, string>));
      return reply.header('etag', etag).send(await detail(orgId, item));
    },
  );

  r.patch(
    path(`${base}/:recordId`),
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: s.update,
        description: IF_MATCH_NOTE,
        params: paramsSchema,
        ...withEtag,
        body: spec.updateBody,
        response: { 200: detailSchema, ...problemResponses, 409: staleProblemSchema(detailSchema) },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const id = idOf(req.params as Record<string, string>);
      try {
        const { item, etag } = await updateRecord(db, access.actor, def, access.orgId, id, req.body as never, {
          ifMatch: ifMatchOf(req),
        });
        return reply.header('etag', etag).send(await detail(access.orgId, item));
      } catch (e) {
        if (!(e instanceof StaleWrite)) throw e;
        // the current record as a read shows it
        const current = await detail(access.orgId, e.current);
        return withStale(reply, () => Promise.reject(new StaleWrite(def.noun, current, e.etag)));
      }
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      path(`${base}/:recordId/${action}`),
      {
        config: { permission: 'write' },
        schema: {
          tags,
          summary: archived ? s.archive : s.restore,
          params: paramsSchema,
          response: { 200: detailSchema, ...problemResponses },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const id = idOf(req.params as Record<string, string>);
        const { item, etag } = await setArchived(db, access.actor, def, access.orgId, id, archived);
        return reply.header('etag', etag).send(await detail(access.orgId, item));
      },
    );
  }

  r.get(
    path(`${base}/:recordId/history`),
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: s.history,
        params: paramsSchema,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...problemResponses },
      },
    },
    async (req) => ({
      items: await recordHistory(db, def, orgAccess(req).orgId, idOf(req.params as Record<string, string>)),
    }),
  );
}
