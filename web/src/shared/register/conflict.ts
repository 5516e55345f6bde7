import { ApiError } from '../api';

// Optimistic concurrency, the web half: every write of an editable record
// sends If-Match with the version of the copy being edited; a 409 naming
// headers.if-match carries the current record and its ETag, and the
// ConflictDialog shows what differs and lets the user reload theirs or
// overwrite with theirs knowingly (the same write, with the new ETag).

/** A record's version as the server's ETag: W/"<updatedAt>", W/"none" when not stored yet. */
export const versionTag = (updatedAt: string | null | undefined) => (updatedAt ? `W/"${updatedAt}"` : 'W/"none"');

/** The If-Match header parameter of a typed call. */
export const ifMatchHeader = (etag: string) => ({ 'if-match': etag });

export interface StaleConflict {
  /** the record as it is now on the server */
  current: unknown;
  /** its ETag: send it to overwrite */
  etag: string;
}

/** The current record and ETag of a stale write's 409; null for any other failure. */
export function conflictOf(error: unknown): StaleConflict | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const p = error.problem as typeof error.problem & { current?: unknown; etag?: string };
  if (!p.etag || !p.errors?.some((e) => e.field === 'headers.if-match')) return null;
  return { current: p.current ?? null, etag: p.etag };
}

export interface FieldDifference {
  field: string;
  mine: string;
  theirs: string;
}

/** A value shown short: text as is, lists by their items' names, cut at 80 characters. */
export function shortValue(v: unknown): string {
  let s: string;
  if (v === null || v === undefined || v === '') s = '(empty)';
  else if (typeof v === 'string') s = v;
  else if (Array.isArray(v))
    s =
      v.length === 0
        ? '(none)'
        : v.map((x) => (x && typeof x === 'object' && 'name' in x ? String(x.name) : shortValue(x))).join(', ');
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of mine whose value differs in theirs, with both values shown short. */
export function differences(mine: Record<string, unknown>, theirs: unknown): FieldDifference[] {
  const t = (theirs && typeof theirs === 'object' ? theirs : {}) as Record<string, unknown>;
  return Object.keys(mine)
    .filter((k) => !same(mine[k], t[k]))
    .map((field) => ({ field, mine: shortValue(mine[field]), theirs: shortValue(t[field]) }));
}
