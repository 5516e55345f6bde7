import type { ACTION_STATUSES, REVIEW_STATUSES } from './management-reviews.rules.js';

// The management review tables. Only this module queries them; others ask
// through its index.ts (managementReviewSummary, reviewActionsDue).

declare module '../../platform/db/tables.js' {
  interface DB {
    management_reviews: ManagementReviewsTable;
    management_review_actions: ManagementReviewActionsTable;
    management_review_settings: ManagementReviewSettingsTable;
  }
}

export interface ManagementReviewsTable {
  id: string;
  org_id: string;
  /** MR-001 is number_seq 1; unique per organization */
  number_seq: number;
  title: string;
  /** title folded, for search and sorting */
  title_key: string;
  /** YYYY-MM-DD */
  meeting_date: string;
  status: (typeof REVIEW_STATUSES)[number];
  chair_user_id: string | null;
  chair_name: string | null;
  chair_email: string | null;
  /** JSON array of people (members or named people) */
  attendees: string;
  /** Markdown */
  minutes: string;
  /** JSON array of { id, text, kind } */
  decisions: string;
  /** what the preparer says is needed (people, budget, tools) */
  resource_needs: string;
  /** JSON: the inputs as compiled when prepared (a frozen snapshot); null until prepared */
  inputs: string | null;
  inputs_prepared_at: string | null;
  /** who prepared them, as the audit log names them */
  inputs_prepared_by: string | null;
  approved_at: string | null;
  approved_by_user_id: string | null;
  approved_by_name: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface ManagementReviewActionsTable {
  id: string;
  org_id: string;
  review_id: string;
  text: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  /** YYYY-MM-DD or null */
  due_date: string | null;
  status: (typeof ACTION_STATUSES)[number];
  /** YYYY-MM-DD when marked done */
  done_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ManagementReviewSettingsTable {
  org_id: string;
  /** JSON array of member ids */
  top_management_user_ids: string;
  updated_at: string;
}
