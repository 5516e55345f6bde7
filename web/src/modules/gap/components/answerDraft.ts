import type { Answer, AnswerInput, AnswerStatus } from '../hooks/useGap';

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
}

export function draftOf(a: Answer): AnswerDraft {
  return {
    status: a.answered ? a.status : null,
    maturity: a.maturity === null ? '' : String(a.maturity),
    notes: a.notes,
    justification: a.justification,
    ownerChoice: a.owner?.userId ?? (a.owner?.name ? OWNER_NAME : ''),
    ownerName: a.owner && !a.owner.userId ? a.owner.name : '',
  };
}

export function sameDraft(x: AnswerDraft, y: AnswerDraft): boolean {
  return (Object.keys(x) as (keyof AnswerDraft)[]).every((k) => x[k] === y[k]);
}

const LINK_TYPES = ['ai-system', 'supplier', 'scope'] as const;
type LinkType = (typeof LINK_TYPES)[number];

export function bodyOf(d: AnswerDraft & { status: AnswerStatus }, a: Answer): AnswerInput {
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
    // the wizard does not edit links; it keeps the ones the answer has
    links: a.links
      .filter((l): l is { type: LinkType; id: string } => (LINK_TYPES as readonly string[]).includes(l.type))
      .map((l) => ({ type: l.type, id: l.id })),
  };
}
