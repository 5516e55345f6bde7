// Certification decisions and certificates (journey step 13), public
// verification of a published certificate, and the three-year cycle of
// surveillance and recertification it starts (step 14), with what changed
// since the last audit. The cycle rules are pure (certificates.cycle.ts) and
// shared by the API, the web app and `aims cycle`.
// (contract stub: the module's author replaces the bodies, keeps the signatures)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Executor } from '../../platform/db/db.js';

export const certificateRoutes: FastifyPluginAsyncZod = async () => {};
/** GET /api/v1/public/certificates/:certificateNumber (no sign-in, rate-limited) */
export const publicCertificateRoutes: FastifyPluginAsyncZod = async () => {};

export * from './certificates.cycle.js';

export const CERTIFICATE_STATUSES = ['valid', 'suspended', 'withdrawn', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export interface CertificateSummary {
  /** the organization's current certificate (the latest not withdrawn), null when it holds none */
  certificate: {
    id: string;
    certificateNumber: string;
    status: CertificateStatus;
    issueDate: string;
    expiryDate: string;
    issuingBody: string;
    published: boolean;
    /** the approved scope changed after certification: the body must be told */
    scopeChangedSinceCertification: boolean;
  } | null;
  /** the latest certification decision, null when none */
  decision: { id: string; outcome: 'granted' | 'refused' | 'deferred'; decidedOn: string } | null;
  /** the next surveillance or recertification due date of the cycle, null without a certificate */
  nextDue: { kind: 'surveillance' | 'recertification'; number: number | null; dueBy: string } | null;
}

export async function certificateSummary(_db: Executor, _orgId: string): Promise<CertificateSummary> {
  return { certificate: null, decision: null, nextDue: null };
}
