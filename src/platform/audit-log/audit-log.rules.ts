import { hash } from 'node:crypto';

// The audit log is a hash chain: each row's hash covers its own fields and the
// previous row's hash, so editing, deleting or reordering any row breaks every
// hash after it. Pure functions here; I/O lives in audit-log.ts.

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  id: string;
  at: string;
  org_id: string | null;
  actor_user_id: string | null;
  actor: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
}

export interface ChainedRow extends ChainedFields {
  hash: string;
}

/** JSON with object keys sorted, so equal values always serialise the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function rowHash(f: ChainedFields): string {
  const material = JSON.stringify([
    f.seq,
    f.id,
    f.at,
    f.org_id,
    f.actor_user_id,
    f.actor,
    f.entity_type,
    f.entity_id,
    f.action,
    f.before,
    f.after,
    f.prev_hash,
  ]);
  // One-shot hash: no Hash object per row, a third faster on verify's million rows.
  return hash('sha256', material, 'hex');
}

export type ChainBreak = { seq: number; reason: string };

/** What the chain itself needs of a row; `contentMatches` judges the rest. */
export type ChainLink = Pick<ChainedRow, 'seq' | 'prev_hash' | 'hash'>;

/**
 * Checks a run of consecutive rows. `prev` is the row before the run (or
 * undefined at the start of the log). Returns the first break or null.
 * `contentMatches` says whether a row's content hashes to its hash (verify
 * passes one that hashed the rows another way first).
 */
export function findChainBreak<R extends ChainLink = ChainedRow>(
  rows: R[],
  prev?: { seq: number; hash: string },
  contentMatches: (row: R) => boolean = (row) => rowHash(row as unknown as ChainedFields) === row.hash,
): ChainBreak | null {
  let expectedPrev = prev?.hash ?? GENESIS_HASH;
  let expectedSeq = (prev?.seq ?? 0) + 1;
  for (const row of rows) {
    // A deleted row is named by its own number, not by the row after the hole.
    if (row.seq > expectedSeq) return { seq: expectedSeq, reason: missingRows(expectedSeq, row.seq - 1) };
    if (row.seq !== expectedSeq) return { seq: row.seq, reason: `sequence out of order: expected ${expectedSeq}` };
    if (row.prev_hash !== expectedPrev) return { seq: row.seq, reason: 'prev_hash does not match the previous row' };
    if (!contentMatches(row)) return { seq: row.seq, reason: 'row content does not match its hash' };
    expectedPrev = row.hash;
    expectedSeq = row.seq + 1;
  }
  return null;
}

export function missingRows(from: number, to: number): string {
  return from === to ? `row ${from} is missing` : `rows ${from} to ${to} are missing`;
}
