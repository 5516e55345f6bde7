import { z } from 'zod';
import { email, password, requiredLine } from '../../platform/http/fields.js';
import { organizationSchema } from '../organizations/index.js';

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'User' });

export const sessionSchema = z
  .object({ user: userSchema, csrfToken: z.string().nullable(), organizations: z.array(organizationSchema) })
  .meta({ id: 'Session' });

export const setupBody = z.strictObject({
  email: email(),
  password: password(),
  name: requiredLine(200),
  orgName: requiredLine(200),
});

export const signInBody = z.strictObject({ email: email(), password: z.string().min(1).max(256) });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createTokenBody = z.strictObject({ name: requiredLine(100) });
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() }).meta({ id: 'CreatedApiToken' });
