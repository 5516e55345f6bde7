import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  registerRoutes,
  staleProblemSchema,
  withStale,
} from '../../platform/register/index.js';
import { approveAssessment } from './impact-assessments.approve.js';
import { assessmentMethod, scalesOf } from './impact-assessments.method.js';
import { impactAssessmentRegister } from './impact-assessments.register.js';
import {
  approveBody,
  assessmentListQuery,
  createAssessmentBody,
  type ImpactAssessment,
  impactAssessmentDetailSchema,
  impactAssessmentSchema,
  scalesSchema,
  updateAssessmentBody,
} from './impact-assessments.schemas.js';
import { withVersions } from './impact-assessments.service.js';

const tags = ['impact-assessments'];
const params = orgParams.extend({ assessmentId: uuid() });

export const impactAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  registerRoutes(app, impactAssessmentRegister, {
    path: 'impact-assessments',
    idParam: 'assessmentId',
    tags,
    itemSchema: impactAssessmentSchema,
    detailSchema: impactAssessmentDetailSchema,
    detail: (db, orgId, item) => withVersions(db, orgId, item as ImpactAssessment),
    listQuery: assessmentListQuery,
    createBody: createAssessmentBody,
    updateBody: updateAssessmentBody,
    summaries: {
      list: 'AI system impact assessments in force and in draft (superseded ones on request)',
      create:
        'Start an impact assessment of an AI system (a reassessment when one is approved); purpose, context and misuse left out are taken over',
      get: 'An impact assessment, with the other assessments of its AI system',
      update: 'Change a draft impact assessment',
      archive: 'Archive an impact assessment (kept with its history)',
      restore: 'Restore an archived impact assessment',
      history: "The impact assessment's change history from the audit log",
    },
  });

  app.get(
    '/api/v1/orgs/:orgId/impact-assessments/scales',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "The risk method's likelihood and severity scales and levels that impacts are rated on",
        params: orgParams,
        response: { 200: scalesSchema, ...problemResponses },
      },
    },
    async (req) => scalesOf(await assessmentMethod(db, orgAccess(req).orgId)),
  );

  app.post(
    '/api/v1/orgs/:orgId/impact-assessments/:assessmentId/approve',
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary:
          'Approve a draft impact assessment: supersedes the one in force and raises a risk for each residual impact above the acceptance threshold',
        description: IF_MATCH_NOTE,
        params,
        headers: ifMatchHeaders,
        body: approveBody,
        response: {
          200: impactAssessmentDetailSchema,
          ...problemResponses,
          409: staleProblemSchema(impactAssessmentSchema),
        },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return withStale(reply, async () => {
        const { item, etag } = await approveAssessment(db, access.actor, access.orgId, req.params.assessmentId, {
          ifMatch: ifMatchOf(req),
        });
        reply.header('etag', etag);
        return withVersions(db, access.orgId, item);
      });
    },
  );
};
