import type { VersionColumns } from '../../platform/versioned/index.js';

// The Statement of Applicability's table: one row per version
// (platform/versioned). Only this module names it; the versioned-record kit
// queries it by the name the SoA's definition gives and reads its content
// (the rows) through the zod schema.

declare module '../../platform/db/tables.js' {
  interface DB {
    soa_versions: SoaVersionsTable;
  }
}

export type SoaVersionsTable = VersionColumns;
