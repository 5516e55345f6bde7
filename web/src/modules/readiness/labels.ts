import type { ReadinessCheck, ReadinessSampleRow, ReadinessStep } from './hooks/useReadiness';

export const VERDICT_LABELS: Record<ReadinessCheck['status'], string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  'not-available': 'Not available',
};
export const VERDICT_COLORS: Record<ReadinessCheck['status'], string> = {
  pass: 'teal',
  warn: 'yellow',
  fail: 'red',
  'not-available': 'gray',
};

export const STEP_LABELS: Record<ReadinessStep['status'], string> = {
  done: 'Done',
  'in-progress': 'In progress',
  'not-started': 'Not started',
};
export const STEP_COLORS: Record<ReadinessStep['status'], string> = {
  done: 'teal',
  'in-progress': 'blue',
  'not-started': 'gray',
};

export const SAMPLE_LABELS: Record<ReadinessSampleRow['status'], string> = {
  ok: 'OK',
  stale: 'Stale',
  unlinked: 'No evidence',
};
export const SAMPLE_COLORS: Record<ReadinessSampleRow['status'], string> = { ok: 'teal', stale: 'yellow', unlinked: 'red' };
