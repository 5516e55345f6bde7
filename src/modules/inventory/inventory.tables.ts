import type { Generated } from 'kysely';
import { z } from 'zod';
import type { AI_ROLES } from '../organizations/index.js';
import { jsonColumn } from '../../platform/db/columns.js';
import {
  type AI_SYSTEM_KINDS,
  type DATA_SENSITIVITIES,
  type DEPENDENCIES,
  type LIFECYCLE_STAGES,
  USER_IMPACTS,
} from './inventory.schemas.js';

// The inventory's tables. Only this module queries them; others ask through
// its index.ts. Enum columns carry their unions, so no code casts a string.

declare module '../../platform/db/tables.js' {
  interface DB {
    ai_systems: AiSystemsTable;
    ai_system_suppliers: AiSystemSuppliersTable;
    ai_system_duplicates: AiSystemDuplicatesTable;
    ai_system_name_pieces: AiSystemNamePiecesTable;
  }
}

export interface AiSystemsTable {
  id: string;
  org_id: string;
  external_id: string | null;
  name: string;
  /** name folded for duplicate matching and sorting */
  name_key: string;
  /** the gaps that do not change with the date (inventory.rules missingMask), written with the row */
  missing_mask: Generated<number>;
  kind: (typeof AI_SYSTEM_KINDS)[number] | null;
  business_owner_user_id: string | null;
  business_owner_name: string | null;
  business_owner_email: string | null;
  technical_owner_user_id: string | null;
  technical_owner_name: string | null;
  technical_owner_email: string | null;
  purpose: string;
  /** JSON array of user impacts */
  user_impact: string;
  /** JSON array of data categories */
  data_categories: string;
  data_source: string;
  data_sensitivity: (typeof DATA_SENSITIVITIES)[number] | null;
  /** one of the organization's risk levels, in the scale's own spelling */
  risk_level: string | null;
  monitoring_method: string;
  ai_role: (typeof AI_ROLES)[number] | null;
  lifecycle_stage: (typeof LIFECYCLE_STAGES)[number] | null;
  /** 1 in scope, 0 out, null undecided */
  in_scope: number | null;
  intended_use: string;
  foreseeable_misuse: string;
  human_oversight: string;
  deployment_date: string | null;
  last_review_date: string | null;
  /** JSON array of tags */
  tags: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  merged_into_id: string | null;
}

export interface AiSystemSuppliersTable {
  org_id: string;
  ai_system_id: string;
  supplier_id: string;
  dependency: (typeof DEPENDENCIES)[number];
}

/**
 * Likely duplicates, stored on write (inventory.duplicates): one row per
 * direction, so a page's flags are one indexed read. Kept for archived
 * systems too (an edge depends only on its two records); readers skip edges
 * with an archived end. Each row carries the other system's name: the
 * duplicate groups and their count read this table alone, not a join with
 * ai_systems per edge. A name changes only through a write that rewrites
 * the system's edges, both directions, so the copy never goes stale.
 */
export interface AiSystemDuplicatesTable {
  org_id: string;
  system_id: string;
  other_id: string;
  reason: string;
  other_name: string;
  other_key: string;
}

/**
 * What each system's folded name is found by (inventory.duplicate-rules
 * namePieces), written with the name: a write looks up the systems holding
 * one of its probes instead of reading a block of the organization. The
 * name's numbers (nameNumbers, "" for none) are keyed beside the piece: a
 * numbered name looks up only its own numbers and none, not a whole series.
 */
export interface AiSystemNamePiecesTable {
  org_id: string;
  piece: string;
  numbers: string;
  ai_system_id: string;
  /** the system's folded name, so a lookup needs no join with ai_systems (0050) */
  name_key: string;
}

export const userImpactColumn = jsonColumn(z.array(z.enum(USER_IMPACTS)));
export const stringListColumn = jsonColumn(z.array(z.string()));
