import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type { ActionStatus, AnswerStatus, AssessmentStatus, Effort } from './gap.rules.js';

// The gap assessment's tables. Only this module queries them; others ask
// through its index.ts. Enum columns carry their unions, so no code casts a
// string; JSON columns are read through zod.

declare module '../../platform/db/tables.js' {
  interface DB {
    gap_assessments: GapAssessmentsTable;
    gap_answers: GapAnswersTable;
    gap_actions: GapActionsTable;
  }
}

export interface GapAssessmentsTable {
  id: string;
  org_id: string;
  title: string;
  assessment_date: string;
  assessor: string;
  catalogue_version: string;
  status: AssessmentStatus;
  /** JSON array of the ids of ISO/IEC 27001 processes the organization reuses */
  reused_isms_processes: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /** the earlier assessment whose answers this one started from (a re-assessment) */
  started_from: string | null;
}

export interface GapAnswersTable {
  assessment_id: string;
  org_id: string;
  requirement_id: string;
  status: AnswerStatus;
  maturity: number | null;
  notes: string;
  justification: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  /** JSON array of { type, id } links to the organization's records */
  links: string;
  updated_by: string | null;
  updated_at: string;
  /** 1 while the answer is still exactly as the ISO/IEC 27001 pre-fill wrote it, else 0 */
  prefilled: number;
  /**
   * When the answer was copied from an earlier assessment. It is carried over
   * (still to confirm) while updated_at <= carried_over_at: a person's save,
   * even unchanged, moves updated_at on and so confirms it.
   */
  carried_over_at: string | null;
}

export interface GapActionsTable {
  id: string;
  org_id: string;
  assessment_id: string;
  requirement_id: string;
  title: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  due_date: string;
  effort: Effort;
  priority: number;
  status: ActionStatus;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export const reusedProcessesColumn = jsonColumn(z.array(z.string()));

/**
 * Stored links, as saved: the type is kept as text so a link of a kind this
 * version no longer offers still reads (gap.links.ts drops it).
 */
export const linksColumn = jsonColumn(z.array(z.object({ type: z.string(), id: z.string() })));
