import type { EVIDENCE_AREAS, EVIDENCE_KINDS, LINK_TARGETS } from './evidence.rules.js';

// The evidence module's tables. Only this module queries them; others ask
// through its index.ts (evidenceForControls, evidenceSummary, evidenceDue).

declare module '../../platform/db/tables.js' {
  interface DB {
    evidence: EvidenceTable;
    evidence_links: EvidenceLinksTable;
    evidence_counts: EvidenceCountsTable;
  }
}

export interface EvidenceTable {
  id: string;
  org_id: string;
  /** EV-0001 is number_seq 1; unique per organization */
  number_seq: number;
  title: string;
  /** title folded, for search and sorting */
  title_key: string;
  description: string;
  kind: (typeof EVIDENCE_KINDS)[number];
  /** kind 'file': the organization's stored file */
  file_id: string | null;
  /** kind 'link': an http(s) address */
  url: string | null;
  /** kind 'record': a record of another module, by link kind and id */
  record_kind: string | null;
  record_id: string | null;
  collected_on: string;
  period_from: string | null;
  period_to: string | null;
  valid_until: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  area: (typeof EVIDENCE_AREAS)[number];
  /** how many requirements, controls, AI systems and risks it is linked to */
  link_count: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** One row per thing an item evidences, with the item's dates copied so coverage reads this table alone. */
export interface EvidenceLinksTable {
  org_id: string;
  evidence_id: string;
  target_kind: (typeof LINK_TARGETS)[number];
  target_id: string;
  valid_until: string | null;
  collected_on: string;
}

/** Current and archived items per link target (or per area, target_kind 'area') and day of their end (9999-12-31: none). */
export interface EvidenceCountsTable {
  org_id: string;
  target_kind: (typeof LINK_TARGETS)[number] | 'area';
  target_id: string;
  /** valid_until (YYYY-MM-DD), 9999-12-31 when open */
  valid_day: string;
  n: number;
  latest_collected_on: string;
}
