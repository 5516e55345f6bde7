import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/db.js';
import { AppError } from './errors.js';

// The per-address limit of the routes anyone may call without signing in (a
// certificate lookup, a trust page). Hits are counted in the database, so the
// limit holds whichever app process answers; a hit over the limit counts too,
// so guessing numbers or slugs is slowed the same way.

export interface PublicLimit {
  /** which route's limit: hits of one bucket never count against another */
  bucket: string;
  max: number;
  windowMs: number;
  /** the 429's detail, given the seconds to wait */
  message(retryAfter: number): string;
}

/** Counts one hit from `ip`; 429 with Retry-After when it is over the bucket's limit for the window. */
export async function throttlePublic(db: Db, limit: PublicLimit, ip: string, now = Date.now()): Promise<void> {
  const since = new Date(now - limit.windowMs).toISOString();
  const at = new Date(now).toISOString();
  const { n, first } = await db.transaction().execute(async (tx) => {
    // hits older than the window count for no one: the table stays as small as the window's traffic
    await tx.deleteFrom('public_hits').where('bucket', '=', limit.bucket).where('at', '<', since).execute();
    await tx.insertInto('public_hits').values({ id: uuidv7(), bucket: limit.bucket, ip, at }).execute();
    return tx
      .selectFrom('public_hits')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
      .where('bucket', '=', limit.bucket)
      .where('ip', '=', ip)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
  });
  if (Number(n) > limit.max) {
    const retry = Math.max(1, Math.ceil((Date.parse(String(first ?? at)) + limit.windowMs - now) / 1000));
    throw new AppError(429, 'Too Many Requests', limit.message(retry), [], { 'retry-after': String(retry) });
  }
}
