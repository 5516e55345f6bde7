import type { IMPROVEMENT_SOURCES, IMPROVEMENT_STATUSES } from './improvements.rules.js';

// The improvements module's table. Only this module queries it; others ask
// through its index.ts (addImprovement, improvementSummary).

declare module '../../platform/db/tables.js' {
  interface DB {
    improvements: ImprovementsTable;
  }
}

export interface ImprovementsTable {
  id: string;
  org_id: string;
  /** IMP-001 is 1; per organization */
  number_seq: number;
  title: string;
  /** title folded, for sorting and matching */
  title_key: string;
  description: string;
  source_kind: (typeof IMPROVEMENT_SOURCES)[number];
  /** the record it came from (an audit, an incident...), when there is one */
  source_id: string | null;
  source_label: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  status: (typeof IMPROVEMENT_STATUSES)[number];
  benefit: string;
  due_date: string | null;
  outcome: string;
  /** when it was marked done or rejected */
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}
