import type { DocumentFlag } from './documents.schemas.js';
import { addMonths } from '../../platform/dates.js';
export { addMonths } from '../../platform/dates.js';

// Pure rules of the document register: numbering, status in words, review
// dates and what an auditor would flag. No I/O: documents.present.ts gathers
// the facts, these functions judge them.

export const documentNumber = (seq: number) => `DOC-${String(seq).padStart(3, '0')}`;

/** DOC-7, doc-007, 7 -> 7; anything else -> null */
export function parseDocumentNumber(q: string): number | null {
  const m = /^(?:doc-?)?0*(\d{1,9})$/i.exec(q.trim());
  return m ? Number(m[1]) : null;
}

export type DocumentStatus = 'retired' | 'in review' | 'approved' | 'draft';

/** Retired wins; a draft sent for review is "in review" even when an older version is approved. */
export function documentStatus(d: {
  retiredAt: string | null;
  reviewRequestedAt: string | null;
  approvedVersion: number | null;
}): DocumentStatus {
  if (d.retiredAt) return 'retired';
  if (d.reviewRequestedAt) return 'in review';
  if (d.approvedVersion !== null) return 'approved';
  return 'draft';
}

/**
 * The next review date an approval sets: a date a person chose stays when it
 * is still ahead of the approval; otherwise the approval date plus the interval.
 */
export function reviewDateAfterApproval(
  approvedAt: string,
  intervalMonths: number,
  current: { date: string | null; explicit: boolean },
): string {
  const day = approvedAt.slice(0, 10);
  if (current.explicit && current.date && current.date > day) return current.date;
  return addMonths(day, intervalMonths);
}

export const DUE_SOON_DAYS = 30;

export interface FlagFacts {
  today: string;
  /** today plus DUE_SOON_DAYS */
  soon: string;
  retired: boolean;
  approvedVersion: number | null;
  nextReviewDate: string | null;
  owner: { userId: string | null; name: string } | null;
  /** the owner is a member who left or whose account is disabled */
  ownerLeft: boolean;
  /** names of vacant roles the document names or whose name its text mentions */
  vacantRoles: string[];
  /** approved policy requiring acknowledgement: how many of its audience acknowledged the current version */
  acknowledgements: { acknowledged: number; total: number } | null;
}

export function documentFlags(f: FlagFacts): DocumentFlag[] {
  if (f.retired) return [];
  const flags: DocumentFlag[] = [];
  if (f.approvedVersion === null) {
    flags.push({
      code: 'no-approved-version',
      severity: 'warning',
      field: 'approvedVersion',
      message: 'No version of this document has been approved yet.',
    });
  } else if (f.nextReviewDate && f.nextReviewDate < f.today) {
    flags.push({
      code: 'review-overdue',
      severity: 'warning',
      field: 'nextReviewDate',
      message: `The review due on ${f.nextReviewDate} is overdue.`,
    });
  } else if (f.nextReviewDate && f.nextReviewDate <= f.soon) {
    flags.push({
      code: 'review-due-soon',
      severity: 'info',
      field: 'nextReviewDate',
      message: `The review is due on ${f.nextReviewDate}.`,
    });
  }
  if (f.vacantRoles.length) {
    const names = f.vacantRoles.map((n) => `'${n}'`).join(', ');
    flags.push({
      code: 'role-vacant',
      severity: 'warning',
      field: 'namedRoleIds',
      message: `The document gives duties to ${f.vacantRoles.length === 1 ? 'a vacant role' : 'vacant roles'}: ${names}.`,
    });
  }
  if (f.ownerLeft && f.owner) {
    flags.push({
      code: 'owner-left',
      severity: 'warning',
      field: 'owner',
      message: `The owner ${f.owner.name} is no longer an active member of the organization.`,
    });
  }
  const ack = f.acknowledgements;
  if (ack && ack.acknowledged < ack.total) {
    flags.push({
      code: 'not-acknowledged',
      severity: 'warning',
      field: 'acknowledgements',
      message: `${ack.acknowledged} of ${ack.total} people in the audience acknowledged version ${f.approvedVersion}.`,
    });
  }
  return flags;
}

/** Vacant role names a Markdown body mentions, ignoring case; roles named explicitly are listed by the caller. */
export function rolesMentioned(body: string, roleNames: string[]): string[] {
  const lower = body.toLowerCase();
  return roleNames.filter((n) => n.trim() && lower.includes(n.toLowerCase()));
}
