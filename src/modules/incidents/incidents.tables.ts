import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type { DETECTED_HOW, INCIDENT_STATUSES, SEVERITIES, SOURCE_KINDS } from './incidents.rules.js';

// The incident register's tables. Only this module queries them; others ask
// through its index.ts (openIncident, incidentSummary, incidentsDue).

declare module '../../platform/db/tables.js' {
  interface DB {
    incidents: IncidentsTable;
    incident_updates: IncidentUpdatesTable;
  }
}

export interface IncidentsTable {
  id: string;
  org_id: string;
  /** INC-001 is number_seq 1; unique per organization */
  number_seq: number;
  title: string;
  /** title folded, for search and sorting */
  title_key: string;
  description: string;
  /** the organization's AI system; null for an incident not tied to one */
  ai_system_id: string | null;
  /** ISO-8601 UTC timestamp */
  detected_at: string;
  detected_how: (typeof DETECTED_HOW)[number];
  severity: (typeof SEVERITIES)[number];
  /** 1 = low … 4 = critical, for sorting */
  severity_rank: number;
  /** JSON array of harm categories */
  harm_categories: string;
  people_affected_count: number | null;
  people_affected_description: string;
  status: (typeof INCIDENT_STATUSES)[number];
  escalated_to_user_id: string | null;
  escalated_to_name: string | null;
  escalated_to_email: string | null;
  escalated_at: string | null;
  /** JSON array of { party, when, what, by } */
  communications: string;
  /** why nobody outside had to be told (instead of a communication, to close a high or critical incident) */
  no_communication_reason: string | null;
  containment: string;
  root_cause: string;
  lessons_learned: string;
  /** JSON array of risk ids of the organization */
  linked_risk_ids: string;
  /** JSON array, kept empty until corrective actions (clause 10.2) have a register */
  corrective_action_ids: string;
  source_kind: (typeof SOURCE_KINDS)[number];
  /** the monitoring breach or concern it was opened from; null for manual */
  source_id: string | null;
  /** when it was last closed; null while not closed */
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface IncidentUpdatesTable {
  id: string;
  org_id: string;
  incident_id: string;
  note: string;
  /** when it happened (ISO-8601 UTC), by default when it was written */
  at: string;
  by_user_id: string | null;
  by_label: string;
  created_at: string;
}

export const idList = jsonColumn(z.array(z.string()));
