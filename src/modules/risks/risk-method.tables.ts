import type { VersionColumns } from '../../platform/versioned/index.js';

// The risk method's table: one row per version (platform/versioned). Only
// this module names it; the versioned-record kit queries it by the name the
// method's definition gives and reads its content through the zod schema.

declare module '../../platform/db/tables.js' {
  interface DB {
    risk_method_versions: RiskMethodVersionsTable;
  }
}

export type RiskMethodVersionsTable = VersionColumns;
