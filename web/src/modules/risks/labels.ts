// Words and colours of the risk register in the web app.

export const STATUS_LABELS = { open: 'Open', treating: 'Being treated', accepted: 'Accepted', closed: 'Closed' } as const;
export type RiskStatus = keyof typeof STATUS_LABELS;

export const TREATMENT_LABELS = {
  modify: 'Modify (reduce likelihood or impact)',
  avoid: 'Avoid (stop the activity)',
  share: 'Share (insurance, contract, supplier)',
  retain: 'Retain (accept as it is)',
} as const;
export type TreatmentOption = keyof typeof TREATMENT_LABELS;

export const ACTION_STATUS_LABELS = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done' } as const;
export type ActionStatus = keyof typeof ACTION_STATUS_LABELS;

export const FLAG_LABELS: Record<string, string> = {
  'above-threshold-untreated': 'Untreated above threshold',
  'review-overdue': 'Review overdue',
};

export const RISK_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  aiSystemIds: 'AI systems',
  supplierIds: 'Suppliers',
  sourceCategory: 'Risk source',
  cause: 'Cause',
  event: 'Event',
  consequence: 'Consequence',
  owner: 'Owner',
  inherentLikelihood: 'Inherent likelihood',
  inherentImpact: 'Inherent impact',
  inherentLevel: 'Inherent level',
  treatmentOption: 'Treatment',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  residualLevel: 'Residual level',
  acceptance: 'Acceptance',
  nextReviewDate: 'Next review',
  status: 'Status',
};

const PALETTE = ['green', 'lime', 'yellow', 'orange', 'red', 'grape'];

/** A level's colour by its place in the method's levels: the lowest green, the highest red. */
export function levelColor(levelId: string | null | undefined, levels: { id: string }[]): string {
  if (!levelId) return 'gray';
  const i = levels.findIndex((l) => l.id === levelId);
  if (i < 0) return 'gray';
  if (levels.length <= 1) return PALETTE[0];
  const picks = levels.length <= 4 ? [0, 2, 3, 4] : [0, 1, 2, 3, 4, 5];
  return PALETTE[picks[Math.round((i * (Math.min(levels.length, picks.length) - 1)) / (levels.length - 1))] ?? 4];
}
