import { PostgresAdapter, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';
import type { Row } from '../db/tables.js';
import { turnsEvery } from '../turns.js';
import { canonicalJson, GENESIS_HASH, rowHash } from './audit-log.rules.js';
import { auditSigningFor, checkpointMessage, headMessage } from './audit-log.signing.js';
import './audit-log.tables.js';

export { type VerifyOptions, type VerifyResult, verifyAuditLog } from './audit-log.verify.js';

export interface Actor {
  userId: string | null;
  /** what a reader of the log sees: an email, "cli", "system" */
  label: string;
}

export interface AuditEntry {
  orgId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

// Fields never written to the log, even inside before/after.
const SECRET_KEYS = new Set(['password_hash', 'passwordHash', 'token_hash', 'tokenHash', 'password', 'csrf_token']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/**
 * Appends one row. Call it inside the transaction that makes the change, so
 * the change and its record commit or fail together.
 */
export async function appendAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await appendAuditMany(tx, actor, [entry]);
}

/**
 * Appends several rows in order with one lock and batched inserts: an import
 * of 10,000 records writes 10,000 chained rows without 10,000 round trips.
 */
export async function appendAuditMany(
  tx: Executor,
  actor: Actor,
  entries: AuditEntry[],
  /** `beforeHead`: for a migration that runs before 0038 made the head table (0038 then starts the head at the last row) */
  opts: { beforeHead?: boolean } = {},
): Promise<void> {
  if (entries.length === 0) return;
  // The rows and the signed head commit together, or neither does.
  if (!tx.isTransaction) return tx.transaction().execute((t) => appendAuditMany(t, actor, entries, opts));
  if (tx.getExecutor().adapter instanceof PostgresAdapter) {
    // Serialises writers across app nodes so two rows never claim the same seq.
    await sql`select pg_advisory_xact_lock(4200142001)`.execute(tx);
  }
  // The log continues from its last row, or from the head when rows past the
  // last one were deleted: the hole then stays in the chain for verify to name.
  // One statement for both: every write pays for it.
  const from = opts.beforeHead
    ? await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
    : (
        await sql<{ seq: number; hash: string }>`
          select seq, hash from (select seq, hash from audit_log order by seq desc limit 1) as last_row
          union all select seq, hash from audit_head where id = 1
          order by seq desc limit 1`.execute(tx)
      ).rows[0];
  let seq = from?.seq ?? 0;
  let prevHash = from?.hash ?? GENESIS_HASH;
  const at = nowIso();
  // Hashing is synchronous (~30 ms for an import's 1,000 rows): a turn of the
  // event loop every few milliseconds, so other requests go on.
  const turns = turnsEvery();
  const rows = [];
  for (const entry of entries) {
    await turns();
    const fields = {
      seq: ++seq,
      id: uuidv7(),
      at,
      org_id: entry.orgId,
      actor_user_id: actor.userId,
      actor: actor.label,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : canonicalJson(redact(entry.before)),
      after: entry.after === undefined ? null : canonicalJson(redact(entry.after)),
      prev_hash: prevHash,
    };
    prevHash = rowHash(fields);
    rows.push({ ...fields, hash: prevHash });
  }
  // A bulk write (an import): 100 rows a statement, with a turn of the event
  // loop every few milliseconds. Each row updates the log's seven indexes: at
  // a million rows a statement of 500 held the event loop ~120 ms on SQLite.
  for (let i = 0; i < rows.length; i += 100) {
    await tx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 100))
      .execute();
    await turns();
  }
  if (!opts.beforeHead) await storeSignedHead(tx, rows, at);
}

/** The new head, and a checkpoint for every Nth row written, signed when a signer is attached. */
async function storeSignedHead(tx: Executor, rows: { seq: number; hash: string }[], at: string): Promise<void> {
  const { signer, checkpointEvery } = auditSigningFor(tx);
  const signed = (message: string) =>
    signer
      ? { signature: signer.sign(message), key_id: signer.keyId, public_key: signer.publicKey }
      : { signature: null, key_id: null, public_key: null };
  const checkpoints = rows
    .filter((r) => r.seq % checkpointEvery === 0)
    .map((r) => ({ seq: r.seq, hash: r.hash, at, ...signed(checkpointMessage(r.seq, r.hash)) }));
  if (checkpoints.length) await tx.insertInto('audit_checkpoints').values(checkpoints).execute();
  const top = rows[rows.length - 1];
  const head = { seq: top.seq, hash: top.hash, at, ...signed(headMessage(top.seq, top.hash, at)) };
  await tx
    .insertInto('audit_head')
    .values({ id: 1, ...head })
    .onConflict((oc) => oc.column('id').doUpdateSet(head))
    .execute();
}

export interface AuditLogQuery {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  /** newest first; cursor is the last seen seq */
  beforeSeq?: number;
  limit: number;
}

export async function listAuditLog(db: Executor, orgId: string, q: AuditLogQuery): Promise<Row<'audit_log'>[]> {
  return auditLogListQuery(db, orgId, q).execute();
}

/** The list's statement, unexecuted: the index tests hold its plan to migration 0042's indexes. */
export function auditLogListQuery(db: Executor, orgId: string, q: AuditLogQuery) {
  let query = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.actorUserId) query = query.where('actor_user_id', '=', q.actorUserId);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<=', q.to);
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  return query.orderBy('seq', 'desc').limit(q.limit);
}

/** A record's change history, oldest first; ids lets a merged record show its predecessors too. */
export async function entityHistory(db: Executor, orgId: string, entityType: string, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', entityIds)
    .orderBy('seq')
    .execute();
  return rows.map(toAuditEntry);
}

export function toAuditEntry(r: Row<'audit_log'>) {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    orgId: r.org_id,
    actorUserId: r.actor_user_id,
    actor: r.actor,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    hash: r.hash,
  };
}
