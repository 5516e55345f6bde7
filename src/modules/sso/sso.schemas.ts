import { z } from 'zod';
import { line, uuid } from '../../platform/http/fields.js';

// Request and response shapes of single sign-on.

/** Roles a member added on first sign-in may get: never owner (an owner is chosen by a person). */
export const JIT_ROLES = ['admin', 'editor', 'contributor', 'viewer'] as const;

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const emailDomain = () =>
  z.string().trim().toLowerCase().regex(DOMAIN, 'must be a domain name such as example.com (no @, no scheme)');

export const ssoSettingsSchema = z.object({
  /** false: the organization has no single sign-on; the other fields show the defaults */
  configured: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  /** the secret itself is never returned */
  hasSecret: z.boolean(),
  allowedDomains: z.array(z.string()),
  defaultRole: z.enum(JIT_ROLES),
  enforce: z.boolean(),
  breakGlassUserId: z.string().nullable(),
  /** the address to register at the provider as the redirect URI */
  redirectUri: z.string(),
  updatedAt: z.string().nullable(),
});
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

export const putSsoBody = z.strictObject({
  issuer: z.url({ protocol: /^https?$/, error: 'must be the provider’s issuer URL (https://…)' }).max(500),
  clientId: line(300).pipe(z.string().min(1, 'must not be empty')),
  /** omit to keep the stored secret; null to remove it (a public client) */
  clientSecret: z.string().min(1).max(1000).nullable().optional(),
  allowedDomains: z
    .array(emailDomain())
    .min(1, 'must list at least one email domain')
    .max(50)
    .refine((d) => new Set(d).size === d.length, 'must not repeat a domain'),
  defaultRole: z.enum(JIT_ROLES).default('viewer'),
  enforce: z.boolean().default(false),
  breakGlassUserId: uuid().nullable().default(null),
});
export type PutSsoBody = z.infer<typeof putSsoBody>;

export const startBody = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email('must be a valid email address'))
    .transform((s) => s.toLowerCase()),
});

export const startResponse = z.object({ authorizationUrl: z.string() });

export const callbackQuery = z.looseObject({
  state: z.string().max(500).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});
