import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseConnection } from 'kysely';
import { type Executor, withBeforeCommit } from '../db/db.js';
import { AppError } from './errors.js';
import { addRouteHook } from './route-hooks.js';

// Idempotent POSTs. A client that sends `Idempotency-Key` on a POST gets the
// same answer however often the request arrives: a double click, a retry
// after a lost response, or two app processes receiving it at once make one
// record. The first request claims (user, key, method, path) by inserting a
// row (the primary key lets exactly one insert win, on every app process and
// dialect); it then runs as usual, and its status and body are stored. A
// repeat replays them; a repeat while the first still runs waits a moment,
// then answers 409 with Retry-After; the same key with another body is
// refused (422). Keys live 24 hours.
//
// A node can die (SIGKILL, power) between the claim and the stored answer.
// So that a retry then learns the truth instead of a 409 for a day:
// - Commit mark. Every transaction the request commits also sets the claim's
//   completed_at, on its own connection just before COMMIT (db.ts's
//   withBeforeCommit). The mark exists exactly when the change does.
// - The claim's created_at is its token; the mark is written only where the
//   token is still ours (a compare-and-set), else the transaction rolls back.
// - A claim older than idempotencyTakeoverSeconds without a mark is taken
//   over by a retry (a new token, compare-and-set), which then runs the
//   request. If the first was in fact still alive, its commit finds its token
//   gone and rolls back: one write either way. Both CAS statements touch one
//   row, so PostgreSQL's row lock orders them across nodes (and SQLite's one
//   writer does there): a mark and a takeover never both succeed.
// - A claim with a mark but no answer (the node died after its commit) is
//   answered 409 "Already saved": the change was made, do not send it again.

declare module '../db/tables.js' {
  interface DB {
    idempotency_keys: IdempotencyKeysTable;
  }
}

export interface IdempotencyKeysTable {
  user_id: string;
  idem_key: string;
  method: string;
  path: string;
  /** sha-256 of the query string and body: a reused key must carry the same request */
  request_hash: string;
  /** when the claim was made or taken over; also the claim's token */
  created_at: string;
  /** set when the first request's change commits (in its transaction), or when it answered */
  completed_at: string | null;
  status: number | null;
  /** JSON object of the response headers worth replaying */
  headers: string | null;
  body: string | null;
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX = 200;
const TTL_MS = 24 * 60 * 60 * 1000;
/** How long a duplicate waits for the first request to finish before 409. */
const WAIT_MS = 5000;
const POLL_MS = 50;
const PRUNE_EVERY_MS = 60 * 1000;
/** Response headers a replay repeats (never cookies). */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];

declare module 'fastify' {
  interface FastifyRequest {
    /** the key this request claimed, to store its response under */
    idempotencyClaim: Claim | null;
    /** ends the request's commit-mark context (db.ts withBeforeCommit) */
    closeCommitMark: (() => void) | null;
  }
}

export function installIdempotency(app: FastifyInstance, db: Executor) {
  app.decorateRequest('idempotencyClaim', null);
  app.decorateRequest('closeCommitMark', null);
  const takeoverMs = app.config.idempotencyTakeoverSeconds * 1000;
  let lastPrune = 0;

  // Only POST routes carry the hooks: a GET never pays for them.
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().includes('POST')) return;
    addRouteHook(route, 'preHandler', claimKey, 'last');
    addRouteHook(route, 'preHandler', withCommitMark, 'last');
    addRouteHook(route, 'onSend', storeAnswer, 'first');
    addRouteHook(route, 'onResponse', releaseUnanswered, 'first');
  });

  // preHandler: after authentication, the org permission check, body
  // validation and the route's own checks, so only requests that would run
  // claim a key.
  async function claimKey(req: FastifyRequest, reply: FastifyReply) {
    if (req.method !== 'POST') return; // a route that also answers other methods
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > IDEMPOTENCY_KEY_MAX || Array.isArray(raw)) {
      throw new AppError(400, 'Invalid Idempotency-Key', `Send one Idempotency-Key of 1 to ${IDEMPOTENCY_KEY_MAX} characters.`, [
        { field: 'headers.idempotency-key', message: `must be 1 to ${IDEMPOTENCY_KEY_MAX} characters` },
      ]);
    }
    const userId = req.auth?.user.id;
    if (!userId) return; // sign-in and other anonymous POSTs: nothing to key by

    const now = Date.now();
    if (now - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = now;
      await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff(now)).execute();
    }

    const id = { user_id: userId, idem_key: key, method: req.method, path: req.url.split('?')[0] ?? req.url };
    const hash = requestHash(req);
    const deadline = now + WAIT_MS;
    for (;;) {
      const token = newToken();
      const claimed = await db
        .insertInto('idempotency_keys')
        .values({ ...id, request_hash: hash, created_at: token })
        .onConflict((oc) => oc.doNothing())
        .returning('idem_key')
        .executeTakeFirst();
      if (claimed) {
        req.idempotencyClaim = { ...id, token };
        return;
      }
      const row = await find(db, id);
      if (!row) continue; // released or pruned in between: claim again
      if (row.created_at < cutoff(Date.now())) {
        // Older than 24 hours: the key is free again.
        await matching(db.deleteFrom('idempotency_keys'), id).where('created_at', '=', row.created_at).execute();
        continue;
      }
      if (row.request_hash !== hash) {
        throw new AppError(
          422,
          'Idempotency-Key reused',
          'This Idempotency-Key was already used for a different request; send a new key for a new request.',
          [{ field: 'headers.idempotency-key', message: 'was used with a different body' }],
        );
      }
      if (row.status !== null) return replay(reply, row);
      const age = Date.now() - Date.parse(row.created_at);
      if (row.completed_at === null && age >= takeoverMs) {
        // No commit mark long after the claim: its node died (or it is still
        // running, and will now fail at its commit). This request runs instead.
        const taken = await matching(db.updateTable('idempotency_keys'), id)
          .set({ created_at: token })
          .where('created_at', '=', row.created_at)
          .where('completed_at', 'is', null)
          .executeTakeFirst();
        if (taken.numUpdatedRows === 1n) {
          req.idempotencyClaim = { ...id, token };
          return;
        }
        continue;
      }
      if (row.completed_at !== null && (Date.now() >= deadline || age >= takeoverMs)) {
        // Committed, yet no answer came: the node that ran it is gone.
        throw alreadySaved(row.completed_at);
      }
      if (Date.now() >= deadline) {
        const retryAfter = Math.max(1, Math.min(60, Math.ceil((takeoverMs - age) / 1000)));
        throw new AppError(
          409,
          'Request in progress',
          'A request with this Idempotency-Key is still being processed; retry shortly to get its answer.',
          [],
          { 'retry-after': String(retryAfter) },
        );
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  // The claim's commit mark rides in every transaction the request commits
  // (see the top of the file). A callback hook: the handler then runs inside
  // the mark's context, so its transactions find it; the context closes with the response.
  function withCommitMark(req: FastifyRequest, _reply: FastifyReply, done: () => void) {
    const claim = req.idempotencyClaim;
    if (!claim) return done();
    withBeforeCommit(
      (connection) => markCommitted(db, connection, req, claim),
      (close) => {
        req.closeCommitMark = close;
        done();
      },
    );
  }

  // Store the answer of the request that claimed the key; a failure on our
  // side (5xx), a transient refusal or a stream releases it so a retry runs,
  // unless its change committed (the mark stays: a retry hears "Already saved").
  async function storeAnswer(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const claim = req.idempotencyClaim;
    if (!claim) return payload;
    req.idempotencyClaim = null;
    const status = reply.statusCode;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    const keep = body !== undefined && status < 500 && status !== 408 && status !== 409 && status !== 429;
    if (!keep) {
      await release(db, claim);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const h of REPLAYED_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    await mine(db.updateTable('idempotency_keys'), claim)
      .set({ completed_at: new Date().toISOString(), status, headers: JSON.stringify(headers), body })
      .execute();
    return payload;
  }

  // A request that ended without a reply (the client went away before the
  // handler answered) must not hold its key for a day.
  async function releaseUnanswered(req: FastifyRequest) {
    req.closeCommitMark?.();
    const claim = req.idempotencyClaim;
    if (!claim) return;
    req.idempotencyClaim = null;
    await release(db, claim);
  }
}

/** The claim's commit mark, inside the transaction about to commit; no longer ours: roll back. */
async function markCommitted(db: Executor, connection: DatabaseConnection, req: FastifyRequest, claim: Claim) {
  if (req.idempotencyClaim !== claim) return; // answered already: a later transaction is not the request's
  const query = mine(db.updateTable('idempotency_keys'), claim).set({ completed_at: new Date().toISOString() }).compile();
  const { numAffectedRows } = await connection.executeQuery(query);
  if (numAffectedRows === 0n) {
    throw new AppError(
      409,
      'Request taken over',
      'This request ran longer than the Idempotency-Key allows, and a retry with the same key runs it instead; nothing was saved by this one.',
      [],
    );
  }
}

function alreadySaved(at: string) {
  return new AppError(
    409,
    'Already saved',
    `The first request with this Idempotency-Key was saved at ${at}, but its answer was lost (the server handling it stopped). Do not send it again: read the record, or the audit log, to see the result.`,
    [{ field: 'headers.idempotency-key', message: `was used by a request whose change was saved at ${at}` }],
  );
}

/** Frees the key for a retry, unless the change committed or a retry took it over. */
async function release(db: Executor, claim: Claim) {
  await mine(db.deleteFrom('idempotency_keys'), claim).where('completed_at', 'is', null).execute();
}

type Id = { user_id: string; idem_key: string; method: string; path: string };
/** a key this request holds: `token` is the row's created_at as it claimed it */
type Claim = Id & { token: string };

// biome-ignore lint/suspicious/noExplicitAny: a Kysely builder over idempotency_keys (select, update or delete)
function matching<Q extends { where: (...a: any[]) => Q }>(q: Q, id: Id): Q {
  return q
    .where('user_id', '=', id.user_id)
    .where('idem_key', '=', id.idem_key)
    .where('method', '=', id.method)
    .where('path', '=', id.path);
}

/** The claim's row while this request still holds it. */
// biome-ignore lint/suspicious/noExplicitAny: as matching
function mine<Q extends { where: (...a: any[]) => Q }>(q: Q, claim: Claim): Q {
  return matching(q, claim).where('created_at', '=', claim.token);
}

let lastToken = '';
/** Now as a token: never the same twice in this process, so a takeover always changes it. */
function newToken(): string {
  let t = new Date().toISOString();
  if (t <= lastToken) t = new Date(Date.parse(lastToken) + 1).toISOString();
  lastToken = t;
  return t;
}

function find(db: Executor, id: Id) {
  return matching(db.selectFrom('idempotency_keys').selectAll(), id).executeTakeFirst();
}

function cutoff(now: number): string {
  return new Date(now - TTL_MS).toISOString();
}

function requestHash(req: FastifyRequest): string {
  const h = createHash('sha256');
  h.update(req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
  h.update('\n');
  const body = req.body;
  if (Buffer.isBuffer(body)) h.update(body);
  else if (typeof body === 'string') h.update(body);
  else h.update(JSON.stringify(body ?? null));
  return h.digest('hex');
}

function replay(reply: FastifyReply, row: { status: number | null; headers: string | null; body: string | null }) {
  const headers = JSON.parse(row.headers ?? '{}') as Record<string, string>;
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  reply.header('idempotent-replayed', 'true');
  // The stored body is already serialized: send it as is, past the route's serializer.
  return reply
    .code(row.status ?? 200)
    .serializer((p: unknown) => p as string)
    .send(row.body ?? '');
}
