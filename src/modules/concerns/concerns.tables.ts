import type { CONCERN_OUTCOMES, CONCERN_STATUSES } from './concerns.rules.js';

// The concerns module's tables. Only this module queries them; others ask
// through its index.ts (concernSummary, concernsDue).
//
// Who raised a concern lives in concern_reporters alone, read only by the
// reporter's own "my concerns" queries: a reviewer's reads (the concern, the
// list, the audit log, notifications) never touch it. A named concern also
// copies the reporter's name into concerns.named_reporter_* for reviewers.

declare module '../../platform/db/tables.js' {
  interface DB {
    concerns: ConcernsTable;
    concern_reporters: ConcernReportersTable;
  }
}

export interface ConcernsTable {
  id: string;
  org_id: string;
  /** CON-001 is number_seq 1; unique per organization */
  number_seq: number;
  ai_system_id: string | null;
  description: string;
  noticed_on: string | null;
  /** 1: reviewers are not told who raised it */
  anonymous: number;
  /** named concerns only: who raised it, as reviewers see them */
  named_reporter_user_id: string | null;
  named_reporter_name: string | null;
  status: (typeof CONCERN_STATUSES)[number];
  outcome: (typeof CONCERN_OUTCOMES)[number] | null;
  incident_id: string | null;
  incident_number: string | null;
  risk_id: string | null;
  risk_number: string | null;
  close_reason: string | null;
  triaged_by_user_id: string | null;
  triaged_by_name: string | null;
  triaged_at: string | null;
  raised_at: string;
  updated_at: string;
}

export interface ConcernReportersTable {
  concern_id: string;
  org_id: string;
  user_id: string;
}
