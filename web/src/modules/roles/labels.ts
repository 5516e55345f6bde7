// The roles register's words for its flags and fields.

export const FLAG_LABELS: Record<string, string> = {
  vacant: 'Vacant',
  'holder-left': 'Holder left',
  'holder-is-deputy': 'Holder is deputy',
  'no-deputy': 'No deputy',
};

/** Vacant and a departed holder in red (nobody answers for the role); info-level flags grey. */
export const flagColor = (code: string) =>
  code === 'vacant' || code === 'holder-left' ? 'red' : code === 'no-deputy' ? 'gray' : 'orange';

export const FIELD_LABELS: Record<string, string> = {
  name: 'Role',
  responsibilities: 'Responsibilities',
  authorities: 'Authorities',
  holder: 'Holder',
  deputy: 'Deputy',
  notes: 'Notes',
};
