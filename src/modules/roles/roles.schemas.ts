import { z } from 'zod';
import { line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';

// Governance roles (clause 5.3, Annex A.3.2): who is responsible for what in
// the AI management system, what they may decide, and who stands in for them.

/** The six roles every organization starts with; keys are stable API values. */
export const ROLE_KEYS = [
  'ai-governance-owner',
  'ai-use-approver',
  'ai-risk-reviewer',
  'technical-controls',
  'legal-privacy-review',
  'incident-escalation',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

const roleFields = {
  name: requiredLine(200),
  /** what the role is responsible for, in the organization's words */
  responsibilities: text(4000),
  /** what the role may decide or approve */
  authorities: text(4000),
  holder: personRef.nullable(),
  deputy: personRef.nullable(),
  notes: text(4000),
};

export const createRoleBody = z.strictObject({
  ...roleFields,
  responsibilities: roleFields.responsibilities.default(''),
  authorities: roleFields.authorities.default(''),
  holder: roleFields.holder.default(null),
  deputy: roleFields.deputy.default(null),
  notes: roleFields.notes.default(''),
});
// The key is not a field: a seeded role keeps its key, an own role never gets one.
export const updateRoleBody = z.strictObject(roleFields).partial();

/** A role as stored: the fields people edit, and its seed key. */
export type RoleInput = z.infer<typeof createRoleBody> & { key: string | null };

export const roleFlagSchema = z
  .object({ code: z.string(), field: z.string(), level: z.enum(['warning', 'info']), message: z.string() })
  .meta({ id: 'RoleFlag' });

export const roleSchema = z
  .object({
    id: z.string(),
    /** the seed key of one of the six starting roles; null for the organization's own */
    key: z.enum(ROLE_KEYS).nullable(),
    name: z.string(),
    responsibilities: z.string(),
    authorities: z.string(),
    holder: personSchema.nullable(),
    deputy: personSchema.nullable(),
    notes: z.string(),
    vacant: z.boolean(),
    /** the holder is a member whose membership ended or whose account is disabled */
    holderLeft: z.boolean(),
    flags: z.array(roleFlagSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'GovernanceRole' });
export type Role = z.infer<typeof roleSchema>;

export const roleListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  /** vacancy (default): vacant roles first, then by name */
  sort: z.enum(['vacancy', 'name', '-name', 'updatedAt', '-updatedAt']).optional(),
  q: line(200).optional(),
  /** roles with a warning: vacant, holder left, holder is also the deputy */
  flagged: queryFlag().optional(),
  /** roles nobody holds */
  vacant: queryFlag().optional(),
  /** roles a member holds or deputises */
  memberUserId: uuid().optional(),
  includeArchived: queryFlag().optional(),
});
