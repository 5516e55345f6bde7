import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../platform/http/auth-context.js';
import { sendDownload } from '../platform/http/download.js';
import { notFound } from '../platform/http/errors.js';
import { problemSchema } from '../platform/http/fields.js';
import {
  CATALOGUE_VERSION,
  CROSSWALKS,
  catalogue,
  catalogueSchema,
  crosswalkById,
  crosswalkDetail,
  crosswalkDetailSchema,
  crosswalkParams,
  crosswalkQuery,
  crosswalkSummary,
  crosswalkSummarySchema,
  toCsv,
} from './index.js';

// The catalogue is the same for every organization, so any signed-in user
// (session or API token) may read it; it is not org-scoped.

const tags = ['catalogue'];
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/catalogue/iso42001',
    {
      schema: {
        tags,
        summary: 'ISO/IEC 42001 requirements and Annex A controls with OpenAIMS guidance, and the twelve review areas',
        response: { 200: catalogueSchema, ...errors },
      },
    },
    async (req) => {
      requireUser(req);
      return catalogue();
    },
  );

  app.get(
    '/api/v1/catalogue/crosswalks',
    {
      schema: {
        tags,
        summary: 'The crosswalks from other frameworks to ISO/IEC 42001',
        response: { 200: z.object({ items: z.array(crosswalkSummarySchema) }), ...errors },
      },
    },
    async (req) => {
      requireUser(req);
      return { items: CROSSWALKS.map(crosswalkSummary) };
    },
  );

  app.get(
    '/api/v1/catalogue/crosswalks/:id',
    {
      schema: {
        tags,
        summary: 'One crosswalk with every link; ?format=csv downloads it as text/csv',
        description:
          'With format=csv the 200 response is text/csv (RFC 4180, CRLF line ends, UTF-8 with a byte order mark; a cell that would start a formula gets a leading apostrophe) with the columns iso42001_id, iso42001_title, target_id, target_title, rationale, sent as an attachment.',
        params: crosswalkParams,
        querystring: crosswalkQuery,
        response: { 200: crosswalkDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      requireUser(req);
      const crosswalk = crosswalkById(req.params.id);
      if (!crosswalk) throw notFound('Crosswalk');
      if (req.query.format === 'csv') {
        // Fastify sends a string with a non-JSON content type as is, past the zod serializer.
        return sendDownload(reply, {
          filename: `openaims-${crosswalk.id}-${CATALOGUE_VERSION}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body: toCsv(crosswalk),
        });
      }
      return crosswalkDetail(crosswalk);
    },
  );
};
