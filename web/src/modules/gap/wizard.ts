import type { Answer } from './hooks/useGap';
import { isGap } from './labels';

// Pure navigation of the wizard: which requirements a filter shows, and the
// next or previous one from where the assessor is (which may itself be
// filtered out once answered).

export const WIZARD_FILTERS = ['all', 'unanswered', 'gaps', 'mine'] as const;
export type WizardFilter = (typeof WIZARD_FILTERS)[number];

export const FILTER_LABELS: Record<WizardFilter, string> = {
  all: 'All',
  unanswered: 'Unanswered',
  gaps: 'Gaps',
  mine: 'Assigned to me',
};

export function parseFilter(value: string | null): WizardFilter {
  return (WIZARD_FILTERS as readonly string[]).includes(value ?? '') ? (value as WizardFilter) : 'all';
}

export function matchesFilter(a: Answer, filter: WizardFilter, userId: string): boolean {
  switch (filter) {
    case 'unanswered':
      return !a.answered;
    case 'gaps':
      return isGap(a);
    case 'mine':
      return a.owner?.userId === userId;
    default:
      return true;
  }
}

/** The next (step 1) or previous (step -1) answer the filter shows, in catalogue order; null at either end. */
export function neighbour(answers: Answer[], currentId: string, step: 1 | -1, shown: (a: Answer) => boolean): string | null {
  const i = answers.findIndex((a) => a.requirementId === currentId);
  for (let j = i + step; j >= 0 && j < answers.length; j += step) {
    if (shown(answers[j])) return answers[j].requirementId;
  }
  return null;
}
