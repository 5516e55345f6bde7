import type { Schemas } from '../../shared/api';

// The document register's words for its API values.

export type DocumentStatus = Schemas['Document']['status'];
export type DocumentCategory = Schemas['Document']['category'];
export type DocumentFlagCode = Schemas['DocumentFlag']['code'];

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: 'Draft',
  'in review': 'In review',
  approved: 'Approved',
  retired: 'Retired',
};

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  draft: 'yellow',
  'in review': 'blue',
  approved: 'teal',
  retired: 'gray',
};

export const CATEGORY_LABELS: Record<DocumentCategory, string> = {
  policy: 'Policy',
  procedure: 'Procedure',
  record: 'Record',
  other: 'Other',
};

export const FLAG_LABELS: Record<DocumentFlagCode, string> = {
  'review-overdue': 'Review overdue',
  'review-due-soon': 'Review due soon',
  'role-vacant': 'Role vacant',
  'owner-left': 'Owner left',
  'not-acknowledged': 'Not acknowledged',
  'no-approved-version': 'Not approved yet',
};

export const flagColor = (code: string) =>
  code === 'review-overdue' ? 'red' : code === 'review-due-soon' ? 'blue' : code === 'no-approved-version' ? 'yellow' : 'orange';

/** "Other" for documents outside the core set; the core set's titles come from the API. */
export const OTHER_TYPE = 'other';

export const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  docType: 'Type',
  category: 'Category',
  owner: 'Owner',
  reviewIntervalMonths: 'Review every (months)',
  nextReviewDate: 'Next review',
  requiresAcknowledgement: 'Requires acknowledgement',
  audience: 'Audience',
  namedRoleIds: 'Named roles',
};
