import type { CoreSetRow } from '../hooks/useDocuments';
import { OTHER_TYPE } from '../labels';

// The SoA is held live by its own module and is not a document type.
const NOT_A_TYPE = new Set(['statement-of-applicability']);

/** Whether a core-set row can be started as a document here. */
export const isDocumentType = (key: string) => !NOT_A_TYPE.has(key);

/** The document types to choose from: the core set's titles (from the API), then "Other". */
export function typeOptions(coreSet: CoreSetRow[] | undefined): { value: string; label: string }[] {
  return [
    ...(coreSet ?? []).filter((r) => !NOT_A_TYPE.has(r.key)).map((r) => ({ value: r.key, label: r.title })),
    { value: OTHER_TYPE, label: 'Other' },
  ];
}

/** A type's title, the key itself when unknown. */
export function typeLabel(coreSet: CoreSetRow[] | undefined, key: string): string {
  if (key === OTHER_TYPE) return 'Other';
  return coreSet?.find((r) => r.key === key)?.title ?? key;
}
