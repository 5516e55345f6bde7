import type { Answer, AnswerInput, AnswerLink, AnswerStatus } from '../hooks/useGap';
import { STATUS_LABELS } from '../labels';

// The wizard's form state for one answer, and the body it becomes. Selects
// hold strings; the owner is a member's id, a typed name, or nobody.

export const OWNER_NAME = '__name';

export interface AnswerDraft {
  status: AnswerStatus | null;
  /** '' when not rated, else '0' … '5' */
  maturity: string;
  notes: string;
  justification: string;
  /** '' (no owner), a member's userId, or OWNER_NAME */
  ownerChoice: string;
  ownerName: string;
  /** the linked records, with the labels to show them by */
  links: AnswerLink[];
}

/** One string per linked record, for the picker's values: "ai-system:0190…" */
export const linkKey = (l: Pick<AnswerLink, 'type' | 'id'>) => `${l.type}:${l.id}`;

export function draftOf(a: Answer): AnswerDraft {
  return {
    status: a.answered ? a.status : null,
    maturity: a.maturity === null ? '' : String(a.maturity),
    notes: a.notes,
    justification: a.justification,
    ownerChoice: a.owner?.userId ?? (a.owner?.name ? OWNER_NAME : ''),
    ownerName: a.owner && !a.owner.userId ? a.owner.name : '',
    links: a.links,
  };
}

export function sameDraft(x: AnswerDraft, y: AnswerDraft): boolean {
  return (Object.keys(x) as (keyof AnswerDraft)[]).every((k) =>
    k === 'links' ? x.links.map(linkKey).join() === y.links.map(linkKey).join() : x[k] === y[k],
  );
}

export function bodyOf(d: AnswerDraft & { status: AnswerStatus }): AnswerInput {
  return {
    status: d.status,
    maturity: d.maturity === '' ? null : Number(d.maturity),
    notes: d.notes,
    // a justification belongs to "not applicable" only; changing the status drops it
    justification: d.status === 'not-applicable' ? d.justification : '',
    owner:
      d.ownerChoice === ''
        ? null
        : d.ownerChoice === OWNER_NAME
          ? { userId: null, name: d.ownerName }
          : { userId: d.ownerChoice, name: '' },
    links: d.links.map((l) => ({ type: l.type, id: l.id })),
  };
}

/**
 * The values the conflict dialog compares, field by field: what the answer
 * stores, in words (the status by its label, the owner and links by name).
 */
export function answerView(d: AnswerDraft, memberName: (userId: string) => string): Record<string, unknown> {
  return {
    status: STATUS_LABELS[d.status ?? 'unanswered'],
    maturity: d.maturity === '' ? null : Number(d.maturity),
    notes: d.notes,
    justification: d.status === 'not-applicable' ? d.justification : '',
    owner: d.ownerChoice === '' ? null : d.ownerChoice === OWNER_NAME ? d.ownerName : memberName(d.ownerChoice),
    links: d.links.map((l) => l.label),
  };
}
