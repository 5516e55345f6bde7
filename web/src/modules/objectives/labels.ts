// Words and colours of the AI objectives module.

export type ObjectiveState = 'on-track' | 'at-risk' | 'overdue' | 'not-measured' | 'achieved' | 'missed';
export type ObjectiveStatus = 'open' | 'achieved' | 'missed';
export type TargetDirection = 'at-least' | 'at-most';

export const STATE_LABELS: Record<ObjectiveState, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  overdue: 'Overdue',
  'not-measured': 'Not measured yet',
  achieved: 'Achieved',
  missed: 'Missed',
};

export const STATE_COLORS: Record<ObjectiveState, string> = {
  'on-track': 'teal',
  'at-risk': 'orange',
  overdue: 'red',
  'not-measured': 'gray',
  achieved: 'green',
  missed: 'grape',
};

export const STATUS_LABELS: Record<ObjectiveStatus, string> = {
  open: 'Open',
  achieved: 'Achieved',
  missed: 'Missed',
};

export const DIRECTION_LABELS: Record<TargetDirection, string> = {
  'at-least': 'At least (higher is better)',
  'at-most': 'At most (lower is better)',
};

export const FLAG_LABELS: Record<string, string> = {
  overdue: 'Overdue',
  'at-risk': 'At risk',
  'target-met': 'Target met',
  'no-due-date': 'No due date',
  'no-owner': 'No owner',
  'no-evaluation': 'No evaluation method',
  'no-recent-progress': 'No recent progress',
};

/** Field names as the form and the change history show them. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Objective',
  description: 'Description',
  measure: 'Measure',
  target: 'Target',
  targetValue: 'Target value',
  targetUnit: 'Unit',
  targetDirection: 'Direction',
  baselineValue: 'Baseline',
  owner: 'Owner',
  resources: 'Resources',
  dueDate: 'Due date',
  evaluation: 'How results are evaluated',
  aiSystemIds: 'AI systems',
  status: 'Status',
};

/** "90 %", "≤ 2 incidents": a numeric target in a few characters. */
export function formatTarget(o: { targetValue: number | null; targetUnit: string | null; targetDirection: string | null }) {
  if (o.targetValue === null) return null;
  const sign = o.targetDirection === 'at-most' ? '≤' : '≥';
  return `${sign} ${formatNumber(o.targetValue)}${o.targetUnit ? ` ${o.targetUnit}` : ''}`;
}

export function formatNumber(n: number): string {
  return n.toLocaleString(undefined, { maximumFractionDigits: 2 });
}
