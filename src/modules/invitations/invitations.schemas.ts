import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.js';
import { email, password, requiredLine, uuid } from '../../platform/http/fields.js';

export const roleSchema = z.enum(ROLES);

export const inviteBody = z.strictObject({
  email: email(),
  role: roleSchema,
  /** ISO timestamp after which the membership made by accepting ends (for external auditors) */
  expiresAt: z.iso.datetime().optional(),
});

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    /** when the membership made by accepting ends; null: no end */
    expiresAt: z.string().nullable(),
    invitedAt: z.string(),
    /** who invited, as the audit log names them */
    invitedBy: z.string(),
    /** the link works until then */
    acceptBy: z.string(),
    /** whether an email with the link was queued (SMTP configured) and how it went */
    emailState: z.enum(['none', 'pending', 'sent', 'failed']),
  })
  .meta({ id: 'Invitation' });

/** The same answer whether or not an account has the email: nothing here tells. */
export const invitedSchema = z
  .object({
    invitation: invitationSchema,
    /** the one-time link (relative when no public URL is configured); shown now only, never stored */
    acceptUrl: z.string(),
  })
  .meta({ id: 'Invited' });

export const invitationParams = z.object({ orgId: uuid(), invitationId: uuid() });

/** 43 url-safe characters: the 32 random bytes of the link's token. */
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an invitation token') });

export const invitationPreviewSchema = z
  .object({
    organization: z.object({ name: z.string() }),
    email: z.string(),
    role: roleSchema,
    expiresAt: z.string().nullable(),
    acceptBy: z.string(),
    invitedBy: z.string(),
  })
  .meta({ id: 'InvitationPreview' });

/** Signed in as the invited email: send `{}`. Without an account yet: a name and a password create it. */
export const acceptBody = z.strictObject({
  name: requiredLine(200).optional(),
  password: password().optional(),
});

export const acceptedSchema = z
  .object({
    organization: z.object({ id: z.string(), slug: z.string(), name: z.string(), role: roleSchema }),
    /** set when accepting created the account and signed it in */
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'InvitationAccepted' });
