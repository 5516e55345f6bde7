import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import { type AssessmentStatus, basisSchema, IMPACT_CATEGORIES } from './impact-assessments.schemas.js';

// The impact assessment module's table. Only this module queries it; others
// ask through its index.ts.

declare module '../../platform/db/tables.js' {
  interface DB {
    impact_assessments: ImpactAssessmentsTable;
  }
}

export interface ImpactAssessmentsTable {
  id: string;
  org_id: string;
  ai_system_id: string;
  status: AssessmentStatus;
  intended_purpose: string;
  context_of_use: string;
  /** JSON arrays of who is affected */
  affected_individuals: string;
  affected_groups: string;
  affected_societies: string;
  /** JSON array of impacts */
  impacts: string;
  foreseeable_misuse: string;
  assessor_user_id: string | null;
  assessor_name: string | null;
  assessor_email: string | null;
  next_review_date: string | null;
  /** JSON: the AI system's facts the assessment rests on (Basis) */
  basis: string;
  /** JSON object: impact id -> id of the risk its approval raised */
  raised_risks: string;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
  supersedes_id: string | null;
  superseded_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const scalePoint = z.number().int().nullable();
export const impactsColumn = jsonColumn(
  z.array(
    z.object({
      id: z.string(),
      category: z.enum(IMPACT_CATEGORIES),
      label: z.string(),
      description: z.string(),
      likelihood: scalePoint,
      severity: scalePoint,
      mitigations: z.string(),
      residualLikelihood: scalePoint,
      residualSeverity: scalePoint,
    }),
  ),
);
export const listColumn = jsonColumn(z.array(z.string()));
export const basisColumn = jsonColumn(basisSchema);
export const raisedRisksColumn = jsonColumn(z.record(z.string(), z.string()));
