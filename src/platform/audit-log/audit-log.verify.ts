import { hash } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../db/db.js';
import { type ChainBreak, type ChainLink, findChainBreak, GENESIS_HASH, missingRows, rowHash } from './audit-log.rules.js';
import { checkpointMessage, headMessage, signatureValid } from './audit-log.signing.js';
import './audit-log.tables.js';

// Verification walks the hash chain (an edited or deleted row), then holds it
// against what was signed when it was written: the checkpoints (a row edited
// and the chain recomputed after it no longer matches one), the head (the
// last rows deleted, or the tail rewritten) and, when given, a head exported
// earlier and kept outside (everything rewritten, even with the key).

/** What `aims audit-log export-head` prints. */
export interface ExportedHead {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

export interface VerifyOptions {
  pageSize?: number;
  /** Key ids the verifier trusts; a signature by any other key fails. Unset: any key whose signature verifies. */
  trustedKeyIds?: string[];
  /** An unsigned head or checkpoint fails instead of being a warning (the CLI, which holds the key). */
  requireSigned?: boolean;
  /** A head exported earlier: the log must still hold that row with that hash. */
  exportedHead?: ExportedHead;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  break?: ChainBreak;
  head?: { seq: number; hash: string; at: string; keyId: string | null; signed: boolean };
  checkpoints?: number;
  warnings?: string[];
}

type Signed = { signature: string | null; key_id: string | null; public_key: string | null };

/** Why a signature is not acceptable, or null when it is. */
function signatureProblem(what: string, message: string, s: Signed, opts: VerifyOptions): string | null {
  if (!s.signature || !s.key_id || !s.public_key) return `${what} not signed`;
  if (!signatureValid(message, { signature: s.signature, keyId: s.key_id, publicKey: s.public_key }))
    return `${what}: signature does not verify`;
  if (opts.trustedKeyIds && !opts.trustedKeyIds.includes(s.key_id))
    return `${what} signed by key ${s.key_id}, which this instance does not trust`;
  return null;
}

const DEFAULT_PAGE_SIZE = 5000;

/**
 * The whole log in seq order as whole rows, a keyset page at a time, the next
 * page already being read: the plain scan bench/audit-log.ts holds verify
 * against. At most two pages in memory.
 */
export async function* auditLogPages(db: Db, pageSize = DEFAULT_PAGE_SIZE) {
  const read = (after: number) =>
    db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
  let pending = read(0);
  try {
    for (;;) {
      const rows = await pending;
      if (rows.length === 0) return;
      pending = read(rows[rows.length - 1].seq);
      yield rows;
    }
  } finally {
    // a caller that stops early (a break found) leaves one read in flight
    pending.catch(() => undefined);
  }
}

/** A page of the chain, and whether each row's content matches its hash. */
export interface ChainPage {
  links: ChainLink[];
  contentMatches: (link: ChainLink) => boolean;
  /** rows whose material the database built did not hash to their hash, judged again by rowHash (expected: 0 on an intact log) */
  rejudged: number;
}

/**
 * The database builds each row's hashed material itself, over the columns in
 * rowHash's order, byte for byte what rowHash builds with JSON.stringify:
 * SQLite's json_array and PostgreSQL's to_json escape strings as JavaScript
 * does, integers stay integers. It is hashed here as it comes: no row object,
 * no JSON.stringify per row, which were most of verify's cost beside a plain
 * scan (a worker thread hashing in parallel lost more copying rows to it than
 * it saved). A row whose material does not hash to its hash is judged again
 * by rowHash on the whole row, so a difference in formatting could only cost
 * time, never report a false break. The hash is computed here, not by the
 * database: the verifier trusts the rows it reads, not a function it calls.
 */
export async function* chainPages(db: Db, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<ChainPage> {
  type Link = ChainLink & { material: Uint8Array | string };
  const material =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql`'[' || seq || ',' || to_json(id) || ',' || to_json(at) || ',' || coalesce(to_json(org_id)::text, 'null')
          || ',' || coalesce(to_json(actor_user_id)::text, 'null') || ',' || to_json(actor) || ',' || to_json(entity_type)
          || ',' || to_json(entity_id) || ',' || to_json(action) || ',' || coalesce(to_json(before)::text, 'null')
          || ',' || coalesce(to_json(after)::text, 'null') || ',' || to_json(prev_hash) || ']'`
      : // a blob: no string made of it on the way
        sql`cast(json_array(seq, id, at, org_id, actor_user_id, actor, entity_type, entity_id, action, before, after,
          prev_hash) as blob)`;
  const read = (after: number) =>
    sql<Link>`select seq, prev_hash, hash, ${material} as material from audit_log
      where seq > ${after} order by seq limit ${pageSize}`.execute(db);
  // The next page is read while this one is hashed (on PostgreSQL the database works meanwhile).
  let pending = read(0);
  try {
    for (;;) {
      const { rows } = await pending;
      if (rows.length === 0) return;
      pending = read(rows[rows.length - 1].seq);
      const differ = rows.filter((r) => hash('sha256', r.material, 'hex') !== r.hash).map((r) => r.seq);
      const bad = new Set<number>();
      if (differ.length > 0) {
        const whole = await db.selectFrom('audit_log').selectAll().where('seq', 'in', differ).execute();
        for (const r of whole) if (rowHash(r) !== r.hash) bad.add(r.seq);
      }
      yield { links: rows, contentMatches: (link) => !bad.has(link.seq), rejudged: differ.length };
    }
  } finally {
    // a caller that stops early (a break found) leaves one read in flight
    pending.catch(() => undefined);
  }
}

/** Walks the whole log in pages; memory stays flat however long it grows (checkpoints: one per N rows). */
export async function verifyAuditLog(db: Db, options: VerifyOptions | number = {}): Promise<VerifyResult> {
  const opts = typeof options === 'number' ? { pageSize: options } : options;
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const warnings: string[] = [];
  const unsigned = (problem: string, seq: number): ChainBreak | null => {
    if (!problem.endsWith('not signed') || opts.requireSigned) return { seq, reason: problem };
    if (!warnings.includes(problem)) warnings.push(problem);
    return null;
  };

  const checkpoints = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const fail = (rows: number, found?: ChainBreak | null): VerifyResult => ({
    ok: !found,
    rows,
    ...(found ? { break: found } : {}),
    ...(head
      ? { head: { seq: head.seq, hash: head.hash, at: head.at, keyId: head.key_id, signed: head.signature !== null } }
      : {}),
    checkpoints: checkpoints.length,
    ...(warnings.length ? { warnings } : {}),
  });

  for (const cp of checkpoints) {
    const problem = signatureProblem(`checkpoint at row ${cp.seq}`, checkpointMessage(cp.seq, cp.hash), cp, opts);
    const found = problem && unsigned(problem.endsWith('not signed') ? 'checkpoints not signed' : problem, cp.seq);
    if (found) return fail(0, found);
  }

  const x = opts.exportedHead;
  if (x && !signatureValid(headMessage(x.seq, x.hash, x.at), x))
    return fail(0, { seq: x.seq, reason: 'the exported head: signature does not verify' });

  let prev: { seq: number; hash: string } | undefined;
  let count = 0;
  let exportedSeen = false;
  // checkpoints are in seq order: a cursor through them, not a lookup per row
  let nextCheckpoint = 0;
  for await (const { links: rows, contentMatches } of chainPages(db, pageSize)) {
    const found = findChainBreak(rows, prev, contentMatches);
    if (found) return fail(count, found);
    // No break: the page holds consecutive rows, so row N is at N - first.
    const first = rows[0].seq;
    const last = rows[rows.length - 1];
    for (; nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint].seq <= last.seq; nextCheckpoint++) {
      const cp = checkpoints[nextCheckpoint];
      if (cp.seq < first) continue;
      if (rows[cp.seq - first].hash !== cp.hash)
        return fail(count, {
          seq: cp.seq,
          reason: `row ${cp.seq} differs from its signed checkpoint: rewritten at or before it`,
        });
    }
    if (x && x.seq >= first && x.seq <= last.seq) {
      exportedSeen = true;
      if (rows[x.seq - first].hash !== x.hash)
        return fail(count, { seq: x.seq, reason: `row ${x.seq} differs from the exported head: rewritten at or before it` });
    }
    count += rows.length;
    prev = { seq: last.seq, hash: last.hash };
  }

  const end = prev ?? { seq: 0, hash: GENESIS_HASH };
  const beyond = checkpoints.find((cp) => cp.seq > end.seq);
  if (beyond)
    return fail(count, {
      seq: end.seq + 1,
      reason: `${missingRows(end.seq + 1, beyond.seq)}: a signed checkpoint holds row ${beyond.seq}`,
    });
  if (x && x.seq > 0 && !exportedSeen)
    return fail(count, { seq: x.seq, reason: `${missingRows(end.seq + 1, x.seq)}: the exported head holds row ${x.seq}` });
  if (!head) return fail(count, { seq: end.seq, reason: 'the signed head is missing' });
  if (head.seq > end.seq)
    return fail(count, {
      seq: end.seq + 1,
      reason: `${missingRows(end.seq + 1, head.seq)}: the signed head is at row ${head.seq}`,
    });
  if (head.seq < end.seq)
    return fail(count, {
      seq: head.seq + 1,
      reason: `${head.seq + 1 === end.seq ? `row ${end.seq} was` : `rows ${head.seq + 1} to ${end.seq} were`} added without moving the signed head`,
    });
  if (head.hash !== end.hash)
    return fail(count, { seq: end.seq, reason: `row ${end.seq} differs from the signed head: rewritten at or before it` });
  const problem = signatureProblem('head', headMessage(head.seq, head.hash, head.at), head, opts);
  return fail(count, problem ? unsigned(problem, head.seq) : null);
}
