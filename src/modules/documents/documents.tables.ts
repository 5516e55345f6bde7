import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type { VersionColumns } from '../../platform/versioned/index.js';
import { audienceSchema } from './documents.schemas.js';

// The document module's tables. Only this module queries them; others ask
// through its index.ts.

declare module '../../platform/db/tables.js' {
  interface DB {
    documents: DocumentsTable;
    document_versions: DocumentVersionsTable;
    document_acknowledgements: DocumentAcknowledgementsTable;
    document_settings: DocumentSettingsTable;
  }
}

export interface DocumentsTable {
  id: string;
  org_id: string;
  /** DOC-001 is number_seq 1; unique per organization */
  number_seq: number;
  title: string;
  title_key: string;
  doc_type: string;
  category: 'policy' | 'procedure' | 'record' | 'other';
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  review_interval_months: number;
  next_review_date: string | null;
  /** 1 when a person set next_review_date (kept by the next approval when later) */
  next_review_explicit: number;
  requires_acknowledgement: number;
  /** JSON: { all: true } or { roleIds } */
  audience: string;
  /** JSON array of role ids */
  named_role_ids: string;
  retired_at: string | null;
  retired_reason: string | null;
  review_requested_at: string | null;
  review_requested_by: string | null;
  /** the approved version the row's dates were last brought up to */
  approved_version_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export type DocumentVersionsTable = VersionColumns & { document_id: string };

export interface DocumentAcknowledgementsTable {
  id: string;
  org_id: string;
  document_id: string;
  version: number;
  user_id: string;
  acknowledged_at: string;
}

export interface DocumentSettingsTable {
  org_id: string;
  require_second_approver: number;
  updated_at: string;
}

export const audienceColumn = jsonColumn(audienceSchema);
export const roleIdsColumn = jsonColumn(z.array(z.string()));
