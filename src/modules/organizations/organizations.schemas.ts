import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.js';
import { country, isoDate, line, requiredLine, slug, text, uuid } from '../../platform/http/fields.js';

export const roleSchema = z.enum(ROLES);

export const organizationSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), createdAt: z.string(), role: roleSchema.optional() })
  .meta({ id: 'Organization' });

export const createOrganizationBody = z.strictObject({ name: requiredLine(200), slug: slug().optional() });

export const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    /** the account is disabled: no sign-in, no session, no token works */
    disabled: z.boolean(),
  })
  .meta({ id: 'Member' });

export const updateMemberBody = z.strictObject({
  role: roleSchema.optional(),
  expiresAt: z.iso.datetime().nullable().optional(),
});

// The AI roles of ISO/IEC 22989 an organization can hold; several at once.
export const AI_ROLES = ['provider', 'producer', 'customer', 'partner'] as const;
export const aiRoleSchema = z.enum(AI_ROLES);

export const siteSchema = z.strictObject({
  id: uuid().optional(),
  name: requiredLine(200),
  address: text(1000).pipe(z.string().trim().min(1, 'must not be empty')),
  country: country(),
});

export const certificationHeldSchema = z
  .strictObject({
    standard: z.enum(['ISO/IEC 27001', 'ISO 9001', 'other']),
    name: line(200).optional(),
    certificateNumber: line(100).optional(),
    certificationBody: line(200).optional(),
    expiresOn: isoDate().optional(),
  })
  .refine((c) => c.standard !== 'other' || (c.name && c.name.length > 0), {
    message: 'name the standard when it is "other"',
    path: ['name'],
  });

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;

export const profileBody = z.strictObject({
  legalName: line(300).nullable(),
  country: country().nullable(),
  employeeCount: z.number().int().min(1).max(10_000_000).nullable(),
  sector: line(200).nullable(),
  aiRoles: z.array(aiRoleSchema).max(4).refine(uniqueItems, 'must not repeat a role'),
  sites: z.array(siteSchema).max(500),
  certifications: z.array(certificationHeldSchema).max(50),
  targetMarkets: z.array(requiredLine(100)).max(100),
});

export const profileSchema = profileBody
  .extend({
    sites: z.array(siteSchema.extend({ id: z.string() })),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'OrganizationProfile' });

export type ProfileInput = z.infer<typeof profileBody>;
export type Profile = z.infer<typeof profileSchema>;
export type Site = Profile['sites'][number];
