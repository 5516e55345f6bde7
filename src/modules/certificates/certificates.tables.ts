import type { DECISION_OUTCOMES, IAF_MLA_ANSWERS, STORED_STATUSES } from './certificates.rules.js';

// The certificates module's tables. Only this module queries them; others ask
// through its index.ts (certificateSummary).

declare module '../../platform/db/tables.js' {
  interface DB {
    certification_decisions: CertificationDecisionsTable;
    certificates: CertificatesTable;
  }
}

export interface CertificationDecisionsTable {
  id: string;
  org_id: string;
  /** the certification audit decided on (stage-2, recertification or special) */
  audit_id: string;
  /** "CA-002 Stage 2", kept as recorded */
  audit_label: string;
  audit_type: string;
  outcome: (typeof DECISION_OUTCOMES)[number];
  decided_on: string;
  /** who decided at the certification body */
  decided_by: string;
  notes: string;
  /** the cycle a granted decision starts (JSON, DecisionCycle), null otherwise */
  cycle: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface CertificatesTable {
  id: string;
  org_id: string;
  decision_id: string;
  organization_name: string;
  standard: string;
  scope_statement: string;
  /** the approved AIMS scope version the certificate was issued against */
  scope_version: number | null;
  /** JSON: [{ name, country }] */
  sites: string;
  certificate_number: string;
  /** lower-cased, trimmed: what uniqueness and the public lookup compare */
  certificate_number_key: string;
  issue_date: string;
  expiry_date: string;
  issuing_body_name: string;
  certification_body_id: string | null;
  accreditation_body: string;
  accreditation_number: string;
  iaf_mla: (typeof IAF_MLA_ANSWERS)[number];
  verification_route: string;
  iaf_cert_search_listed: number;
  /** expired is derived from expiry_date, never stored */
  status: (typeof STORED_STATUSES)[number];
  status_reason: string;
  status_changed_on: string | null;
  published: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** One public verification lookup: counted per client IP for the rate limit. */
