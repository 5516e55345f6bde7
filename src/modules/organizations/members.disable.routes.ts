import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { setMemberDisabled } from './members.disable.js';

const memberParams = orgParams.extend({ userId: uuid() });
/** The member in the path is all these actions need; send `{}`. */
const noBody = z.strictObject({});

const accountStateSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    disabled: z.boolean(),
    /** sessions ended and API tokens revoked by this change (0 when enabling or already disabled) */
    endedSessions: z.number().int(),
    revokedTokens: z.number().int(),
  })
  .meta({ id: 'MemberAccountState' });

/** An owner's or admin's disable and enable of a member's account. */
export const memberAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  for (const action of ['disable', 'enable'] as const) {
    app.post(
      `/api/v1/orgs/:orgId/members/:userId/${action}`,
      {
        config: { permission: 'admin' },
        schema: {
          tags: ['organizations'],
          summary:
            action === 'disable'
              ? "Disable a member's account everywhere: sign-in refused, sessions ended and API tokens revoked at once"
              : "Enable a member's disabled account again (their old sessions and tokens stay ended)",
          params: memberParams,
          body: noBody,
          response: { 200: accountStateSchema, ...problemResponses },
        },
      },
      async (req) => setMemberDisabled(db, orgAccess(req), req.params.userId, action === 'disable'),
    );
  }
};
