// Pure rules of the nonconformity register (clause 10.2): numbering, the
// organization's grade scale and the deadlines it sets, what closing takes,
// when a nonconformity recurs, and what an auditor would flag. The register,
// the summary and the web app read the same answers from here.
import { addDays, addMonths } from '../../platform/dates.js';
export { addDays } from '../../platform/dates.js';

export const SOURCE_KINDS = [
  'internal-audit',
  'certification-audit',
  'incident',
  'monitoring-breach',
  'complaint',
  'concern',
  'management-review',
  'other',
] as const;
export const NC_STATUSES = ['open', 'action-planned', 'actions-done', 'effectiveness-check', 'closed'] as const;
export const ROOT_CAUSE_METHODS = ['five-whys', 'cause-categories', 'other'] as const;
export const CAUSE_CATEGORIES = ['people', 'process', 'technology', 'data', 'supplier', 'governance', 'other'] as const;
export const EFFECTIVENESS_RESULTS = ['effective', 'not-effective'] as const;
export const ACTION_STATUSES = ['planned', 'in-progress', 'done'] as const;
export const NC_FLAGS = ['plan-overdue', 'evidence-overdue', 'recurrence', 'effectiveness-not-effective'] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];
export type NcStatus = (typeof NC_STATUSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type NcFlag = (typeof NC_FLAGS)[number];
export type EffectivenessResult = (typeof EFFECTIVENESS_RESULTS)[number];

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
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
};
export const FLAG_MESSAGES: Record<NcFlag, string> = {
  'plan-overdue': 'No corrective action was planned by the plan due date',
  'evidence-overdue': 'Not closed by the evidence due date',
  recurrence: 'The same requirement or control had a nonconformity closed in the 12 months before this one',
  'effectiveness-not-effective': 'The effectiveness check found the actions did not work; it was reopened',
};

export interface Grade {
  key: string;
  label: string;
  /** days from being raised to have corrective actions planned */
  planDays: number;
  /** days from being raised to have it closed with evidence */
  evidenceDays: number;
  /** false for observations and opportunities: recorded, but not a nonconformity */
  isNonconformity: boolean;
}

export const DEFAULT_GRADES: Grade[] = [
  { key: 'major', label: 'Major nonconformity', planDays: 30, evidenceDays: 90, isNonconformity: true },
  { key: 'minor', label: 'Minor nonconformity', planDays: 30, evidenceDays: 90, isNonconformity: true },
  { key: 'observation', label: 'Observation', planDays: 30, evidenceDays: 90, isNonconformity: false },
  { key: 'opportunity', label: 'Opportunity for improvement', planDays: 30, evidenceDays: 90, isNonconformity: false },
];

export const nonconformityNumber = (seq: number) => `NC-${String(seq).padStart(3, '0')}`;

export function parseNonconformityNumber(q: string): number | null {
  const m = /^\s*(?:nc-?)?0*(\d{1,9})\s*$/i.exec(q);
  return m ? Number(m[1]) : null;
}

/** YYYY-MM-DD `months` earlier (a day the month lacks becomes its last day). */
export function monthsBefore(date: string, months: number): string {
  return addMonths(date, -months);
}

/** The plan and evidence due dates a grade of the scale sets for a nonconformity raised on a date. */
export function deadlines(grades: Grade[], gradeKey: string, raisedOn: string) {
  const g = grades.find((x) => x.key === gradeKey);
  if (!g) return null;
  return { planDueDate: addDays(raisedOn, g.planDays), evidenceDueDate: addDays(raisedOn, g.evidenceDays) };
}

/** Field error for a grade outside the scale, or null. */
export function gradeError(grades: Grade[], gradeKey: string) {
  if (grades.some((g) => g.key === gradeKey)) return null;
  return { field: 'body.grade', message: `must be one of the organization's grades: ${grades.map((g) => g.key).join(', ')}` };
}

export interface ClosingFacts {
  status: NcStatus;
  rootCause: { summary: string };
  effectiveness: { result: EffectivenessResult | null; checkedOn: string | null; checkedBy: unknown | null };
  actions: { status: ActionStatus }[];
  /** the grade counts as a nonconformity: closing needs at least one corrective action */
  needsAction: boolean;
}

/** Why the record may not be closed as it stands: one error per missing field (empty when it may). */
export function closingErrors(f: ClosingFacts): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (!f.rootCause.summary.trim())
    errors.push({ field: 'body.rootCause.summary', message: 'closing needs the root cause summarised' });
  if (f.effectiveness.result !== 'effective')
    errors.push({
      field: 'body.effectiveness.result',
      message: 'closing needs an effectiveness check that found the actions effective',
    });
  if (!f.effectiveness.checkedOn)
    errors.push({ field: 'body.effectiveness.checkedOn', message: 'closing needs the date the effectiveness was checked' });
  if (!f.effectiveness.checkedBy)
    errors.push({ field: 'body.effectiveness.checkedBy', message: 'closing needs who checked the effectiveness' });
  const open = f.actions.filter((a) => a.status !== 'done').length;
  if (open) errors.push({ field: 'actions', message: `closing needs every corrective action done (${open} not done)` });
  else if (f.needsAction && f.actions.length === 0)
    errors.push({ field: 'actions', message: 'closing a nonconformity needs at least one corrective action, done' });
  return errors;
}

/**
 * The status a nonconformity moves to when its corrective actions change:
 * open → actions planned once it has one; actions planned → actions done when
 * every one is done; actions done → actions planned when one is not;
 * back to open when none is left. Other statuses are the user's to change.
 */
export function actionStatusAfter(status: NcStatus, actions: number, open: number): NcStatus {
  if (status === 'open' && actions > 0) return open === 0 ? 'actions-done' : 'action-planned';
  if (status === 'action-planned' && actions === 0) return 'open';
  if (status === 'action-planned' && open === 0) return 'actions-done';
  if (status === 'actions-done' && actions === 0) return 'open';
  if (status === 'actions-done' && open > 0) return 'action-planned';
  return status;
}

/** A nonconformity recurs when another one on the same requirement or control was closed in the 12 months before it was raised. */
export function isRecurrence(raisedOn: string, otherClosedAt: string | null): boolean {
  if (!otherClosedAt) return false;
  const closedOn = otherClosedAt.slice(0, 10);
  return closedOn <= raisedOn && closedOn >= monthsBefore(raisedOn, 12);
}

export interface FlagFacts {
  status: NcStatus;
  planDueDate: string;
  evidenceDueDate: string;
  actionCount: number;
  recurrenceOf: string | null;
  notEffectiveOn: string | null;
  effectivenessResult: EffectivenessResult | null;
}

export function nonconformityFlags(f: FlagFacts, today: string): NcFlag[] {
  const out: NcFlag[] = [];
  const open = f.status !== 'closed';
  if (open && f.actionCount === 0 && f.planDueDate < today) out.push('plan-overdue');
  if (open && f.evidenceDueDate < today) out.push('evidence-overdue');
  if (f.recurrenceOf) out.push('recurrence');
  if (open && f.notEffectiveOn && f.effectivenessResult !== 'effective') out.push('effectiveness-not-effective');
  return out;
}
