import type { Certificate, Decision } from './hooks/useCertificates';

export type CertificateStatus = Certificate['status'];
export type DecisionOutcome = Decision['outcome'];

export const STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: 'Valid',
  suspended: 'Suspended',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};
export const STATUS_COLORS: Record<CertificateStatus, string> = {
  valid: 'teal',
  suspended: 'orange',
  withdrawn: 'red',
  expired: 'gray',
};
export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  granted: 'Granted',
  refused: 'Refused',
  deferred: 'Deferred',
};
export const OUTCOME_COLORS: Record<DecisionOutcome, string> = { granted: 'teal', refused: 'red', deferred: 'yellow' };
export const IAF_MLA_LABELS = { yes: 'Yes', no: 'No', unknown: 'Not known' } as const;
export const CYCLE_OUTCOME_LABELS: Record<NonNullable<Decision['cycle']>['outcome'], string> = {
  initial: 'Initial certification',
  renewed: 'Renewed (the cycle continues from the previous expiry)',
  restored: 'Restored after expiry',
  'new-certification': 'New certification',
};
export const IAF_CERTSEARCH_URL = 'https://www.iafcertsearch.org';
