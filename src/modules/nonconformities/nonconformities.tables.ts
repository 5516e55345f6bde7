import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type {
  ACTION_STATUSES,
  EFFECTIVENESS_RESULTS,
  NC_STATUSES,
  ROOT_CAUSE_METHODS,
  SOURCE_KINDS,
} from './nonconformities.rules.js';

// The nonconformity register's tables. Only this module queries them; others
// ask through its index.ts (openNonconformity, nonconformitySummary,
// nonconformitiesDue, gradeScale).

declare module '../../platform/db/tables.js' {
  interface DB {
    nonconformities: NonconformitiesTable;
    nonconformity_actions: NonconformityActionsTable;
    nonconformity_settings: NonconformitySettingsTable;
  }
}

export interface NonconformitiesTable {
  id: string;
  org_id: string;
  /** NC-001 is number_seq 1; unique per organization */
  number_seq: number;
  title: string;
  title_key: string;
  description: string;
  source_kind: (typeof SOURCE_KINDS)[number];
  /** the audit item, incident… it was raised from; null when none */
  source_id: string | null;
  source_label: string | null;
  /** a key of the organization's grade scale */
  grade: string;
  /** a catalogue requirement id (clause or Annex A) or one of the organization's own control ids */
  requirement_id: string | null;
  objective_evidence: string;
  /** JSON array of evidence item ids */
  evidence_ids: string;
  correction: string;
  correction_date: string | null;
  containment: string;
  containment_date: string | null;
  root_cause_method: (typeof ROOT_CAUSE_METHODS)[number];
  /** JSON array of up to five answers */
  root_cause_whys: string;
  /** JSON array of cause categories */
  root_cause_categories: string;
  root_cause_summary: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  /** YYYY-MM-DD */
  raised_at: string;
  status: (typeof NC_STATUSES)[number];
  plan_due_date: string;
  evidence_due_date: string;
  effectiveness_planned_on: string | null;
  effectiveness_method: string;
  effectiveness_result: (typeof EFFECTIVENESS_RESULTS)[number] | null;
  effectiveness_checked_on: string | null;
  effectiveness_checked_by_user_id: string | null;
  effectiveness_checked_by_name: string | null;
  effectiveness_checked_by_email: string | null;
  /** when a check last found the actions not effective (it was reopened); null otherwise */
  not_effective_on: string | null;
  /** the nonconformity on the same requirement closed within 12 months before this one was raised */
  recurrence_of: string | null;
  /** corrective actions, kept by the actions' writes (the plan-overdue flag filters on it) */
  action_count: number;
  /** corrective actions not done */
  open_action_count: number;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface NonconformityActionsTable {
  id: string;
  org_id: string;
  nonconformity_id: string;
  title: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  due_date: string | null;
  status: (typeof ACTION_STATUSES)[number];
  done_on: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface NonconformitySettingsTable {
  org_id: string;
  /** JSON array of grades */
  grades: string;
  updated_at: string;
}

export const idList = jsonColumn(z.array(z.string()));
