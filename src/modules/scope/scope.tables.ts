import type { VersionColumns } from '../../platform/versioned/index.js';

// The scope's table: one row per version (platform/versioned). Only this
// module names it; the versioned-record kit queries it by the name the
// scope's definition gives. Its JSON column (content) is read by the kit
// through the definition's zod schema.

declare module '../../platform/db/tables.js' {
  interface DB {
    scope_versions: ScopeVersionsTable;
  }
}

export interface ScopeVersionsTable extends VersionColumns {
  /** the statement as approved: frozen at approval, null on a draft */
  statement: string | null;
}
