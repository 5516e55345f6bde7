import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type { AUDIENCE_KINDS } from './training.rules.js';

// The training module's tables. Only this module queries them; others ask
// through its index.ts (trainingSummary, trainingDue).

declare module '../../platform/db/tables.js' {
  interface DB {
    training_topics: TrainingTopicsTable;
    training_records: TrainingRecordsTable;
    training_member_teams: TrainingMemberTeamsTable;
    training_criteria: TrainingCriteriaTable;
  }
}

export interface TrainingTopicsTable {
  id: string;
  org_id: string;
  /** TRN-001 is number_seq 1; unique per organization */
  number_seq: number;
  /** which of the seven starting topics this is; null for the organization's own */
  seed_key: string | null;
  title: string;
  /** title folded, for sorting and matching an import's topic column */
  title_key: string;
  description: string;
  audience_kind: (typeof AUDIENCE_KINDS)[number];
  /** JSON array of governance role ids (audience 'roles') */
  audience_role_ids: string;
  /** JSON array of team names (audience 'teams') */
  audience_teams: string;
  /** null: once is enough */
  refresher_months: number | null;
  document_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface TrainingRecordsTable {
  id: string;
  org_id: string;
  topic_id: string;
  person_user_id: string | null;
  person_name: string | null;
  person_email: string | null;
  completed_on: string;
  expires_on: string | null;
  /** 1: expires_on was given; 0: derived from the topic's refresher (recomputed when the dates change) */
  expires_given: number;
  evidence_id: string | null;
  evidence_url: string | null;
  file_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface TrainingMemberTeamsTable {
  org_id: string;
  user_id: string;
  team: string;
  updated_at: string;
}

export interface TrainingCriteriaTable {
  id: string;
  org_id: string;
  applies_kind: 'role' | 'team';
  role_id: string | null;
  team: string | null;
  criterion: string;
  /** JSON array of training topic ids */
  required_topic_ids: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export const idsColumn = jsonColumn(z.array(z.string()));
