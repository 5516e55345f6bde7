import { describe, expect, it } from 'vitest';
import { byContent, deepFreeze, isSharedAnswer, Lru } from './memo.js';

describe('Lru', () => {
  it('drops the least recently used entry once it holds more than its size', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.size]).toEqual([1, 3, 2]);
    lru.delete('a');
    expect([lru.get('a'), lru.size]).toEqual([undefined, 1]);
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects and arrays', () => {
    const v = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(v.a.b)).toBe(true);
    expect(Object.isFrozen(v.a.b[1])).toBe(true);
    expect(() => {
      (v.a.b[1] as { c: number }).c = 3;
    }).toThrow(TypeError);
  });
});

describe('byContent', () => {
  it('returns the same frozen answer for the same content, and builds anew when the content changes', () => {
    let builds = 0;
    const present = byContent<{ rows: number[] }>(8);
    const make = (rows: number[]) => present(JSON.stringify(rows), () => ({ rows: [...rows], n: ++builds }));
    const first = make([1, 2]);
    expect(make([1, 2])).toBe(first);
    expect(builds).toBe(1);
    expect(Object.isFrozen(first.rows)).toBe(true);
    expect(isSharedAnswer(first)).toBe(true);
    const changed = make([1, 3]);
    expect(changed).not.toBe(first);
    expect(changed.rows).toEqual([1, 3]);
    expect(builds).toBe(2);
  });

  it('keeps at most its size, the least recently read leaving first', () => {
    let builds = 0;
    const present = byContent<{ k: string }>(2);
    const make = (k: string) => present(k, () => ({ k, n: ++builds }));
    make('a');
    make('b');
    make('a');
    make('c'); // b leaves
    make('a');
    expect(builds).toBe(3);
    make('b');
    expect(builds).toBe(4);
  });

  it('marks only its own answers as shared', () => {
    expect(isSharedAnswer(Object.freeze({ a: 1 }))).toBe(false);
    expect(isSharedAnswer(null)).toBe(false);
    expect(isSharedAnswer('x')).toBe(false);
  });
});
