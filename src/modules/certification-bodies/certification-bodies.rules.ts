// Pure rules of choosing a certification body (journey step 9): the words for
// the checklist, the warnings a candidate carries, and the planning estimate
// of audit days a quote request shows. No database here: unit-tested beside.

export const PARTY_KINDS = ['certification-body', 'partner', 'consultant', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const TRISTATE = ['yes', 'no', 'unknown'] as const;
export type Tristate = (typeof TRISTATE)[number];

export const BODY_STATUSES = ['candidate', 'chosen', 'rejected'] as const;
export type BodyStatus = (typeof BODY_STATUSES)[number];

export const CHOICE_REASONS = [
  'accredited-scope',
  'buyer-recognition',
  'verification-route',
  'timeline',
  'surveillance-terms',
  'price',
  'international-name',
  'other',
] as const;
export type ChoiceReason = (typeof CHOICE_REASONS)[number];

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  'certification-body': 'Certification body',
  partner: 'Partner or reseller',
  consultant: 'Consultant',
  other: 'Other',
};

export const STATUS_LABELS: Record<BodyStatus, string> = { candidate: 'Candidate', chosen: 'Chosen', rejected: 'Rejected' };

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

export const BODY_WARNINGS = [
  'no-iso42001-accreditation',
  'not-iaf-mla',
  'price-only-choice',
  'issuer-not-certification-body',
  'no-verification-route',
  'surveillance-unclear',
] as const;
export type BodyWarningCode = (typeof BODY_WARNINGS)[number];

export interface BodyWarning {
  code: BodyWarningCode;
  message: string;
}

/** What the warnings read of a candidate. */
export interface WarningInput {
  partyKind: PartyKind;
  accreditedForIso42001: Tristate;
  iafMlaSignatory: Tristate;
  verificationRoute: string;
  surveillanceTermsClear: boolean;
  choiceReasons: readonly ChoiceReason[];
}

/** Reasons that say nothing about whether the certificate will be trusted. */
const WEAK_REASONS: readonly ChoiceReason[] = ['price', 'international-name'];

/**
 * The warnings of one candidate, in checklist order. Each is something a
 * buyer or an auditor could later hold against the choice; choosing a body
 * that still carries one needs a reason written down.
 */
export function bodyWarnings(b: WarningInput): BodyWarning[] {
  const out: BodyWarning[] = [];
  if (b.accreditedForIso42001 !== 'yes')
    out.push({
      code: 'no-iso42001-accreditation',
      message:
        b.accreditedForIso42001 === 'no'
          ? 'The accreditation does not cover ISO/IEC 42001: the certificate would not be accredited.'
          : 'No accreditation for ISO/IEC 42001 is recorded: check the accreditation body’s register for this scope.',
    });
  if (b.iafMlaSignatory !== 'yes')
    out.push({
      code: 'not-iaf-mla',
      message:
        b.iafMlaSignatory === 'no'
          ? 'The accreditation body does not sign the IAF MLA: buyers abroad may not recognise the certificate.'
          : 'Whether the accreditation body signs the IAF MLA is not recorded.',
    });
  if (b.choiceReasons.length > 0 && b.choiceReasons.every((r) => WEAK_REASONS.includes(r)))
    out.push({
      code: 'price-only-choice',
      message:
        'The only reasons given are price or an international-sounding name: say how the accredited scope, verification route and buyer expectations line up.',
    });
  if (b.partyKind !== 'certification-body')
    out.push({
      code: 'issuer-not-certification-body',
      message: `A ${PARTY_KIND_LABELS[b.partyKind].toLowerCase()} is recorded as the issuer: only a certification body issues the certificate; record the body behind it.`,
    });
  if (!b.verificationRoute.trim())
    out.push({
      code: 'no-verification-route',
      message: 'No verification route is recorded: say how a buyer checks a certificate this body issues.',
    });
  if (!b.surveillanceTermsClear)
    out.push({
      code: 'surveillance-unclear',
      message: 'The surveillance audit terms are not clear yet: ask how often, how long and at what price.',
    });
  return out;
}

export const WARNING_LABELS: Record<BodyWarningCode, string> = {
  'no-iso42001-accreditation': 'No ISO/IEC 42001 accreditation recorded',
  'not-iaf-mla': 'Accreditation body not an IAF MLA signatory',
  'price-only-choice': 'Chosen on price or name only',
  'issuer-not-certification-body': 'Issuer is not a certification body',
  'no-verification-route': 'No verification route',
  'surveillance-unclear': 'Surveillance terms unclear',
};

/**
 * Pairs each warning with the reason given for it. A warning without a
 * non-blank reason is an error on body.reasons.<code>; reasons for warnings
 * the body does not carry are dropped.
 */
export function acceptWarnings(
  warnings: BodyWarning[],
  reasons: Partial<Record<string, string>> = {},
): { accepted: (BodyWarning & { reason: string })[]; errors: { field: string; message: string }[] } {
  const accepted: (BodyWarning & { reason: string })[] = [];
  const errors: { field: string; message: string }[] = [];
  for (const w of warnings) {
    const reason = reasons[w.code]?.trim();
    if (reason) accepted.push({ ...w, reason });
    else errors.push({ field: `body.reasons.${w.code}`, message: `give a reason to choose this body despite: ${w.message}` });
  }
  return { accepted, errors };
}

// ---- planning estimate of audit days ---------------------------------------

/** The organization's AI roles, as the profile holds them (ISO/IEC 22989). */
export type AiRole = 'provider' | 'producer' | 'customer' | 'partner';

export const ESTIMATE_CAVEAT =
  'Planning estimate only: the certification body decides the audit time from its own rules and what it learns about your organization. This is not a quote.';

/**
 * Initial audit days for 1-10 people in AI roles, after one published AIMS
 * example: a provider, developer or user role about 3.5 days, a producer
 * about 5, several roles about 6.5. A customer is the "user"; a partner
 * (integrator, data supplier) we count with the developer and provider.
 */
const ROLE_BASE: Record<AiRole, number> = { provider: 3.5, customer: 3.5, partner: 3.5, producer: 5 };
const SEVERAL_ROLES_BASE = 6.5;

/**
 * Headcount bands and how much more time each takes than 1-10 people. Our
 * own steps, shaped like the headcount tables bodies use for other
 * management systems (time grows with people, more slowly than headcount).
 */
export const HEADCOUNT_BANDS: readonly { upTo: number; label: string; factor: number }[] = [
  { upTo: 10, label: '1-10', factor: 1 },
  { upTo: 25, label: '11-25', factor: 1.25 },
  { upTo: 50, label: '26-50', factor: 1.5 },
  { upTo: 100, label: '51-100', factor: 2 },
  { upTo: 250, label: '101-250', factor: 2.5 },
  { upTo: 500, label: '251-500', factor: 3 },
  { upTo: 1000, label: '501-1000', factor: 3.5 },
  { upTo: Number.POSITIVE_INFINITY, label: 'over 1000', factor: 4 },
];

/** Each site beyond the first adds a tenth of the time, up to half again. */
export const SITE_STEP = 0.1;
export const SITE_CAP = 0.5;
/** Share of the initial audit spent in Stage 1 (readiness and documents). */
export const STAGE1_SHARE = 0.3;

export interface EstimateInput {
  employeeCount: number | null;
  aiRoles: readonly AiRole[];
  siteCount: number;
}

export interface AuditDayEstimate {
  initialDays: number;
  stage1Days: number;
  stage2Days: number;
  /** each yearly surveillance audit: about a third of the initial audit */
  surveillanceDays: number;
  /** the recertification audit: about two thirds of the initial audit */
  recertificationDays: number;
  /** the steps of the estimate in words, in order */
  basis: string[];
  /** what the estimate assumed because the profile did not say */
  assumptions: string[];
  caveat: string;
}

const halfDays = (d: number) => Math.ceil(d * 2 - 1e-9) / 2;
const days = (d: number) => `${d} ${d === 1 ? 'day' : 'days'}`;

/** A planning estimate of audit days with its basis in words; the caveat is always there. */
export function estimateAuditDays(input: EstimateInput): AuditDayEstimate {
  const basis: string[] = [];
  const assumptions: string[] = [];
  const roles = [...new Set(input.aiRoles)];
  let base: number;
  if (roles.length === 0) {
    base = ROLE_BASE.provider;
    assumptions.push('No AI role is recorded: one role (provider, developer or user) is assumed.');
    basis.push(`One AI role assumed: about ${days(base)} for 1-10 people in AI roles.`);
  } else if (roles.length > 1) {
    base = SEVERAL_ROLES_BASE;
    basis.push(`Several AI roles (${roles.join(', ')}): about ${days(base)} for 1-10 people in AI roles.`);
  } else {
    base = ROLE_BASE[roles[0] as AiRole];
    basis.push(`AI role ${roles[0]}: about ${days(base)} for 1-10 people in AI roles.`);
  }

  const people = input.employeeCount;
  if (people === null) assumptions.push('No employee count is recorded: the smallest band (1-10) is assumed.');
  const band = HEADCOUNT_BANDS.find((b) => (people ?? 1) <= b.upTo) ?? HEADCOUNT_BANDS[0];
  if (band.factor !== 1)
    basis.push(`${people} employees (band ${band.label}): times ${band.factor}, as time grows with the people audited.`);
  else if (people !== null) basis.push(`${people} employees (band ${band.label}): no increase.`);

  const sites = Math.max(1, input.siteCount);
  if (input.siteCount < 1) assumptions.push('No site is recorded: one site is assumed.');
  const siteExtra = Math.min(SITE_CAP, (sites - 1) * SITE_STEP);
  if (siteExtra > 0)
    basis.push(
      `${sites} sites: ${Math.round(siteExtra * 100)}% more for the ${sites - 1} beyond the first (a tenth each, at most half again).`,
    );

  const initialDays = Math.max(1.5, halfDays(base * band.factor * (1 + siteExtra)));
  const stage1Days = Math.max(1, halfDays(initialDays * STAGE1_SHARE));
  const stage2Days = initialDays - stage1Days;
  const surveillanceDays = Math.max(1, halfDays(initialDays / 3));
  const recertificationDays = Math.max(1, halfDays((initialDays * 2) / 3));
  basis.push(
    `Initial audit about ${days(initialDays)}, rounded up to half days: Stage 1 about ${days(stage1Days)} (readiness and documents), Stage 2 about ${days(stage2Days)}.`,
    `Each yearly surveillance audit about a third of that (${days(surveillanceDays)}); recertification about two thirds (${days(recertificationDays)}).`,
  );
  return {
    initialDays,
    stage1Days,
    stage2Days,
    surveillanceDays,
    recertificationDays,
    basis,
    assumptions,
    caveat: ESTIMATE_CAVEAT,
  };
}
