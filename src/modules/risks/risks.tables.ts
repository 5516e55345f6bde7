import type { Generated } from 'kysely';
import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type { ACTION_STATUSES, RISK_STATUSES, TREATMENT_OPTIONS } from './risks.schemas.js';

// The risk register's tables. Only this module queries them; others ask
// through its index.ts (controlRiskLinks, risksForAiSystem, riskTasksDue).

declare module '../../platform/db/tables.js' {
  interface DB {
    risks: RisksTable;
    risk_ai_systems: RiskAiSystemsTable;
    risk_treatment_actions: RiskTreatmentActionsTable;
    risk_action_controls: RiskActionControlsTable;
  }
}

export interface RisksTable {
  id: string;
  org_id: string;
  /** R-001 is number_seq 1; unique per organization */
  number_seq: number;
  title: string;
  /** title folded, for search */
  title_key: string;
  /** a risk source id of the method */
  source_category: string;
  cause: string;
  event: string;
  consequence: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  inherent_likelihood: number;
  inherent_impact: number;
  /** level id, as the method gave it when the risk was last saved */
  inherent_level: string;
  /** position of the level in the method, 1 = lowest */
  inherent_rank: number;
  treatment_option: (typeof TREATMENT_OPTIONS)[number] | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
  residual_level: string | null;
  /** 0 while no residual level is assessed */
  residual_rank: number;
  /** the residual rank once assessed, else the inherent one: what the threshold is compared with */
  current_rank: number;
  /** JSON array of supplier ids */
  supplier_ids: string;
  accepted_by_user_id: string | null;
  accepted_by_name: string | null;
  accepted_by_email: string | null;
  accepted_at: string | null;
  acceptance_reason: string | null;
  next_review_date: string | null;
  status: (typeof RISK_STATUSES)[number];
  /** treatment actions of the risk, kept by their writes */
  action_count: Generated<number>;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface RiskAiSystemsTable {
  org_id: string;
  risk_id: string;
  ai_system_id: string;
}

export interface RiskTreatmentActionsTable {
  id: string;
  org_id: string;
  risk_id: string;
  title: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  due_date: string | null;
  status: (typeof ACTION_STATUSES)[number];
  /** JSON array: Annex A ids and the organization's own control ids, in the order given */
  control_ids: string;
  created_at: string;
  updated_at: string;
}

export interface RiskActionControlsTable {
  org_id: string;
  action_id: string;
  risk_id: string;
  control_id: string;
}

export const idList = jsonColumn(z.array(z.string()));
