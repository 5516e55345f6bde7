import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type { OBJECTIVE_STATUSES, TARGET_DIRECTIONS } from './objectives.rules.js';

// The objectives module's tables. Only this module queries them; others ask
// through its index.ts.

declare module '../../platform/db/tables.js' {
  interface DB {
    objectives: ObjectivesTable;
    objective_progress: ObjectiveProgressTable;
  }
}

export interface ObjectivesTable {
  id: string;
  org_id: string;
  title: string;
  /** title folded, for sorting and matching by name */
  title_key: string;
  description: string;
  /** what is measured: "share of AI systems with a completed impact assessment" */
  measure: string;
  /** the target in words */
  target: string;
  /** the target as a number, when the measure is numeric */
  target_value: number | null;
  target_unit: string | null;
  target_direction: (typeof TARGET_DIRECTIONS)[number] | null;
  /** where the measure started, when known */
  baseline_value: number | null;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  resources: string;
  due_date: string | null;
  /** how the results are evaluated */
  evaluation: string;
  /** JSON array of AI system ids */
  ai_system_ids: string;
  status: (typeof OBJECTIVE_STATUSES)[number];
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface ObjectiveProgressTable {
  id: string;
  org_id: string;
  objective_id: string;
  entry_date: string;
  value: number | null;
  note: string;
  /** the member who recorded it, when one did */
  recorded_by_user_id: string | null;
  recorded_by_name: string;
  recorded_by_email: string | null;
  created_at: string;
}

export const aiSystemIdsColumn = jsonColumn(z.array(z.string()));
