import type { BodyInput, CertificationBody } from '../hooks/useCertificationBodies';
import {
  CHOICE_REASON_LABELS,
  type ChoiceReason,
  PARTY_KIND_LABELS,
  type PartyKind,
  STATUS_LABELS,
  TRISTATE_LABELS,
  type Tristate,
} from '../labels';

// The candidate form's state and its conversion to the API's body. Numbers
// are kept as the inputs give them ('' when empty).

type Num = number | string;

export interface BodyDraft {
  name: string;
  partyKind: PartyKind;
  country: string | null;
  website: string;
  accreditedForIso42001: Tristate;
  accreditationBody: string;
  accreditationReference: string;
  iafMlaSignatory: Tristate;
  verificationRoute: string;
  listedInIafCertSearch: Tristate;
  buyerMarkets: string[];
  buyerNotes: string;
  earliestStage1On: string;
  timelineNotes: string;
  surveillanceTermsClear: boolean;
  surveillanceNotes: string;
  quoteAmount: Num;
  quoteCurrency: string;
  quoteReceivedOn: string;
  quoteValidUntil: string;
  daysStage1: Num;
  daysStage2: Num;
  daysSurveillance: Num;
  daysRecertification: Num;
  choiceReasons: ChoiceReason[];
  choiceNote: string;
  notes: string;
  /** candidate or rejected: chosen is reached through "Choose this body" */
  status: 'candidate' | 'rejected' | 'chosen';
}

const numOrBlank = (n: number | null | undefined): Num => (n === null || n === undefined ? '' : n);
const numOrNull = (v: Num): number | null => (v === '' || v === null ? null : Number(v));

export function toBodyDraft(b: CertificationBody | null): BodyDraft {
  return {
    name: b?.name ?? '',
    partyKind: b?.partyKind ?? 'certification-body',
    country: b?.country ?? null,
    website: b?.website ?? '',
    accreditedForIso42001: b?.accreditedForIso42001 ?? 'unknown',
    accreditationBody: b?.accreditationBody ?? '',
    accreditationReference: b?.accreditationReference ?? '',
    iafMlaSignatory: b?.iafMlaSignatory ?? 'unknown',
    verificationRoute: b?.verificationRoute ?? '',
    listedInIafCertSearch: b?.listedInIafCertSearch ?? 'unknown',
    buyerMarkets: b?.buyerMarkets ?? [],
    buyerNotes: b?.buyerNotes ?? '',
    earliestStage1On: b?.earliestStage1On ?? '',
    timelineNotes: b?.timelineNotes ?? '',
    surveillanceTermsClear: b?.surveillanceTermsClear ?? false,
    surveillanceNotes: b?.surveillanceNotes ?? '',
    quoteAmount: numOrBlank(b?.quoteAmount),
    quoteCurrency: b?.quoteCurrency ?? '',
    quoteReceivedOn: b?.quoteReceivedOn ?? '',
    quoteValidUntil: b?.quoteValidUntil ?? '',
    daysStage1: numOrBlank(b?.daysStage1),
    daysStage2: numOrBlank(b?.daysStage2),
    daysSurveillance: numOrBlank(b?.daysSurveillance),
    daysRecertification: numOrBlank(b?.daysRecertification),
    choiceReasons: b?.choiceReasons ?? [],
    choiceNote: b?.choiceNote ?? '',
    notes: b?.notes ?? '',
    status: b?.status ?? 'candidate',
  };
}

export function toBodyInput(d: BodyDraft): BodyInput {
  const blank = (s: string) => (s.trim() ? s.trim() : null);
  return {
    name: d.name.trim(),
    partyKind: d.partyKind,
    country: d.country,
    website: blank(d.website),
    accreditedForIso42001: d.accreditedForIso42001,
    accreditationBody: blank(d.accreditationBody),
    accreditationReference: blank(d.accreditationReference),
    iafMlaSignatory: d.iafMlaSignatory,
    verificationRoute: d.verificationRoute.trim(),
    listedInIafCertSearch: d.listedInIafCertSearch,
    buyerMarkets: d.buyerMarkets.map((m) => m.trim()).filter(Boolean),
    buyerNotes: d.buyerNotes.trim(),
    earliestStage1On: d.earliestStage1On || null,
    timelineNotes: d.timelineNotes.trim(),
    surveillanceTermsClear: d.surveillanceTermsClear,
    surveillanceNotes: d.surveillanceNotes.trim(),
    quoteAmount: numOrNull(d.quoteAmount),
    quoteCurrency: d.quoteCurrency.trim() ? d.quoteCurrency.trim().toUpperCase() : null,
    quoteReceivedOn: d.quoteReceivedOn || null,
    quoteValidUntil: d.quoteValidUntil || null,
    daysStage1: numOrNull(d.daysStage1),
    daysStage2: numOrNull(d.daysStage2),
    daysSurveillance: numOrNull(d.daysSurveillance),
    daysRecertification: numOrNull(d.daysRecertification),
    choiceReasons: d.choiceReasons,
    choiceNote: d.choiceNote.trim(),
    notes: d.notes.trim(),
    status: d.status,
  };
}

/** What the browser can tell before asking the server. */
export function localErrors(d: BodyDraft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.name.trim()) e.name = 'Name the body';
  if (d.quoteAmount !== '' && !d.quoteCurrency.trim()) e.quoteCurrency = 'Give the quote’s currency, e.g. EUR';
  if (d.choiceReasons.includes('other') && !d.choiceNote.trim()) e.choiceNote = 'Say what the other reason is';
  return e;
}

/** The values as the conflict dialog compares them, in words. */
export function conflictView(d: BodyDraft): Record<string, unknown> {
  const i = toBodyInput(d);
  return {
    ...i,
    partyKind: PARTY_KIND_LABELS[d.partyKind],
    accreditedForIso42001: TRISTATE_LABELS[d.accreditedForIso42001],
    iafMlaSignatory: TRISTATE_LABELS[d.iafMlaSignatory],
    listedInIafCertSearch: TRISTATE_LABELS[d.listedInIafCertSearch],
    surveillanceTermsClear: d.surveillanceTermsClear ? 'Yes' : 'No',
    buyerMarkets: d.buyerMarkets.join(', '),
    choiceReasons: d.choiceReasons.map((r) => CHOICE_REASON_LABELS[r]).join(', '),
    status: STATUS_LABELS[d.status],
  };
}
