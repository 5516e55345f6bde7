import { describe, expect, it } from 'vitest';
import { type ChainedRow, canonicalJson, findChainBreak, GENESIS_HASH, rowHash } from './audit-log.rules.js';

function chain(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = {
      seq: i,
      id: `id-${i}`,
      at: `2026-01-0${i}T00:00:00.000Z`,
      org_id: 'org',
      actor_user_id: 'u',
      actor: 'a@example.com',
      entity_type: 'scope',
      entity_id: 'e',
      action: 'update',
      before: canonicalJson({ n: i - 1 }),
      after: canonicalJson({ n: i }),
      prev_hash: prev,
    };
    const hash = rowHash(fields);
    rows.push({ ...fields, hash });
    prev = hash;
  }
  return rows;
}

describe('audit log hash chain', () => {
  it('accepts an intact chain', () => {
    expect(findChainBreak(chain(5))).toBeNull();
  });

  it('finds an edited row by its own hash', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], after: canonicalJson({ n: 99 }) };
    expect(findChainBreak(rows)).toEqual({ seq: 3, reason: 'row content does not match its hash' });
  });

  it('finds a row whose hash was recomputed after an edit, at the next row', () => {
    const rows = chain(5);
    const edited = { ...rows[1], actor: 'mallory' };
    rows[1] = { ...edited, hash: rowHash(edited) };
    expect(findChainBreak(rows)?.seq).toBe(3);
  });

  it('names a deleted row by its own sequence number', () => {
    const rows = chain(5);
    rows.splice(3, 1);
    expect(findChainBreak(rows)).toEqual({ seq: 4, reason: 'row 4 is missing' });
    rows.splice(1, 1);
    expect(findChainBreak(rows)).toEqual({ seq: 2, reason: 'row 2 is missing' });
    expect(findChainBreak(chain(9).filter((r) => r.seq < 3 || r.seq > 6))).toEqual({ seq: 3, reason: 'rows 3 to 6 are missing' });
  });

  it('continues from a previous page', () => {
    const rows = chain(6);
    expect(findChainBreak(rows.slice(3), rows[2])).toBeNull();
    expect(findChainBreak(rows.slice(3), rows[1])).not.toBeNull();
  });

  it('serialises objects with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });
});
