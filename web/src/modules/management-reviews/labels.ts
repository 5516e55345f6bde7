import type { Schemas } from '../../shared/api';

// Statuses and kinds in words, as the server's rules name them.

export type ReviewStatus = Schemas['ManagementReview']['status'];
export type DecisionKind = Schemas['ManagementReview']['decisions'][number]['kind'];

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  planned: 'Planned',
  prepared: 'Inputs prepared',
  held: 'Held',
  approved: 'Approved',
};
export const STATUS_COLORS: Record<ReviewStatus, string> = {
  planned: 'gray',
  prepared: 'blue',
  held: 'orange',
  approved: 'teal',
};
/** What a user may set by editing; "Approved" comes only from approving. */
export const EDITABLE_STATUS_LABELS: Record<Exclude<ReviewStatus, 'approved'>, string> = {
  planned: 'Planned',
  prepared: 'Inputs prepared',
  held: 'Held',
};

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  improvement: 'Improvement',
  resource: 'Resources',
  'change-to-aims': 'Change to the management system',
  other: 'Other',
};

export const FLAG_LABELS: Record<string, string> = {
  'no-top-management': 'No top management attends',
};

export const REVIEW_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  meetingDate: 'Meeting date',
  status: 'Status',
  chair: 'Chair',
  attendees: 'Attendees',
  minutes: 'Minutes',
  decisions: 'Decisions',
  resourceNeeds: 'Resource needs',
  inputs: 'Inputs',
  approvedAt: 'Approved',
  approvedBy: 'Approved by',
  note: 'Note',
  improvements: 'Improvements logged',
  text: 'Action',
  owner: 'Owner',
  dueDate: 'Due date',
  doneOn: 'Done on',
};
