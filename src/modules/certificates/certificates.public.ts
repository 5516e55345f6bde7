import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayUtc } from '../../platform/dates.js';
import { notFound } from '../../platform/http/errors.js';
import { problemSchema } from '../../platform/http/fields.js';
import { type PublicLimit, throttlePublic } from '../../platform/http/public-throttle.js';
import { listCertificationAuditRefs } from '../certification-audits/index.js';
import * as repo from './certificates.repository.js';
import { IAF_CERTSEARCH_URL, numberKey, shownStatus } from './certificates.rules.js';
import { type PublicCertificate, publicCertificateSchema } from './certificates.schemas.js';

// Public verification of a published certificate: no sign-in, nothing of the
// organization beyond the certificate's own fields (no ids), the same 404 for
// an unknown and an unpublished number, and a per-IP limit counted in the
// database so every app node enforces the same one.

export const PUBLIC_LOOKUPS_PER_WINDOW = 30;
const LOOKUP_LIMIT: PublicLimit = {
  bucket: 'certificate-lookup',
  max: PUBLIC_LOOKUPS_PER_WINDOW,
  windowMs: 60_000,
  message: (retry) => `Too many lookups. Try again in ${retry} seconds.`,
};

export const VERIFY_NOTICE =
  'OpenAIMS shows what the organization recorded about its certificate. The issuing certification body is the authority: confirm the certificate with it' +
  ' (and with IAF CertSearch where the accreditation is under the IAF MLA).';

export const publicCertificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/api/v1/public/certificates/:certificateNumber',
    {
      schema: {
        tags: ['public'],
        summary:
          "A published certificate's fields, status and how to verify it with the issuing body; no sign-in. Unknown and unpublished numbers are the same 404. Limited per client address (429 with Retry-After).",
        security: [],
        params: z.object({ certificateNumber: z.string().min(1).max(100) }),
        response: { 200: publicCertificateSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (req): Promise<PublicCertificate> => {
      await throttlePublic(db, LOOKUP_LIMIT, req.ip);
      const row = await repo.publishedByNumber(db, numberKey(req.params.certificateNumber));
      if (!row) throw notFound('Certificate');
      const lastSurveillance = (await listCertificationAuditRefs(db, row.org_id))
        .filter((a) => a.type === 'surveillance' && a.status === 'completed')
        .map((a) => a.endDate)
        .sort()
        .at(-1);
      const underMla = row.iaf_mla === 'yes';
      return {
        certificateNumber: row.certificate_number,
        organizationName: row.organization_name,
        standard: row.standard,
        scopeStatement: row.scope_statement,
        sites: (JSON.parse(row.sites) as { name: string; country: string }[]).map((s) => ({ name: s.name, country: s.country })),
        issueDate: row.issue_date,
        expiryDate: row.expiry_date,
        status: shownStatus(row.status, row.expiry_date, todayUtc()),
        statusChangedOn: row.status_changed_on,
        issuingBody: row.issuing_body_name,
        accreditation: { body: row.accreditation_body, number: row.accreditation_number, iafMlaSignatory: row.iaf_mla },
        lastSurveillanceAudit: lastSurveillance ?? null,
        verification: {
          issuingBody: row.verification_route,
          iafCertSearch: underMla ? IAF_CERTSEARCH_URL : null,
          iafCertSearchListed: Number(row.iaf_cert_search_listed) === 1,
          notice: VERIFY_NOTICE,
        },
      };
    },
  );
};
