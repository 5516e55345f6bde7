import type { AUDIT_STATUSES, ITEM_RESULTS } from './internal-audits.rules.js';

// The internal audit tables. Only this module queries them; others ask
// through its index.ts (auditScopes, auditResultsSince, internalAuditSummary,
// internalAuditsDue).

declare module '../../platform/db/tables.js' {
  interface DB {
    internal_audits: InternalAuditsTable;
    audit_items: AuditItemsTable;
  }
}

export interface InternalAuditsTable {
  id: string;
  org_id: string;
  /** IA-001 is number_seq 1; unique per organization */
  number_seq: number;
  title: string;
  title_key: string;
  scope: string;
  /** JSON array of catalogue clause and Annex A control ids */
  requirement_ids: string;
  criteria: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  status: (typeof AUDIT_STATUSES)[number];
  /** JSON array of { userId, name, email?, lead } */
  auditors: string;
  /** JSON array of { type, id } (link kinds ai-system, document, role, control) */
  areas: string;
  conclusions: string;
  /** when the report was issued; null until then */
  reported_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface AuditItemsTable {
  id: string;
  org_id: string;
  audit_id: string;
  position: number;
  kind: 'topic' | 'requirement';
  item_key: string;
  title: string;
  /** JSON array of catalogue module keys the facts come from */
  module_keys: string;
  /** JSON array of sentences, frozen when the checklist was generated */
  facts: string;
  /** JSON { text, links: [{ type, id, label }] } */
  sample: string;
  result: (typeof ITEM_RESULTS)[number] | null;
  /** JSON array of { type, id } */
  evidence: string;
  notes: string;
  nonconformity_id: string | null;
  nonconformity_number: string | null;
  improvement_id: string | null;
  created_at: string;
  updated_at: string;
}
