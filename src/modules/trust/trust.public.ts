import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { certificateSummary } from '../certificates/index.js';
import { verifyPath } from './trust.answers.js';
import type { PublicTrustPage } from './trust.schemas.js';

// The public trust page: what the organization published and nothing more.
// Views are counted per client address in the database, so the limit holds
// whichever app process answers.

export const PUBLIC_WINDOW_MS = 60_000;
export const PUBLIC_MAX_PER_WINDOW = 60;

/** Counts one view from `ip`; 429 with Retry-After when the address used up its window. */
export async function throttlePublicView(db: Db, ip: string, now = Date.now()): Promise<void> {
  const since = new Date(now - PUBLIC_WINDOW_MS).toISOString();
  const row = await db
    .selectFrom('trust_page_hits')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= PUBLIC_MAX_PER_WINDOW) {
    const retry = Math.max(1, Math.ceil((Date.parse(String(row.first)) + PUBLIC_WINDOW_MS - now) / 1000));
    throw new AppError(429, 'Too Many Requests', `Too many requests from your address; try again in ${retry} seconds.`, [], {
      'retry-after': String(retry),
    });
  }
  await db.transaction().execute(async (tx) => {
    // the address's expired views are of no further use
    await tx.deleteFrom('trust_page_hits').where('ip', '=', ip).where('at', '<=', since).execute();
    await tx.insertInto('trust_page_hits').values({ id: uuidv7(), ip, at: nowIso() }).execute();
  });
}

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
