import type { ActionStatus, Answer, AnswerStatus } from './hooks/useGap';

/** What a requirement looks like on the dashboard: an answered status, or not answered yet. */
export type CellStatus = AnswerStatus | 'unanswered';

export const STATUS_LABELS: Record<CellStatus, string> = {
  implemented: 'Implemented',
  partial: 'Partially implemented',
  'not-started': 'Not started',
  'not-applicable': 'Not applicable',
  unanswered: 'Not answered yet',
};

/** The order the legend and the radio group read in. */
export const ANSWER_STATUSES: AnswerStatus[] = ['not-started', 'partial', 'implemented', 'not-applicable'];
export const CELL_STATUSES: CellStatus[] = ['implemented', 'partial', 'not-started', 'not-applicable', 'unanswered'];

/** Mantine colours; shade 3 backgrounds keep dark text readable, the glyph repeats the colour for colour-blind readers. */
export const STATUS_COLORS: Record<CellStatus, string> = {
  implemented: 'teal',
  partial: 'yellow',
  'not-started': 'red',
  'not-applicable': 'gray',
  unanswered: 'gray',
};

export const STATUS_GLYPHS: Record<CellStatus, string> = {
  implemented: '✓',
  partial: '◐',
  'not-started': '✕',
  'not-applicable': '–',
  unanswered: '?',
};

export function cellStatus(a: Pick<Answer, 'answered' | 'status'>): CellStatus {
  return a.answered ? a.status : 'unanswered';
}

/** A gap: applicable and not implemented, including not answered yet (as the server's action plan counts it). */
export function isGap(a: Pick<Answer, 'answered' | 'status'>): boolean {
  return !a.answered || a.status === 'not-started' || a.status === 'partial';
}

export const MATURITY_LABELS = [
  '0 · Absent',
  '1 · Initial, ad hoc',
  '2 · Repeatable, informal',
  '3 · Defined and documented',
  '4 · Measured',
  '5 · Continually improved',
];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
};

export const EFFORT_LABELS: Record<'S' | 'M' | 'L', string> = {
  S: 'Small',
  M: 'Medium',
  L: 'Large',
};

export const PRIORITY_LABELS: Record<number, string> = {
  1: 'Priority 1 · do first',
  2: 'Priority 2',
  3: 'Priority 3',
};

/** 0–100 to a colour: red below 40, yellow below 70, teal above. */
export function scoreColor(score: number | null): string {
  if (score === null) return 'gray';
  return score < 40 ? 'red' : score < 70 ? 'yellow' : 'teal';
}

export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : `${score}%`;
}
