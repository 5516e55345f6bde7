// Words of the certification body comparison (journey step 9).

export type PartyKind = 'certification-body' | 'partner' | 'consultant' | 'other';
export type Tristate = 'yes' | 'no' | 'unknown';
export type BodyStatus = 'candidate' | 'chosen' | 'rejected';
export type ChoiceReason =
  | 'accredited-scope'
  | 'buyer-recognition'
  | 'verification-route'
  | 'timeline'
  | 'surveillance-terms'
  | 'price'
  | 'international-name'
  | 'other';
export type WarningCode =
  | 'no-iso42001-accreditation'
  | 'not-iaf-mla'
  | 'price-only-choice'
  | 'issuer-not-certification-body'
  | 'no-verification-route'
  | 'surveillance-unclear';

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  'certification-body': 'Certification body',
  partner: 'Partner or reseller',
  consultant: 'Consultant',
  other: 'Other',
};

export const TRISTATE_LABELS: Record<Tristate, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };

export const STATUS_LABELS: Record<BodyStatus, string> = { candidate: 'Candidate', chosen: 'Chosen', rejected: 'Rejected' };
export const STATUS_COLORS: Record<BodyStatus, string> = { candidate: 'blue', chosen: 'teal', rejected: 'gray' };

export const CHOICE_REASON_LABELS: Record<ChoiceReason, string> = {
  'accredited-scope': 'Accredited scope',
  'buyer-recognition': 'Buyer recognition',
  'verification-route': 'Verification route',
  timeline: 'Timeline',
  'surveillance-terms': 'Surveillance terms',
  price: 'Price',
  'international-name': 'Sounds international',
  other: 'Other',
};

export const WARNING_LABELS: Record<WarningCode, string> = {
  'no-iso42001-accreditation': 'No ISO/IEC 42001 accreditation',
  'not-iaf-mla': 'Not an IAF MLA signatory',
  'price-only-choice': 'Chosen on price or name only',
  'issuer-not-certification-body': 'Issuer is not a certification body',
  'no-verification-route': 'No verification route',
  'surveillance-unclear': 'Surveillance terms unclear',
};

/** Field names as the form and the change history show them. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  partyKind: 'Who issues the certificate',
  country: 'Country',
  website: 'Website',
  accreditedForIso42001: 'Accreditation covers ISO/IEC 42001',
  accreditationBody: 'Accreditation body',
  accreditationReference: 'Accreditation number or scope reference',
  iafMlaSignatory: 'Accreditation body signs the IAF MLA',
  verificationRoute: 'Verification route',
  listedInIafCertSearch: 'Listed in IAF CertSearch',
  buyerMarkets: 'Markets it is recognised in',
  buyerNotes: 'Buyer fit notes',
  earliestStage1On: 'Earliest Stage 1 offered',
  timelineNotes: 'Timeline notes',
  surveillanceTermsClear: 'Surveillance terms clear',
  surveillanceNotes: 'Surveillance notes',
  quoteAmount: 'Quote amount',
  quoteCurrency: 'Currency',
  quoteReceivedOn: 'Quote received',
  quoteValidUntil: 'Quote valid until',
  daysStage1: 'Stage 1 days',
  daysStage2: 'Stage 2 days',
  daysSurveillance: 'Days per surveillance audit',
  daysRecertification: 'Recertification days',
  choiceReasons: 'Reasons for the choice',
  choiceNote: 'Note on the reasons',
  notes: 'Notes',
  status: 'Status',
  acceptedWarnings: 'Warnings accepted',
  replaced: 'Replaced as chosen',
  replacedBy: 'Chosen instead',
};

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency ?? 'EUR', maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}

export const daysText = (d: number | null) => (d === null ? '—' : `${d} ${d === 1 ? 'day' : 'days'}`);
