// The evidence store's one table, merged into the DB type like a module's
// tables: the platform owns it, modules reach it through storeFile /
// getStoredFile (src/platform/storage/index.ts).

declare module '../db/tables.js' {
  interface DB {
    stored_files: StoredFilesTable;
  }
}

export interface StoredFilesTable {
  id: string;
  org_id: string;
  /** lowercase hex SHA-256 of the content: the blob store's key */
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  uploaded_by: string | null;
  uploaded_at: string;
}
