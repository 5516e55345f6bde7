import type { VersionColumns } from '../../platform/versioned/index.js';

// The audit programme's table: one row per version (platform/versioned). Only
// this module names it.

declare module '../../platform/db/tables.js' {
  interface DB {
    audit_programme_versions: AuditProgrammeVersionsTable;
  }
}

export type AuditProgrammeVersionsTable = VersionColumns;
