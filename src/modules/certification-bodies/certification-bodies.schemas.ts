import { z } from 'zod';
import { country, isoDate, line, queryFlag, requiredLine, text } from '../../platform/http/fields.js';
import { BODY_STATUSES, BODY_WARNINGS, CHOICE_REASONS, PARTY_KINDS, TRISTATE } from './certification-bodies.rules.js';

// A candidate certification body as the organization compares it: the
// checklist of step 9 (issuer, accreditation, verification, buyer and
// timeline fit, surveillance terms), the quote with its audit days, the
// reasons for the choice and the status.

const auditDays = z.number().min(0).max(500).multipleOf(0.25, 'must be in quarter days').nullable();
const tristate = z.enum(TRISTATE);

const fields = {
  name: requiredLine(200),
  /** who would issue the certificate */
  partyKind: z.enum(PARTY_KINDS),
  country: country().nullable(),
  website: line(500).nullable(),
  accreditedForIso42001: tristate,
  accreditationBody: line(200).nullable(),
  /** accreditation number or scope reference */
  accreditationReference: line(200).nullable(),
  iafMlaSignatory: tristate,
  /** how a buyer verifies a certificate this body issues: a URL or words */
  verificationRoute: text(1000),
  listedInIafCertSearch: tristate,
  /** markets the certificate is recognised in */
  buyerMarkets: z.array(requiredLine(100)).max(50),
  buyerNotes: text(4000),
  earliestStage1On: isoDate().nullable(),
  timelineNotes: text(4000),
  surveillanceTermsClear: z.boolean(),
  surveillanceNotes: text(4000),
  quoteAmount: z.number().min(0).max(100_000_000).nullable(),
  quoteCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code, e.g. EUR')
    .nullable(),
  quoteReceivedOn: isoDate().nullable(),
  quoteValidUntil: isoDate().nullable(),
  daysStage1: auditDays,
  daysStage2: auditDays,
  daysSurveillance: auditDays,
  daysRecertification: auditDays,
  choiceReasons: z
    .array(z.enum(CHOICE_REASONS))
    .max(CHOICE_REASONS.length)
    .refine((a) => new Set(a).size === a.length, 'must not repeat a reason'),
  /** required when "other" is among the reasons */
  choiceNote: text(4000),
  notes: text(8000),
  /** chosen only through the choose action */
  status: z.enum(BODY_STATUSES),
};

export const createBodyBody = z.strictObject({
  ...fields,
  partyKind: fields.partyKind.default('certification-body'),
  country: fields.country.default(null),
  website: fields.website.default(null),
  accreditedForIso42001: tristate.default('unknown'),
  accreditationBody: fields.accreditationBody.default(null),
  accreditationReference: fields.accreditationReference.default(null),
  iafMlaSignatory: tristate.default('unknown'),
  verificationRoute: fields.verificationRoute.default(''),
  listedInIafCertSearch: tristate.default('unknown'),
  buyerMarkets: fields.buyerMarkets.default([]),
  buyerNotes: fields.buyerNotes.default(''),
  earliestStage1On: fields.earliestStage1On.default(null),
  timelineNotes: fields.timelineNotes.default(''),
  surveillanceTermsClear: fields.surveillanceTermsClear.default(false),
  surveillanceNotes: fields.surveillanceNotes.default(''),
  quoteAmount: fields.quoteAmount.default(null),
  quoteCurrency: fields.quoteCurrency.default(null),
  quoteReceivedOn: fields.quoteReceivedOn.default(null),
  quoteValidUntil: fields.quoteValidUntil.default(null),
  daysStage1: auditDays.default(null),
  daysStage2: auditDays.default(null),
  daysSurveillance: auditDays.default(null),
  daysRecertification: auditDays.default(null),
  choiceReasons: fields.choiceReasons.default([]),
  choiceNote: fields.choiceNote.default(''),
  notes: fields.notes.default(''),
  status: fields.status.default('candidate'),
});
export const updateBodyBody = z.strictObject(fields).partial();

export type BodyRecord = z.infer<typeof createBodyBody>;

const warningSchema = z.object({ code: z.enum(BODY_WARNINGS), message: z.string() });

export const bodySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    partyKind: z.enum(PARTY_KINDS),
    country: z.string().nullable(),
    website: z.string().nullable(),
    accreditedForIso42001: tristate,
    accreditationBody: z.string().nullable(),
    accreditationReference: z.string().nullable(),
    iafMlaSignatory: tristate,
    verificationRoute: z.string(),
    listedInIafCertSearch: tristate,
    buyerMarkets: z.array(z.string()),
    buyerNotes: z.string(),
    earliestStage1On: z.string().nullable(),
    timelineNotes: z.string(),
    surveillanceTermsClear: z.boolean(),
    surveillanceNotes: z.string(),
    quoteAmount: z.number().nullable(),
    quoteCurrency: z.string().nullable(),
    quoteReceivedOn: z.string().nullable(),
    quoteValidUntil: z.string().nullable(),
    daysStage1: z.number().nullable(),
    daysStage2: z.number().nullable(),
    daysSurveillance: z.number().nullable(),
    daysRecertification: z.number().nullable(),
    /** Stage 1 + Stage 2 + two surveillance audits: the days of a first three-year cycle; null until all are quoted */
    firstCycleDays: z.number().nullable(),
    choiceReasons: z.array(z.enum(CHOICE_REASONS)),
    choiceNote: z.string(),
    notes: z.string(),
    status: z.enum(BODY_STATUSES),
    /** what the checklist would hold against this body now */
    warnings: z.array(warningSchema),
    /** when it was chosen, by whom, and the reasons given for the warnings it carried then */
    choice: z
      .object({
        at: z.string(),
        by: z.object({ userId: z.string().nullable(), name: z.string() }),
        acceptedWarnings: z.array(warningSchema.extend({ reason: z.string() })),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'CertificationBody' });
export type CertificationBody = z.infer<typeof bodySchema>;

const SORTS = ['name', 'updatedAt'] as const;
export const BODY_SORT_VALUES = SORTS.flatMap((s) => [s, `-${s}`] as const);

export const bodyListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(BODY_SORT_VALUES as [string, ...string[]]).default('name'),
  q: line(200).optional(),
  status: z.enum(BODY_STATUSES).optional(),
  partyKind: z.enum(PARTY_KINDS).optional(),
  includeArchived: queryFlag().optional(),
});
export type BodyListQuery = z.infer<typeof bodyListQuery>;

export const chooseBody = z.strictObject({
  /** a reason for each warning the body carries, by warning code */
  reasons: z.partialRecord(z.enum(BODY_WARNINGS), text(2000)).default({}),
});

export const settingsBody = z.strictObject({
  /** YYYY-MM: the month the organization would like its Stage 2 audit */
  desiredStage2Month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
    .nullable(),
});
export const settingsSchema = settingsBody.extend({ updatedAt: z.string().nullable() }).meta({ id: 'CertificationBodySettings' });

export const summarySchema = z
  .object({
    candidates: z.number().int(),
    chosen: z
      .object({
        id: z.string(),
        name: z.string(),
        accreditedForIso42001: z.boolean().nullable(),
        accreditationBody: z.string().nullable(),
        iafMlaSignatory: z.boolean().nullable(),
        verificationRoute: z.string().nullable(),
      })
      .nullable(),
    warnings: z.number().int(),
  })
  .meta({ id: 'CertificationBodySummary' });
