import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { z } from 'zod';
import type { Permission } from '../auth/roles.js';
import type { Executor } from '../db/db.js';
import { type OrgAccess, requireOrgPermission } from './auth-context.js';
import { invalid } from './errors.js';
import { isUuid, problemSchema, uuid } from './fields.js';
import { addRouteHook } from './route-hooks.js';

// Every route under /api/v1/orgs/:orgId declares the permission it needs in
// its options (`config: { permission: 'write' }`). The platform checks it
// before the body is even read, so someone outside the organization
// learns nothing (404) and a viewer's write is refused (403) whatever it
// sends. A route that declares nothing stops the server from starting: a
// forgotten check cannot ship.

export const ORG_ROUTE_PREFIX = '/api/v1/orgs/:orgId';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the org permission this route needs; required under /api/v1/orgs/:orgId */
    permission?: Permission;
  }
  interface FastifyRequest {
    /** set by the platform on org routes once the declared permission is checked */
    org: OrgAccess | null;
  }
}

export const orgParams = z.object({ orgId: uuid() });

/** The problem responses every org route may answer with. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
} as const;

/** The access the platform checked for this request. */
export function orgAccess(req: FastifyRequest): OrgAccess {
  if (!req.org) throw new Error(`${req.method} ${req.routeOptions.url} is not an org route with a declared permission`);
  return req.org;
}

export function installOrgRoutes(app: FastifyInstance, db: Executor) {
  app.decorateRequest('org', null);
  app.addHook('onRoute', (route) => {
    if (route.url !== ORG_ROUTE_PREFIX && !route.url.startsWith(`${ORG_ROUTE_PREFIX}/`)) return;
    const permission = (route.config as { permission?: Permission } | undefined)?.permission;
    if (!permission) {
      throw new Error(`${route.method} ${route.url} declares no permission: add config: { permission } to its options`);
    }
    // The OpenAPI document shows it, so one test can sweep every operation.
    route.schema = { ...route.schema, ['x-permission' as string]: permission };
    // onRequest: after authentication, before the body is read or parsed.
    const check: onRequestHookHandler = async (req) => {
      const { orgId } = req.params as { orgId: string };
      // A malformed id names the field, as validation would have; it reveals nothing.
      if (!isUuid(orgId)) throw invalid([{ field: 'params.orgId', message: 'must be a UUID' }]);
      req.org = await requireOrgPermission(req, db, orgId, permission);
    };
    addRouteHook(route, 'onRequest', check, 'first');
  });
}
