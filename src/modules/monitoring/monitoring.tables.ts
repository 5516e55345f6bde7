import type { BREACH_STATUSES, METRIC_DIRECTIONS, METRIC_KINDS } from './monitoring.rules.js';

// The monitoring module's tables. Only this module queries them; others ask
// through its index.ts (monitoringSummary, monitoringDue).

declare module '../../platform/db/tables.js' {
  interface DB {
    monitoring_metrics: MonitoringMetricsTable;
    monitoring_observations: MonitoringObservationsTable;
    monitoring_breaches: MonitoringBreachesTable;
    monitoring_reviews: MonitoringReviewsTable;
  }
}

export interface MonitoringMetricsTable {
  id: string;
  org_id: string;
  ai_system_id: string;
  name: string;
  /** name folded: unique among an AI system's current metrics, and how ingest finds a metric by name */
  name_key: string;
  kind: (typeof METRIC_KINDS)[number];
  unit: string | null;
  direction: (typeof METRIC_DIRECTIONS)[number];
  threshold: number;
  review_every_days: number;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  open_incident_on_breach: number;
  last_reviewed_at: string | null;
  /** ISO timestamp: last review (or creation) plus review_every_days */
  next_review_due: string;
  notes: string;
  /** the observation latest in observed_at order; kept by ingest */
  latest_value: number | null;
  latest_observed_at: string | null;
  /** the latest breach still to be resolved; kept by ingest and resolution */
  open_breach_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface MonitoringObservationsTable {
  id: string;
  org_id: string;
  metric_id: string;
  ai_system_id: string;
  /** ISO timestamp, UTC (normalised on ingest so text order is time order) */
  observed_at: string;
  value: number;
  source: string;
  created_at: string;
}

export interface MonitoringBreachesTable {
  id: string;
  org_id: string;
  metric_id: string;
  ai_system_id: string;
  /** observed_at of the window's first observation beyond the threshold */
  started_at: string;
  /** observed_at of the first later observation back within it; null while the window lasts */
  ended_at: string | null;
  worst_value: number;
  /** observations inside the window */
  observations: number;
  assignee_user_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  status: (typeof BREACH_STATUSES)[number];
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  incident_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MonitoringReviewsTable {
  id: string;
  org_id: string;
  metric_id: string;
  reviewed_at: string;
  note: string;
  reviewed_by: string | null;
  created_at: string;
}
