import type { BODY_STATUSES, PARTY_KINDS, TRISTATE } from './certification-bodies.rules.js';

// The certification bodies module's tables. Only this module queries them;
// others ask through its index.ts (certificationBodySummary,
// chosenCertificationBody, the 'certification-body' link kind).

declare module '../../platform/db/tables.js' {
  interface DB {
    certification_bodies: CertificationBodiesTable;
    certification_body_settings: CertificationBodySettingsTable;
  }
}

type Tri = (typeof TRISTATE)[number];

export interface CertificationBodiesTable {
  id: string;
  org_id: string;
  name: string;
  /** name folded, for sorting and matching */
  name_key: string;
  /** who would issue the certificate */
  party_kind: (typeof PARTY_KINDS)[number];
  country: string | null;
  website: string | null;
  accredited_for_iso42001: Tri;
  accreditation_body: string | null;
  /** accreditation number or scope reference */
  accreditation_reference: string | null;
  iaf_mla_signatory: Tri;
  /** how a buyer verifies a certificate: a URL or words */
  verification_route: string;
  listed_in_iaf_certsearch: Tri;
  /** JSON array of markets the certificate is recognised in */
  buyer_markets: string;
  buyer_notes: string;
  earliest_stage1_on: string | null;
  timeline_notes: string;
  /** 1 when the surveillance terms are clear */
  surveillance_terms_clear: number;
  surveillance_notes: string;
  quote_amount: number | null;
  quote_currency: string | null;
  quote_received_on: string | null;
  quote_valid_until: string | null;
  days_stage1: number | null;
  days_stage2: number | null;
  days_surveillance: number | null;
  days_recertification: number | null;
  /** JSON array of CHOICE_REASONS */
  choice_reasons: string;
  choice_note: string;
  notes: string;
  status: (typeof BODY_STATUSES)[number];
  chosen_at: string | null;
  chosen_by_user_id: string | null;
  chosen_by_name: string | null;
  /** JSON: the warnings open when it was chosen, with the reason given for each */
  accepted_warnings: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface CertificationBodySettingsTable {
  org_id: string;
  /** YYYY-MM: when the organization would like its Stage 2 audit */
  desired_stage2_month: string | null;
  updated_at: string;
}
