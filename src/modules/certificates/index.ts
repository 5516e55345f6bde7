// Certification decisions and certificates (journey step 13), public
// verification of a published certificate, and the three-year cycle of
// surveillance and recertification it starts (step 14), with what changed
// since the last audit. The cycle rules are pure (certificates.cycle.ts) and
// shared by the API, the web app and `aims cycle`.
import type { Executor } from '../../platform/db/db.js';
import { registerReminderJob } from '../../platform/jobs/index.js';
import { certificationCycleJob } from './certificates.job.js';
import { type CertificateSummary, summary } from './certificates.service.js';

registerReminderJob(certificationCycleJob);

export { publicCertificateRoutes } from './certificates.public.js';
export { certificateRoutes } from './certificates.routes.js';
export * from './certificates.cycle.js';
export type { CertificateSummary };

export const CERTIFICATE_STATUSES = ['valid', 'suspended', 'withdrawn', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The current certificate, the latest decision and the next due date of the cycle (for home, readiness, trust). */
export async function certificateSummary(db: Executor, orgId: string): Promise<CertificateSummary> {
  return summary(db, orgId);
}
