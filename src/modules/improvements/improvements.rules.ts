// Pure rules of the continual improvement log (clause 10.1): the words for
// statuses and sources, the IMP numbers, and what a finished improvement
// must say.

export const IMPROVEMENT_STATUSES = ['proposed', 'planned', 'in-progress', 'done', 'rejected'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

export const IMPROVEMENT_SOURCES = [
  'internal-audit',
  'certification-audit',
  'incident',
  'management-review',
  'monitoring',
  'concern',
  'suggestion',
  'other',
] as const;
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];

export const STATUS_LABELS: Record<ImprovementStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  rejected: 'Rejected',
};

export const SOURCE_LABELS: Record<ImprovementSource, string> = {
  'internal-audit': 'Internal audit',
  'certification-audit': 'Certification audit',
  incident: 'Incident',
  'management-review': 'Management review',
  monitoring: 'Monitoring',
  concern: 'Reported concern',
  suggestion: 'Suggestion',
  other: 'Other',
};

/** Statuses after which nothing more is done: the outcome says what came of it. */
export const CLOSED_STATUSES: readonly ImprovementStatus[] = ['done', 'rejected'];
export const isClosed = (s: ImprovementStatus) => CLOSED_STATUSES.includes(s);

export const improvementNumber = (seq: number) => `IMP-${String(seq).padStart(3, '0')}`;

/** IMP-012, imp-12 or 12: the sequence number, or null. */
export function parseImprovementNumber(q: string): number | null {
  const m = /^\s*(?:imp-?)?0*(\d{1,9})\s*$/i.exec(q);
  return m ? Number(m[1]) : null;
}

/** Field errors of a whole record's status: a done or rejected improvement states its outcome. */
export function statusErrors(input: { status: ImprovementStatus; outcome: string }): { field: string; message: string }[] {
  if (isClosed(input.status) && !input.outcome.trim())
    return [
      {
        field: 'body.outcome',
        message:
          input.status === 'done'
            ? 'is required when the improvement is done: say what changed and whether it worked'
            : 'is required when the improvement is rejected: say why',
      },
    ];
  return [];
}
