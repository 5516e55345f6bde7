import { z } from 'zod';
import { email, isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import {
  AUDIT_OUTCOMES,
  AUDIT_STATUSES,
  CERTIFICATION_AUDIT_TYPES,
  type CertificationAuditType,
  FINDING_GRADES,
  REQUEST_STATUSES,
  TEAM_ROLES,
} from './certification-audits.rules.js';

// A certification audit: its type, the body and its team, the planned and
// actual days, the sites visited, the requirements sampled, and what the
// audit concluded. The audit room's requests and findings sit beside it.

export const teamMember = z
  .strictObject({ name: requiredLine(200), email: email().nullable().default(null), role: z.enum(TEAM_ROLES) })
  .meta({ id: 'CertificationAuditTeamMember' });

const fields = {
  type: z.enum(CERTIFICATION_AUDIT_TYPES),
  /** 1 or 2, for surveillance audits only */
  surveillanceNumber: z.number().int().min(1).max(2).nullable(),
  /** a certification body record (link kind certification-body) */
  certificationBodyId: uuid().nullable(),
  plannedStart: isoDate(),
  plannedEnd: isoDate(),
  actualStart: isoDate().nullable(),
  actualEnd: isoDate().nullable(),
  status: z.enum(AUDIT_STATUSES),
  team: z.array(teamMember).max(50),
  /** names of the organization's sites (profile) or free text */
  sites: z.array(requiredLine(200)).max(200),
  /** catalogue ids: clauses (9.2.1) and Annex A controls (A.6.2.6) */
  requirementsSampled: z.array(requiredLine(20)).max(200),
  /** Stage 1: ready-for-stage-2 or not-ready; other audits: recommended, recommended-after-corrections, not-recommended */
  outcome: z.enum(AUDIT_OUTCOMES),
  notes: text(8000),
};

export const createAuditBody = z.strictObject({
  ...fields,
  surveillanceNumber: fields.surveillanceNumber.default(null),
  certificationBodyId: fields.certificationBodyId.default(null),
  actualStart: fields.actualStart.default(null),
  actualEnd: fields.actualEnd.default(null),
  status: fields.status.default('planned'),
  team: fields.team.default([]),
  sites: fields.sites.default([]),
  requirementsSampled: fields.requirementsSampled.default([]),
  outcome: fields.outcome.default('pending'),
  notes: fields.notes.default(''),
});
export const updateAuditBody = z.strictObject(fields).partial();

export type AuditRecord = Omit<z.infer<typeof createAuditBody>, 'type'> & {
  type: CertificationAuditType;
  computed?: { numberSeq: number };
};

const counts = z.object({
  /** requests the organization has not answered */
  openRequests: z.number().int(),
  /** answered, waiting for the auditor to close them */
  answeredRequests: z.number().int(),
  /** major and minor findings whose nonconformity is not closed */
  openFindings: z.number().int(),
  findings: z.number().int(),
});

export const auditSchema = z
  .object({
    id: z.string(),
    /** CA-001, per organization */
    number: z.string(),
    /** "CA-001 Stage 2" */
    label: z.string(),
    type: z.enum(CERTIFICATION_AUDIT_TYPES),
    surveillanceNumber: z.number().int().nullable(),
    certificationBodyId: z.string().nullable(),
    certificationBody: z.object({ id: z.string(), label: z.string() }).nullable(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    /** actual when recorded, else planned */
    startDate: z.string(),
    endDate: z.string(),
    status: z.enum(AUDIT_STATUSES),
    team: z.array(z.object({ name: z.string(), email: z.string().nullable(), role: z.enum(TEAM_ROLES) })),
    sites: z.array(z.string()),
    requirementsSampled: z.array(z.object({ id: z.string(), title: z.string() })),
    outcome: z.enum(AUDIT_OUTCOMES),
    notes: z.string(),
    counts,
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'CertificationAudit' });
export type CertificationAudit = z.infer<typeof auditSchema>;

const SORTS = ['number', 'startDate', 'updatedAt'] as const;
export const AUDIT_SORT_VALUES = SORTS.flatMap((s) => [s, `-${s}`] as const);

export const auditListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(AUDIT_SORT_VALUES as [string, ...string[]]).default('-startDate'),
  /** a number such as CA-002 */
  q: line(200).optional(),
  type: z.enum(CERTIFICATION_AUDIT_TYPES).optional(),
  status: z.enum(AUDIT_STATUSES).optional(),
  includeArchived: queryFlag().optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

// ---------------------------------------------------------------- audit room

export const auditParams = z.object({ orgId: uuid(), auditId: uuid() });
export const requestParams = auditParams.extend({ requestId: uuid() });
export const accessParams = auditParams.extend({ userId: uuid() });

export const grantAccessBody = z.strictObject({
  email: email(),
  name: requiredLine(200).optional(),
  password: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
});

export const accessGrantSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    /** access starts at 00:00 UTC on the audit's first day */
    startsAt: z.string().nullable(),
    /** and ends at 00:00 UTC the day after its last day, or when ended by hand */
    expiresAt: z.string().nullable(),
    grantedAt: z.string(),
    revokedAt: z.string().nullable(),
    /** whether the auditor can sign in to the organization right now */
    active: z.boolean(),
  })
  .meta({ id: 'CertificationAuditAccess' });

export const linkInput = z.strictObject({ type: requiredLine(50), id: requiredLine(100) });

export const createRequestBody = z.strictObject({
  title: requiredLine(300),
  detail: text(8000).default(''),
  dueDate: isoDate().nullable().default(null),
});
export const respondBody = z.strictObject({
  note: text(8000).pipe(z.string().trim().min(1, 'must not be empty')),
  links: z.array(linkInput).max(100).default([]),
});

export const requestSchema = z
  .object({
    id: z.string(),
    auditId: z.string(),
    /** R1, R2... per audit */
    number: z.string(),
    title: z.string(),
    detail: z.string(),
    dueDate: z.string().nullable(),
    status: z.enum(REQUEST_STATUSES),
    raisedBy: z.string(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    responses: z.array(
      z.object({
        id: z.string(),
        note: z.string(),
        by: z.string(),
        createdAt: z.string(),
        links: z.array(z.object({ type: z.string(), id: z.string(), label: z.string(), archived: z.boolean() })),
      }),
    ),
  })
  .meta({ id: 'CertificationAuditRequest' });
export type AuditRequest = z.infer<typeof requestSchema>;

export const createFindingBody = z.strictObject({
  grade: z.enum(FINDING_GRADES),
  /** catalogue id; required for major and minor findings */
  requirementId: requiredLine(20).nullable().default(null),
  statement: text(8000).pipe(z.string().trim().min(1, 'must not be empty')),
  evidence: text(8000).default(''),
});

export const findingSchema = z
  .object({
    id: z.string(),
    auditId: z.string(),
    /** F1, F2... per audit */
    number: z.string(),
    grade: z.enum(FINDING_GRADES),
    requirementId: z.string().nullable(),
    requirementTitle: z.string().nullable(),
    statement: z.string(),
    evidence: z.string(),
    /** the nonconformity a major or minor finding opened, with its state now */
    nonconformity: z
      .object({ id: z.string(), number: z.string(), status: z.string(), closed: z.boolean(), closedOn: z.string().nullable() })
      .nullable(),
    /** the improvement an observation or opportunity logged */
    improvementId: z.string().nullable(),
    /** said when the organization's grade scale lacked the grade */
    gradeNote: z.string().nullable(),
    raisedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CertificationAuditFinding' });
export type AuditFinding = z.infer<typeof findingSchema>;
