import type { AUDIT_STATUSES, CertificationAuditType, FindingGrade, REQUEST_STATUSES } from './certification-audits.rules.js';

// The certification audit tables. Only this module queries them; others ask
// through its index.ts (certificationAuditSummary, findingsOfAudits, the refs).

declare module '../../platform/db/tables.js' {
  interface DB {
    certification_audits: CertificationAuditsTable;
    certification_audit_access: CertificationAuditAccessTable;
    certification_audit_requests: CertificationAuditRequestsTable;
    certification_audit_responses: CertificationAuditResponsesTable;
    certification_audit_findings: CertificationAuditFindingsTable;
  }
}

export interface CertificationAuditsTable {
  id: string;
  org_id: string;
  /** CA-001 is 1; per organization */
  number_seq: number;
  type: CertificationAuditType;
  /** 1 or 2 for surveillance audits, else null */
  surveillance_number: number | null;
  /** a record of the certification bodies module (link kind certification-body) */
  certification_body_id: string | null;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  /** actual when recorded, else planned (kept for sorting and the access window) */
  start_date: string;
  end_date: string;
  status: (typeof AUDIT_STATUSES)[number];
  /** JSON array of { name, email, role } */
  team: string;
  /** JSON array of site names */
  sites: string;
  /** JSON array of catalogue ids sampled */
  requirements: string;
  outcome: string;
  notes: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface CertificationAuditAccessTable {
  org_id: string;
  audit_id: string;
  user_id: string;
  granted_at: string;
  /** ended before the audit's last day (DELETE); date changes no longer move it */
  revoked_at: string | null;
}

export interface CertificationAuditRequestsTable {
  id: string;
  org_id: string;
  audit_id: string;
  /** R1 is 1; per audit */
  number_seq: number;
  title: string;
  detail: string;
  due_date: string | null;
  status: (typeof REQUEST_STATUSES)[number];
  raised_by_user_id: string | null;
  raised_by_name: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CertificationAuditResponsesTable {
  id: string;
  org_id: string;
  request_id: string;
  note: string;
  /** JSON array of { type, id } */
  links: string;
  by_user_id: string | null;
  by_name: string;
  created_at: string;
}

export interface CertificationAuditFindingsTable {
  id: string;
  org_id: string;
  audit_id: string;
  /** F1 is 1; per audit */
  number_seq: number;
  grade: FindingGrade;
  requirement_id: string | null;
  statement: string;
  evidence: string;
  /** the nonconformity a major or minor finding opened */
  nonconformity_id: string | null;
  /** the improvement an observation or opportunity logged */
  improvement_id: string | null;
  /** set when the organization's grade scale lacked the finding's grade */
  grade_note: string | null;
  raised_by_user_id: string | null;
  raised_by_name: string;
  created_at: string;
}
