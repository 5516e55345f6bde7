// Certification bodies (journey step 9): the candidate bodies compared side by
// side (issuer, ISO/IEC 42001 accreditation, accreditation body and IAF MLA,
// buyer fit, verification route, timeline, surveillance terms), their quotes
// and audit-day estimates, the one chosen, and the quote request pack.
// (contract stub: the module's author replaces the bodies, keeps the signatures)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Executor } from '../../platform/db/db.js';

export const certificationBodyRoutes: FastifyPluginAsyncZod = async () => {};

export interface CertificationBodySummary {
  /** candidate bodies, not archived */
  candidates: number;
  /** the body the organization chose, null until one is chosen */
  chosen: {
    id: string;
    name: string;
    /** accreditation covers ISO/IEC 42001: true, false, or null when not recorded */
    accreditedForIso42001: boolean | null;
    accreditationBody: string | null;
    /** the accreditation body signs the IAF MLA: true, false, null when not recorded */
    iafMlaSignatory: boolean | null;
    /** how a buyer verifies a certificate this body issues (text or URL) */
    verificationRoute: string | null;
  } | null;
  /** warnings across the candidates (no accreditation recorded, price-only choice, partner as issuer) */
  warnings: number;
}

export async function certificationBodySummary(_db: Executor, _orgId: string): Promise<CertificationBodySummary> {
  return { candidates: 0, chosen: null, warnings: 0 };
}
