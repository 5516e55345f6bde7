import { z } from 'zod';
import { checkPasswordStrength } from '../../platform/auth/password-policy.js';
import { email, password, requiredLine } from '../../platform/http/fields.js';
import { organizationSchema } from '../organizations/index.js';

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'User' });

export const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().nullable(),
    organizations: z.array(organizationSchema),
    /** the password was set by an administrator: every call but changing it answers 403 until then */
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Session' });

export const setupBody = z
  .strictObject({
    email: email(),
    password: password(),
    name: requiredLine(200),
    orgName: requiredLine(200),
  })
  .superRefine((b, ctx) => {
    // Judged again knowing who it is for: "AcmeAda2026!" is weak for Ada at Acme.
    // (a password weak on its own is already refused by its field)
    if (!checkPasswordStrength(b.password, []).ok) return;
    const r = checkPasswordStrength(b.password, [b.email, b.name, b.orgName]);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['password'], message: r.message });
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
    /** null: the token does not expire */
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createTokenBody = z.strictObject({
  name: requiredLine(100),
  /** when the token stops working (ISO-8601 date-time); omit or null for a token that does not expire */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2030-01-31T00:00:00Z' })
    .transform((s) => new Date(s).toISOString())
    .nullable()
    .optional(),
});
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() }).meta({ id: 'CreatedApiToken' });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'must not be empty').max(256),
  newPassword: password(),
});

export const accountSessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    /** the session this request came with */
    current: z.boolean(),
  })
  .meta({ id: 'AccountSession' });

export const temporaryPasswordSchema = z
  .object({ userId: z.string(), email: z.string(), temporaryPassword: z.string() })
  .meta({ id: 'TemporaryPassword' });

export const unlockResultSchema = z
  .object({ userId: z.string(), email: z.string(), clearedAttempts: z.number().int() })
  .meta({ id: 'UnlockResult' });
