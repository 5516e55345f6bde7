// Seeded randomness for `aims dev seed`: the same seed gives the same
// sequence, so the same command writes the same rows. Each area draws from
// its own stream (seed + area name), so a change in one area's generator
// leaves the others' rows as they were.

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for test data, never for secrets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a label, to derive one stream per area from the seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number, stream: string) {
    this.next = mulberry32((seed ^ hash32(stream)) >>> 0);
  }

  /** [0, 1) */
  float(): number {
    return this.next();
  }

  /** an integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An item by weight: [[value, weight], ...]. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of options) {
      r -= w;
      if (r < 0) return value;
    }
    return options[options.length - 1][0];
  }

  /** n distinct items (fewer when the list is shorter), in the list's order. */
  sample<T>(items: readonly T[], n: number): T[] {
    if (n >= items.length) return [...items];
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
  }

  /** 16 random hex digits. */
  hex16(): string {
    const hi = Math.floor(this.next() * 0x100000000);
    const lo = Math.floor(this.next() * 0x100000000);
    return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
  }

  /**
   * A UUIDv7-shaped id whose time part is the record's creation time, like
   * the ids the app makes (ids sort by creation), with seeded random bits.
   */
  uuid(atIso: string): string {
    const ms = Date.parse(atIso).toString(16).padStart(12, '0');
    const r = this.hex16() + this.hex16();
    const variant = ((Number.parseInt(r[3], 16) & 0x3) | 0x8).toString(16);
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 19)}`;
  }
}

const DAY_MS = 86_400_000;

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A timestamp within the `spanDays` before the anchor day, at a working hour. */
export function timeBefore(rng: Rng, anchor: string, spanDays: number): string {
  const day = addDays(anchor, -rng.int(1, spanDays));
  const seconds = rng.int(8 * 3600, 18 * 3600);
  return new Date(Date.parse(`${day}T00:00:00Z`) + seconds * 1000 + rng.int(0, 999)).toISOString();
}

/** A timestamp `minDays`..`maxDays` after `at`, never after the anchor's end. */
export function timeAfter(rng: Rng, at: string, anchor: string, maxDays: number): string {
  const limit = Date.parse(`${anchor}T00:00:00Z`);
  const t = Math.min(Date.parse(at) + rng.int(1, Math.max(1, maxDays)) * DAY_MS + rng.int(0, 3_600_000), limit - 1);
  return new Date(Math.max(t, Date.parse(at) + 1)).toISOString();
}
