import type { SupplierInput } from './hooks/useSuppliers';

/** How an AI system depends on a supplier. */
export type Dependency = SupplierKind;
export type SupplierKind = NonNullable<SupplierInput['kinds']>[number];
export type Certification = NonNullable<SupplierInput['certifications']>[number];

export const SUPPLIER_KIND_LABELS: Record<SupplierKind, string> = {
  platform: 'AI platform',
  api: 'API',
  model: 'Model',
  dataset: 'Dataset',
  service: 'Service',
  vendor: 'Vendor',
};

export const CERTIFICATION_LABELS: Record<Certification, string> = {
  'ISO/IEC 42001': 'ISO/IEC 42001 (AI management)',
  'ISO/IEC 27001': 'ISO/IEC 27001 (information security)',
  'ISO/IEC 27701': 'ISO/IEC 27701 (privacy)',
  'ISO 9001': 'ISO 9001 (quality)',
  'SOC 2': 'SOC 2',
  other: 'Other',
};

export const SUPPLIER_FLAG_LABELS: Record<string, string> = {
  'never-reviewed': 'Never reviewed',
  'review-overdue': 'Review overdue',
  'not-risk-rated': 'Not risk-rated',
};

export const SUPPLIER_FIELD_LABELS: Record<keyof SupplierInput | 'lastReviewDate', string> = {
  name: 'Name',
  kinds: 'Supplies',
  website: 'Website',
  contact: 'Contact',
  description: 'Description',
  certifications: 'Certifications',
  riskRating: 'Risk rating',
  lastReviewDate: 'Last review',
  nextReviewDate: 'Next review due',
};

export const ANSWER_LABELS = { yes: 'Yes', partial: 'Partly', no: 'No', unknown: 'Unknown' } as const;
export type Answer = keyof typeof ANSWER_LABELS;

export const DEPENDENCY_LABELS: Record<Dependency, string> = {
  platform: 'Platform',
  api: 'API',
  model: 'Model',
  vendor: 'Vendor',
  dataset: 'Dataset',
  service: 'Service',
};
