// What a pure function makes of an object that never changes (a frozen
// approved version, the catalogue's requirement list), made once per object
// and forgotten with it; and answers kept by the content they were made from.

/** `build`, computed once per `key` object (a WeakMap: no growth, no eviction to tune). */
export function oncePer<K extends object, T>(build: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = build(key);
      made.set(key, value);
    }
    return value;
  };
}

/** Freezes an object and everything it holds, so every holder can share it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A map of at most `max` entries that drops the least recently used first
 * (a Map keeps insertion order: a hit moves to the end).
 */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Answers made by a `byContent` memo: deeply frozen, so their JSON never changes (the serializer keeps it). */
const sharedAnswers = new WeakSet<object>();

/** Whether `value` came from a `byContent` memo. */
export const isSharedAnswer = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && sharedAnswers.has(value);

/**
 * An answer computed from rows a request has just read, kept by those rows'
 * content: `key` is a string of everything the answer depends on (usually
 * the rows' JSON). The same content again returns the same deeply frozen
 * answer, and the response serializer, seeing one it already wrote, sends
 * the same bytes without building or writing it again. Read from the
 * database on every request, the content decides, so several processes
 * never serve one another's stale answer; only unchanged reads are spared.
 */
export function byContent<T extends object>(max: number): (key: string, build: () => T) => T {
  const kept = new Lru<T>(max);
  return (key, build) => {
    let answer = kept.get(key);
    if (answer === undefined) {
      answer = deepFreeze(build());
      sharedAnswers.add(answer);
      kept.set(key, answer);
    }
    return answer;
  };
}
