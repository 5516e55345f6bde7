import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import * as repo from './certification-bodies.repository.js';
import { BODY_WARNINGS, bodyWarnings, CHOICE_REASONS } from './certification-bodies.rules.js';
import type { BodyListQuery, BodyRecord, CertificationBody } from './certification-bodies.schemas.js';

// The candidate certification bodies on the register kit: one row per
// candidate, its warnings computed from the checklist on every read, and
// "chosen" reached only through the choose action (certification-bodies.service.ts).

const stringsColumn = jsonColumn(z.array(z.string()));
const reasonsColumn = jsonColumn(z.array(z.enum(CHOICE_REASONS)));
export const acceptedColumn = jsonColumn(
  z.array(z.object({ code: z.enum(BODY_WARNINGS), message: z.string(), reason: z.string() })),
);

export function rowToRecord(r: Row<'certification_bodies'>): BodyRecord {
  return {
    name: r.name,
    partyKind: r.party_kind,
    country: r.country,
    website: r.website,
    accreditedForIso42001: r.accredited_for_iso42001,
    accreditationBody: r.accreditation_body,
    accreditationReference: r.accreditation_reference,
    iafMlaSignatory: r.iaf_mla_signatory,
    verificationRoute: r.verification_route,
    listedInIafCertSearch: r.listed_in_iaf_certsearch,
    buyerMarkets: stringsColumn.read(r.buyer_markets),
    buyerNotes: r.buyer_notes,
    earliestStage1On: r.earliest_stage1_on,
    timelineNotes: r.timeline_notes,
    surveillanceTermsClear: Number(r.surveillance_terms_clear) === 1,
    surveillanceNotes: r.surveillance_notes,
    quoteAmount: r.quote_amount === null ? null : Number(r.quote_amount),
    quoteCurrency: r.quote_currency,
    quoteReceivedOn: r.quote_received_on,
    quoteValidUntil: r.quote_valid_until,
    daysStage1: r.days_stage1 === null ? null : Number(r.days_stage1),
    daysStage2: r.days_stage2 === null ? null : Number(r.days_stage2),
    daysSurveillance: r.days_surveillance === null ? null : Number(r.days_surveillance),
    daysRecertification: r.days_recertification === null ? null : Number(r.days_recertification),
    choiceReasons: reasonsColumn.read(r.choice_reasons),
    choiceNote: r.choice_note,
    notes: r.notes,
    status: r.status,
  };
}

function toColumns(input: BodyRecord) {
  return {
    name: input.name,
    name_key: fold(input.name),
    party_kind: input.partyKind,
    country: input.country,
    website: input.website?.trim() ? input.website : null,
    accredited_for_iso42001: input.accreditedForIso42001,
    accreditation_body: input.accreditationBody?.trim() ? input.accreditationBody : null,
    accreditation_reference: input.accreditationReference?.trim() ? input.accreditationReference : null,
    iaf_mla_signatory: input.iafMlaSignatory,
    verification_route: input.verificationRoute,
    listed_in_iaf_certsearch: input.listedInIafCertSearch,
    buyer_markets: stringsColumn.write(input.buyerMarkets),
    buyer_notes: input.buyerNotes,
    earliest_stage1_on: input.earliestStage1On,
    timeline_notes: input.timelineNotes,
    surveillance_terms_clear: input.surveillanceTermsClear ? 1 : 0,
    surveillance_notes: input.surveillanceNotes,
    quote_amount: input.quoteAmount,
    quote_currency: input.quoteCurrency,
    quote_received_on: input.quoteReceivedOn,
    quote_valid_until: input.quoteValidUntil,
    days_stage1: input.daysStage1,
    days_stage2: input.daysStage2,
    days_surveillance: input.daysSurveillance,
    days_recertification: input.daysRecertification,
    choice_reasons: reasonsColumn.write(input.choiceReasons),
    choice_note: input.choiceNote,
    notes: input.notes,
    status: input.status,
  };
}

/** Rules across fields zod cannot see one at a time. */
export function crossFieldErrors(input: BodyRecord): FieldError[] {
  const errors: FieldError[] = [];
  if (input.quoteAmount !== null && !input.quoteCurrency)
    errors.push({ field: 'body.quoteCurrency', message: 'is required with a quote amount' });
  if (input.quoteReceivedOn && input.quoteValidUntil && input.quoteValidUntil < input.quoteReceivedOn)
    errors.push({ field: 'body.quoteValidUntil', message: 'must not be before the day the quote was received' });
  if (input.choiceReasons.includes('other') && !input.choiceNote.trim())
    errors.push({ field: 'body.choiceNote', message: 'is required when "other" is a reason: say what it is' });
  return errors;
}

async function prepareBody(tx: Executor, orgId: string, input: BodyRecord, _ctx: undefined, id: string) {
  const errors = crossFieldErrors(input);
  if (input.status === 'chosen') {
    const stored = await findRow(tx, certificationBodyRegister, orgId, id);
    if (stored?.status !== 'chosen')
      errors.push({ field: 'body.status', message: 'is set to chosen only by choosing the body (POST .../choose)' });
  }
  return { value: input, errors };
}

export function firstCycleDays(r: BodyRecord): number | null {
  const { daysStage1: s1, daysStage2: s2, daysSurveillance: sv } = r;
  return s1 === null || s2 === null || sv === null ? null : s1 + s2 + 2 * sv;
}

export function presentRow(r: Row<'certification_bodies'>): CertificationBody {
  const rec = rowToRecord(r);
  return {
    id: r.id,
    ...rec,
    firstCycleDays: firstCycleDays(rec),
    warnings: bodyWarnings(rec),
    choice:
      rec.status === 'chosen' && r.chosen_at
        ? {
            at: r.chosen_at,
            by: { userId: r.chosen_by_user_id, name: r.chosen_by_name ?? '' },
            acceptedWarnings: r.accepted_warnings ? acceptedColumn.read(r.accepted_warnings) : [],
          }
        : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
}

export const certificationBodyRegister: RegisterDefinition<'certification_bodies', BodyRecord, CertificationBody, undefined> = {
  table: 'certification_bodies',
  entityType: 'certification_body',
  noun: 'certification body',
  async context() {
    return undefined;
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns,
  present: async (_db, _orgId, rows) => rows.map(presentRow),
  prepare: prepareBody,
  list: {
    sorts: {
      name: { expression: (eb) => eb.ref('certification_bodies.name_key'), value: (r) => r.name_key },
      updatedAt: { expression: (eb) => eb.ref('certification_bodies.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: 'name',
    filter(query, q) {
      return repo.filterBodies(query, q as Partial<BodyListQuery>);
    },
  },
};
