import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import type { Row } from '../../platform/db/tables.js';
import { SUPPLIER_CERTIFICATIONS, supplierKindSchema } from './suppliers.schemas.js';

// The supplier module's tables. Only this module queries them; others ask
// through its index.ts.

declare module '../../platform/db/tables.js' {
  interface DB {
    suppliers: SuppliersTable;
    supplier_reviews: SupplierReviewsTable;
  }
}

export interface SuppliersTable {
  id: string;
  org_id: string;
  name: string;
  /** name folded for duplicate matching */
  name_key: string;
  /** JSON array of supplier kinds */
  kinds: string;
  website: string | null;
  contact: string | null;
  description: string;
  /** JSON array of certifications held */
  certifications: string;
  risk_rating: string | null;
  last_review_date: string | null;
  next_review_date: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface SupplierReviewsTable {
  id: string;
  org_id: string;
  supplier_id: string;
  review_date: string;
  reviewer: string;
  /** the member who reviewed, when one did */
  reviewer_user_id: string | null;
  reviewer_email: string | null;
  /** JSON object: question id -> { answer, notes } */
  answers: string;
  risk_rating: string;
  next_review_date: string;
  notes: string;
  created_at: string;
}

const kinds = jsonColumn(z.array(supplierKindSchema));
const certifications = jsonColumn(z.array(z.enum(SUPPLIER_CERTIFICATIONS)));
export const reviewAnswers = jsonColumn(
  z.record(z.string(), z.object({ answer: z.enum(['yes', 'no', 'partial', 'unknown']), notes: z.string() })),
);

/** Typed reads of the JSON columns. */
export const supplierRows = {
  kinds: (r: Pick<Row<'suppliers'>, 'kinds'>) => kinds.read(r.kinds),
  certifications: (r: Pick<Row<'suppliers'>, 'certifications'>) => certifications.read(r.certifications),
};
export const writeKinds = kinds.write;
export const writeCertifications = certifications.write;
