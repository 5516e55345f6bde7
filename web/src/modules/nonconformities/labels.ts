import type { Nonconformity } from './hooks/useNonconformities';

// The nonconformity register's words: statuses, sources, causes and flags are
// shown in these, never as the API's codes.

export type NcStatus = Nonconformity['status'];
export type SourceKind = Nonconformity['source']['kind'];
export type RootCauseMethod = Nonconformity['rootCause']['method'];
export type CauseCategory = Nonconformity['rootCause']['categories'][number];
export type ActionStatus = Nonconformity['actions'][number]['status'];

export const STATUS_LABELS: Record<NcStatus, string> = {
  open: 'Open',
  'action-planned': 'Actions planned',
  'actions-done': 'Actions done',
  'effectiveness-check': 'Checking effectiveness',
  closed: 'Closed',
};
export const SOURCE_LABELS: Record<SourceKind, string> = {
  'internal-audit': 'Internal audit',
  'certification-audit': 'Certification audit',
  incident: 'Incident',
  'monitoring-breach': 'Monitoring breach',
  complaint: 'Complaint',
  concern: 'Concern',
  'management-review': 'Management review',
  other: 'Other',
};
export const METHOD_LABELS: Record<RootCauseMethod, string> = {
  'five-whys': 'Five whys',
  'cause-categories': 'Cause categories',
  other: 'Another method',
};
export const CATEGORY_LABELS: Record<CauseCategory, string> = {
  people: 'People',
  process: 'Process',
  technology: 'Technology',
  data: 'Data',
  supplier: 'Supplier',
  governance: 'Governance',
  other: 'Other',
};
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
};
export const RESULT_LABELS: Record<'effective' | 'not-effective', string> = {
  effective: 'Effective',
  'not-effective': 'Not effective',
};
export const FLAG_LABELS: Record<string, string> = {
  'plan-overdue': 'Plan overdue',
  'evidence-overdue': 'Evidence overdue',
  recurrence: 'Recurring',
  'effectiveness-not-effective': 'Not effective',
};

export const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  source: 'Source',
  grade: 'Grade',
  requirementId: 'Requirement or control',
  objectiveEvidence: 'Objective evidence',
  evidenceIds: 'Evidence items',
  correction: 'Correction',
  containment: 'Containment',
  rootCause: 'Root cause',
  owner: 'Owner',
  raisedAt: 'Raised on',
  status: 'Status',
  planDueDate: 'Plan due',
  evidenceDueDate: 'Evidence due',
  effectiveness: 'Effectiveness check',
  closedAt: 'Closed',
  notEffectiveOn: 'Found not effective on',
  recurrenceOf: 'Recurrence of',
};

/** A closing blocker's field, in words. */
export const BLOCKER_LABELS: Record<string, string> = {
  'body.rootCause.summary': 'Summarise the root cause (step 3)',
  'body.effectiveness.result': 'Record an effectiveness check that found the actions effective (step 5)',
  'body.effectiveness.checkedOn': 'Record when the effectiveness was checked (step 5)',
  'body.effectiveness.checkedBy': 'Record who checked the effectiveness (step 5)',
};

const NC_COLORS = ['red', 'orange', 'yellow', 'grape', 'pink'];
const OTHER_COLORS = ['blue', 'teal', 'cyan', 'gray'];

/** A grade's colour from its place on the scale: nonconformities warm, observations cool. */
export function gradeColor(grades: { key: string; isNonconformity: boolean }[], key: string): string {
  const g = grades.find((x) => x.key === key);
  if (!g) return 'gray';
  const same = grades.filter((x) => x.isNonconformity === g.isNonconformity);
  const list = g.isNonconformity ? NC_COLORS : OTHER_COLORS;
  return list[same.indexOf(g) % list.length];
}
