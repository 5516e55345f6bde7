import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../http/org-routes.js';
import {
  etagOf,
  expectedUpdatedAt,
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  staleProblemSchema,
  withStale,
} from '../register/concurrency.js';
import type { RecordRef, VersionedRecord } from './versioned.types.js';
import { approveBody, compareQuery, type versionedSchemas } from './versioned.schemas.js';

// The HTTP API of a versioned record under /api/v1/orgs/:orgId<path>:
//   GET    <path>                    approved version and draft   (read)
//   PUT    <path>/draft              save the draft               (write)
//   DELETE <path>/draft              discard the draft            (write)
//   POST   <path>/draft/approve      approve the draft            (approve)
//   GET    <path>/versions           every version, newest first  (read)
//   GET    <path>/versions/:version  one version                  (read)
//   GET    <path>/compare?from&to    what changed                 (read)

type Operation = 'overview' | 'saveDraft' | 'discardDraft' | 'approve' | 'versions' | 'version' | 'compare';

export interface VersionedRoutesOptions {
  /** under the org prefix: "/scope", or "/documents/:documentId" for a keyed record */
  path: string;
  tags: string[];
  schemas: ReturnType<typeof versionedSchemas>;
  /** the path parameter that holds a keyed record's key, and its schema */
  keyParam?: { name: string; schema: z.ZodType<string> };
  /** OpenAPI summaries that differ from the defaults */
  summaries?: Partial<Record<Operation, string>>;
}

export function registerVersionedRoutes<C, D>(
  app: FastifyInstance,
  db: Db,
  record: VersionedRecord<C, D>,
  opts: VersionedRoutesOptions,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { label } = record.definition;
  const base = `${ORG_ROUTE_PREFIX}${opts.path}`;
  const summary = (op: Operation, fallback: string) => opts.summaries?.[op] ?? fallback;
  const params = opts.keyParam ? orgParams.extend({ [opts.keyParam.name]: opts.keyParam.schema }) : orgParams;
  const { schemas, tags } = opts;
  // Handlers return what the kit returns; the response schemas, built from
  // the same content schema, check and serialise it.
  const ref = (p: unknown): RecordRef => {
    const values = p as Record<string, string>;
    return opts.keyParam ? { orgId: values.orgId, key: values[opts.keyParam.name] } : { orgId: values.orgId };
  };
  const accessRef = (req: Parameters<typeof orgAccess>[0]) => {
    orgAccess(req);
    return ref(req.params);
  };

  r.get(
    base,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: summary('overview', `The approved ${label} and the draft`),
        params,
        response: { 200: schemas.overview, ...problemResponses },
      },
    },
    async (req, reply) => {
      const overview = await record.getOverview(db, accessRef(req));
      // the draft's version: what PUT draft, approve and discard take as If-Match
      return reply.header('etag', etagOf((overview.draft as { updatedAt?: string } | null)?.updatedAt)).send(overview as never);
    },
  );

  r.put(
    `${base}/draft`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: summary('saveDraft', `Save the ${label} draft (starts a new version after an approval)`),
        params,
        description: IF_MATCH_NOTE,
        headers: ifMatchHeaders,
        body: schemas.saveDraftBody,
        response: { 200: schemas.version, ...problemResponses, 409: staleProblemSchema(schemas.version) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const saved = await record.saveDraft(db, access.actor, ref(req.params), (req.body as { content: C }).content, {
          expectedUpdatedAt: expectedUpdatedAt(ifMatchOf(req)),
        });
        return reply.header('etag', etagOf((saved as { updatedAt: string }).updatedAt)).send(saved as never);
      }),
  );

  r.delete(
    `${base}/draft`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: summary('discardDraft', `Discard the ${label} draft`),
        description: IF_MATCH_NOTE,
        headers: ifMatchHeaders,
        params,
        response: { 204: z.null(), ...problemResponses, 409: staleProblemSchema(schemas.version) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        await record.discardDraft(db, access.actor, ref(req.params), { expectedUpdatedAt: expectedUpdatedAt(ifMatchOf(req)) });
        return reply.code(204).send(null);
      }),
  );

  r.post(
    `${base}/draft/approve`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: summary('approve', 'Approve the draft: it becomes an immutable version'),
        description: IF_MATCH_NOTE,
        headers: ifMatchHeaders,
        params,
        body: approveBody,
        response: { 200: schemas.version, ...problemResponses, 409: staleProblemSchema(schemas.version) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        return (await record.approve(db, access.actor, ref(req.params), {
          note: req.body.note,
          exceptions: req.body.exceptions,
          expectedUpdatedAt: expectedUpdatedAt(ifMatchOf(req)),
        })) as never;
      }),
  );

  r.get(
    `${base}/versions`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: summary('versions', `Every ${label} version, newest first`),
        params,
        response: { 200: z.object({ items: z.array(schemas.version) }), ...problemResponses },
      },
    },
    async (req) => ({ items: (await record.listVersions(db, accessRef(req))) as never[] }),
  );

  r.get(
    `${base}/versions/:version`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: summary('version', `One ${label} version`),
        params: params.extend({ version: z.coerce.number().int().min(1) }),
        response: { 200: schemas.version, ...problemResponses },
      },
    },
    async (req) => (await record.getVersion(db, accessRef(req), Number(req.params.version))) as never,
  );

  r.get(
    `${base}/compare`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: summary('compare', `What changed between two ${label} versions`),
        params,
        querystring: compareQuery,
        response: { 200: schemas.comparison, ...problemResponses },
      },
    },
    async (req) => record.compare(db, accessRef(req), req.query.from, req.query.to),
  );
}
