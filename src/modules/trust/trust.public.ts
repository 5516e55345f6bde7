import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';
import type { PublicLimit } from '../../platform/http/public-throttle.js';
import { certificateSummary } from '../certificates/index.js';
import { verifyPath } from './trust.answers.js';
import type { PublicTrustPage } from './trust.schemas.js';

// The public trust page: what the organization published and nothing more.

/** Views per client address a minute (platform/http/public-throttle.ts counts them in the database). */
export const TRUST_PAGE_LIMIT: PublicLimit = {
  bucket: 'trust-page',
  max: 60,
  windowMs: 60_000,
  message: (retry) => `Too many requests from your address; try again in ${retry} seconds.`,
};

/** A published page by its slug; an unknown or unpublished slug is the same plain 404. */
export async function publicTrustPage(db: Db, slug: string): Promise<PublicTrustPage> {
  const row = await db
    .selectFrom('trust_pages')
    .select(['org_id', 'public_name', 'answers', 'published_at'])
    .where('slug', '=', slug)
    .where('published_at', 'is not', null)
    .executeTakeFirst();
  if (!row?.published_at) throw notFound('Trust page');
  const cert = (await certificateSummary(db, row.org_id)).certificate;
  return {
    organization: row.public_name,
    publishedAt: row.published_at,
    answers: (JSON.parse(row.answers) as { question: string; answer: string }[]).map((a) => ({
      question: a.question,
      answer: a.answer,
    })),
    // read now, not frozen: a certificate suspended or unpublished since shows as it is
    certificate: cert?.published
      ? {
          certificateNumber: cert.certificateNumber,
          issuingBody: cert.issuingBody,
          status: cert.status,
          verifyPath: verifyPath(cert.certificateNumber),
        }
      : null,
  };
}
