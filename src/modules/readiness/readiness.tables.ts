// The readiness module's table: one snapshot per organization and day. Only
// this module queries it; the history route reads it for the chart.

declare module '../../platform/db/tables.js' {
  interface DB {
    readiness_snapshots: ReadinessSnapshotsTable;
  }
}

export interface ReadinessSnapshotsTable {
  org_id: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  stage1_pass: number;
  stage1_warn: number;
  stage1_fail: number;
  stage1_na: number;
  stage2_pass: number;
  stage2_warn: number;
  stage2_fail: number;
  stage2_na: number;
  /** journey steps done that day */
  steps_done: number;
  /** ISO timestamp of the evaluation that wrote the row last */
  evaluated_at: string;
}
