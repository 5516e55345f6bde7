import { z } from 'zod';
import { country, isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { DECISION_OUTCOMES, IAF_MLA_ANSWERS, STORED_STATUSES } from './certificates.rules.js';

// Certification decisions (what the body decided on which audit) and the
// certificates they lead to: every field a certificate shows, plus its status,
// the scope version it was issued against and how a buyer verifies it.

const SHOWN_STATUSES = [...STORED_STATUSES, 'expired'] as const;

const decisionFields = {
  /** the certification audit decided on: a Stage 2, recertification or special audit */
  auditId: uuid(),
  outcome: z.enum(DECISION_OUTCOMES),
  decidedOn: isoDate(),
  /** who decided, at the certification body */
  decidedBy: requiredLine(200),
  notes: text(8000),
};
export const createDecisionBody = z.strictObject({ ...decisionFields, notes: decisionFields.notes.default('') });
export const updateDecisionBody = z.strictObject(decisionFields).partial();

export const decisionCycleSchema = z
  .object({
    outcome: z.enum(['initial', 'renewed', 'restored', 'new-certification']),
    validFrom: z.string(),
    expiry: z.string(),
    /** restored only: the days no certificate was valid */
    uncertified: z.object({ from: z.string(), to: z.string() }).nullable(),
    surveillance: z.array(z.object({ number: z.union([z.literal(1), z.literal(2)]), dueBy: z.string() })),
    recertificationDecisionBy: z.string(),
    majorNonconformityVerifyBy: z.string().nullable(),
  })
  .meta({ id: 'CertificationCycleDates' });

export type DecisionRecord = z.infer<typeof createDecisionBody> & {
  computed?: { auditLabel: string; auditType: string; cycle: z.infer<typeof decisionCycleSchema> | null };
};

export const decisionSchema = z
  .object({
    id: z.string(),
    audit: z.object({ id: z.string(), label: z.string(), type: z.string() }),
    outcome: z.enum(DECISION_OUTCOMES),
    decidedOn: z.string(),
    decidedBy: z.string(),
    notes: z.string(),
    /** granted only: the cycle the decision starts */
    cycle: decisionCycleSchema.nullable(),
    /** rule C and other things to tell the certification body about */
    warnings: z.array(z.string()),
    /** the certificate recorded from this decision, null when none yet */
    certificateId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'CertificationDecision' });
export type Decision = z.infer<typeof decisionSchema>;

export const decisionListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(['decidedOn', '-decidedOn', 'updatedAt', '-updatedAt']).default('-decidedOn'),
  outcome: z.enum(DECISION_OUTCOMES).optional(),
  includeArchived: queryFlag().optional(),
});

/** What the "Record decision" form shows before saving: blocking nonconformities and rule C. */
export const decisionCheckSchema = z
  .object({
    audit: z.object({ id: z.string(), label: z.string(), type: z.string(), endDate: z.string() }),
    /** nonconformity numbers of major findings not closed: "granted" is refused while any is listed */
    blockingNonconformities: z.array(z.string()),
    warnings: z.array(z.string()),
    /** the cycle a grant on this date would start */
    cycle: decisionCycleSchema,
  })
  .meta({ id: 'CertificationDecisionCheck' });

const siteInput = z.strictObject({ name: requiredLine(200), country: country() });

const certificateFields = {
  decisionId: uuid(),
  organizationName: requiredLine(300),
  standard: requiredLine(100),
  scopeStatement: text(20_000).pipe(z.string().trim().min(1, 'must not be empty')),
  scopeVersion: z.number().int().min(1).nullable(),
  sites: z.array(siteInput).max(500),
  certificateNumber: requiredLine(100),
  issueDate: isoDate(),
  expiryDate: isoDate(),
  issuingBody: z.strictObject({
    name: requiredLine(300),
    /** the certification-body record, when the organization keeps one */
    certificationBodyId: uuid().nullable().default(null),
  }),
  /** where applicable: may be left empty */
  accreditation: z.strictObject({
    body: line(300).default(''),
    number: line(200).default(''),
    iafMlaSignatory: z.enum(IAF_MLA_ANSWERS).default('unknown'),
  }),
  /** how a buyer verifies it with the issuing body: its URL or words */
  verificationRoute: text(2000),
  iafCertSearchListed: z.boolean(),
};
export const createCertificateBody = z.strictObject({
  ...certificateFields,
  verificationRoute: certificateFields.verificationRoute.default(''),
  iafCertSearchListed: certificateFields.iafCertSearchListed.default(false),
});
export const updateCertificateBody = z.strictObject(certificateFields).omit({ decisionId: true }).partial();

export type CertificateRecord = z.infer<typeof createCertificateBody>;

export const certificateSchema = z
  .object({
    id: z.string(),
    decisionId: z.string(),
    organizationName: z.string(),
    standard: z.string(),
    scopeStatement: z.string(),
    scopeVersion: z.number().nullable(),
    sites: z.array(z.object({ name: z.string(), country: z.string() })),
    certificateNumber: z.string(),
    issueDate: z.string(),
    expiryDate: z.string(),
    issuingBody: z.object({ name: z.string(), certificationBodyId: z.string().nullable() }),
    accreditation: z.object({ body: z.string(), number: z.string(), iafMlaSignatory: z.enum(IAF_MLA_ANSWERS) }),
    verificationRoute: z.string(),
    iafCertSearchListed: z.boolean(),
    /** expired is derived from the expiry date */
    status: z.enum(SHOWN_STATUSES),
    storedStatus: z.enum(STORED_STATUSES),
    statusReason: z.string(),
    statusChangedOn: z.string().nullable(),
    published: z.boolean(),
    publishedAt: z.string().nullable(),
    /** the public page, when published: /verify/<number> */
    publicPath: z.string().nullable(),
    /** the approved AIMS scope version now, when newer than the one certified */
    approvedScopeVersion: z.number().nullable(),
    warnings: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Certificate' });
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z
    .enum(['issueDate', '-issueDate', 'expiryDate', '-expiryDate', 'certificateNumber', '-certificateNumber'])
    .default('-issueDate'),
  status: z.enum(STORED_STATUSES).optional(),
  published: queryFlag().optional(),
  includeArchived: queryFlag().optional(),
});

/** "New certificate from decision": the create body filled from the decision, profile, scope and chosen body. */
export const certificatePrefillSchema = z
  .object({
    decisionId: z.string(),
    organizationName: z.string(),
    standard: z.string(),
    scopeStatement: z.string(),
    scopeVersion: z.number().nullable(),
    sites: z.array(z.object({ name: z.string(), country: z.string() })),
    certificateNumber: z.string(),
    issueDate: z.string(),
    expiryDate: z.string(),
    issuingBody: z.object({ name: z.string(), certificationBodyId: z.string().nullable() }),
    accreditation: z.object({ body: z.string(), number: z.string(), iafMlaSignatory: z.enum(IAF_MLA_ANSWERS) }),
    verificationRoute: z.string(),
    iafCertSearchListed: z.boolean(),
  })
  .meta({ id: 'CertificatePrefill' });

export const statusChangeBody = z.strictObject({
  status: z.enum(STORED_STATUSES),
  reason: text(4000).pipe(z.string().trim().min(1, 'must say why')),
  /** the day the body changed it */
  on: isoDate(),
});

export const publicCertificateSchema = z
  .object({
    certificateNumber: z.string(),
    organizationName: z.string(),
    standard: z.string(),
    scopeStatement: z.string(),
    sites: z.array(z.object({ name: z.string(), country: z.string() })),
    issueDate: z.string(),
    expiryDate: z.string(),
    status: z.enum(SHOWN_STATUSES),
    statusChangedOn: z.string().nullable(),
    issuingBody: z.string(),
    accreditation: z.object({ body: z.string(), number: z.string(), iafMlaSignatory: z.enum(IAF_MLA_ANSWERS) }),
    /** the last day of the latest completed surveillance audit, null when none yet */
    lastSurveillanceAudit: z.string().nullable(),
    verification: z.object({
      /** the issuing body's route (URL or words); the body is the authority */
      issuingBody: z.string(),
      /** IAF CertSearch, offered when the accreditation is under the IAF MLA */
      iafCertSearch: z.string().nullable(),
      iafCertSearchListed: z.boolean(),
      notice: z.string(),
    }),
  })
  .meta({ id: 'PublicCertificate' });
export type PublicCertificate = z.infer<typeof publicCertificateSchema>;

const timelineItem = z.object({
  kind: z.enum(['decision', 'surveillance', 'recertification', 'expiry']),
  number: z.number().nullable(),
  label: z.string(),
  date: z.string(),
  state: z.enum(['done', 'due', 'overdue']),
  doneBy: z.object({ auditId: z.string().nullable(), date: z.string() }).nullable(),
});

export const cycleSchema = z
  .object({
    certificate: z
      .object({ id: z.string(), certificateNumber: z.string(), status: z.enum(SHOWN_STATUSES), expiryDate: z.string() })
      .nullable(),
    timeline: z.array(timelineItem),
    nextDue: timelineItem.nullable(),
  })
  .meta({ id: 'CertificationCycle' });

const readinessItem = z.object({
  type: z.string(),
  id: z.string(),
  label: z.string(),
  action: z.string(),
  at: z.string(),
  /** the in-app path of the record */
  link: z.string(),
});
export const readinessSchema = z
  .object({
    /** changes are counted from this moment: the end of the last certification audit, else the decision */
    since: z.string().nullable(),
    sinceWhat: z.string(),
    sections: z.array(z.object({ key: z.string(), title: z.string(), count: z.number().int(), items: z.array(readinessItem) })),
  })
  .meta({ id: 'SurveillanceReadiness' });
