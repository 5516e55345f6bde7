import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { nowIso } from '../db/db.js';
import { AppError } from '../http/errors.js';
import { problemSchema } from '../http/fields.js';

// Optimistic concurrency for every editable record: a read gives the record's
// version as an ETag (a weak validator of its updated_at, or W/"none" for a
// record not stored yet); a write may send it back as If-Match. A stale
// If-Match is a 409 whose problem body carries the current record and its
// ETag, so a client can show what changed and overwrite knowingly. Without
// If-Match a write goes through as before: scripts keep working.

/** The version of a record as an ETag: W/"<updated_at>", W/"none" when there is none yet. */
export const etagOf = (updatedAt: string | null | undefined) => (updatedAt ? `W/"${updatedAt}"` : NO_VERSION);
const NO_VERSION = 'W/"none"';

/** The If-Match header of a request, if any. */
export const ifMatchOf = (req: FastifyRequest): string | undefined => {
  const v = req.headers['if-match'];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};

/**
 * The updated_at an If-Match names: null for W/"none" (the client saw no
 * record), undefined when none was sent; a value that is no ETag of ours
 * matches nothing.
 */
export function expectedUpdatedAt(ifMatch: string | undefined): string | null | undefined {
  if (ifMatch === undefined) return undefined;
  if (ifMatch === NO_VERSION) return null;
  const m = /^(?:W\/)?"(.*)"$/.exec(ifMatch);
  return m ? m[1] : `\u0000${ifMatch}`;
}

/** True when an If-Match was sent and does not name the current version. */
export const isStale = (ifMatch: string | undefined, currentUpdatedAt: string | null | undefined) =>
  ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etagOf(currentUpdatedAt);

/** updated_at for a write: strictly later than the previous one, so the ETag always changes. */
export function laterThan(previous: string | null | undefined): string {
  const now = nowIso();
  if (!previous || now > previous) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}

/** A write whose If-Match is not the current version: 409 with the current record. */
export class StaleWrite extends AppError {
  constructor(
    noun: string,
    public readonly current: unknown,
    public readonly etag: string,
  ) {
    super(
      409,
      'Conflict',
      `This ${noun} was changed by someone else since you loaded it; reload to see their change or send it again with the current ETag to overwrite it.`,
      [{ field: 'headers.if-match', message: 'is not the current version' }],
      { etag },
    );
  }
}

/** The thrown marker inside a transaction, turned into a StaleWrite once the current record is read. */
export class StaleMarker extends Error {
  constructor() {
    super('stale If-Match');
  }
}

const staleProblems = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The 409 problem of a stale write: the problem fields, the current record
 * and its ETag. One per record schema: a register's write routes share it
 * (fewer objects built at start, issue 17).
 */
export function staleProblemSchema(current: z.ZodType): z.ZodType {
  let schema = staleProblems.get(current);
  if (!schema) {
    schema = problemSchema.extend({ current: current.nullable().optional(), etag: z.string().optional() });
    staleProblems.set(current, schema);
  }
  return schema;
}

/** OpenAPI note for a write that honours If-Match. */
export const IF_MATCH_NOTE =
  'Send If-Match with the ETag of your copy (from the read) to be told (409, with the current record and its ETag) instead of overwriting a change made since; without it the write goes through.';

export const ifMatchHeaders = z.object({ 'if-match': z.string().max(200).optional() }).passthrough();

/**
 * Runs a write and answers a StaleWrite with its 409 problem, current record
 * included; any other error goes to the platform's error handler.
 */
export async function withStale<T>(reply: FastifyReply, write: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await write();
  } catch (e) {
    if (!(e instanceof StaleWrite)) throw e;
    return reply.code(409).header('etag', e.etag).type('application/problem+json').send({
      type: 'about:blank',
      title: e.title,
      status: 409,
      detail: e.message,
      errors: e.errors,
      current: e.current,
      etag: e.etag,
    });
  }
}
