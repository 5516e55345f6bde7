// Pure rules of management reviews: statuses and their words, numbering,
// the flag for a meeting no top manager attends, and what approval needs.

export const REVIEW_STATUSES = ['planned', 'prepared', 'held', 'approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const STATUS_LABELS: Record<ReviewStatus, string> = {
  planned: 'Planned',
  prepared: 'Inputs prepared',
  held: 'Held',
  approved: 'Approved',
};

export const DECISION_KINDS = ['improvement', 'resource', 'change-to-aims', 'other'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  improvement: 'Improvement',
  resource: 'Resources',
  'change-to-aims': 'Change to the management system',
  other: 'Other',
};

export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', done: 'Done' };

export const REVIEW_FLAGS = ['no-top-management'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export const reviewNumber = (seq: number) => `MR-${String(seq).padStart(3, '0')}`;

/** MR-012, mr12 or 12 as a number; null for anything else. */
export function parseReviewNumber(q: string): number | null {
  const m = /^\s*(?:mr-?)?0*(\d{1,6})\s*$/i.exec(q);
  return m ? Number(m[1]) : null;
}

/** The flags of a review: a meeting none of top management attends. */
export function reviewFlags(attendees: { userId: string | null }[], topManagement: ReadonlySet<string>) {
  const attends = attendees.some((a) => a.userId && topManagement.has(a.userId));
  return attends
    ? []
    : [
        {
          code: 'no-top-management' as const,
          field: 'attendees',
          message:
            topManagement.size === 0
              ? 'No one is set as top management yet, so no attendee counts as top management.'
              : 'No member of top management attends this review.',
        },
      ];
}

/** What is missing before a review may be approved, as field errors (empty: it may be). */
export function approvalErrors(r: { status: ReviewStatus; minutes: string; inputsPrepared: boolean }) {
  const errors: { field: string; message: string }[] = [];
  if (r.status !== 'held')
    errors.push({
      field: 'status',
      message: `must be "Held" before approval (it is "${STATUS_LABELS[r.status]}"): record that the meeting took place`,
    });
  if (!r.minutes.trim()) errors.push({ field: 'minutes', message: 'must not be empty: write the minutes first' });
  if (!r.inputsPrepared) errors.push({ field: 'inputs', message: 'must be prepared: compile the inputs first' });
  return errors;
}

/** An open action whose due date has passed. */
export const actionOverdue = (a: { status: ActionStatus; dueDate: string | null }, today: string) =>
  a.status === 'open' && !!a.dueDate && a.dueDate < today;
