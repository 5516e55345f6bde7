// A field-by-field comparison of two versions' content, generic over any
// record's content. Pure: no I/O, unit-tested directly.

export interface VersionChange {
  /** dotted path of the field, e.g. "internalAiTools.notes" */
  field: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

export interface DiffOptions {
  /**
   * How the items of a list are matched between versions, by the list's
   * path: what a person calls an item (its name), so renaming shows as a
   * removal plus an addition and editing a description as a change. Keys
   * match case-insensitively. Lists of strings or numbers match by value
   * without being named here; other unnamed lists match by position.
   */
  lists?: Record<string, (item: never) => string>;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function defaultKey(items: unknown[]): ((item: unknown, index: number) => string) | null {
  const scalar = items.every((i) => typeof i === 'string' || typeof i === 'number');
  return scalar ? (i) => String(i) : null;
}

function diffLists(field: string, before: unknown[], after: unknown[], opts: DiffOptions, out: VersionChange[]) {
  const named = opts.lists?.[field] as ((item: unknown) => string) | undefined;
  const key = named ?? defaultKey([...before, ...after]) ?? ((_: unknown, index: number) => String(index));
  const b = new Map(before.map((item, i) => [key(item, i).toLowerCase(), item]));
  const a = new Map(after.map((item, i) => [key(item, i).toLowerCase(), item]));
  for (const [k, item] of b) {
    if (!a.has(k)) out.push({ field, change: 'removed', before: item, after: null });
    else if (!same(item, a.get(k))) out.push({ field, change: 'changed', before: item, after: a.get(k) });
  }
  for (const [k, item] of a) if (!b.has(k)) out.push({ field, change: 'added', before: null, after: item });
}

function diffValue(field: string, before: unknown, after: unknown, opts: DiffOptions, out: VersionChange[]) {
  if (Array.isArray(before) && Array.isArray(after)) diffLists(field, before, after, opts, out);
  else if (isPlainObject(before) && isPlainObject(after)) diffObjects(`${field}.`, before, after, opts, out);
  else if (!same(before, after)) out.push({ field, change: 'changed', before: before ?? null, after: after ?? null });
}

function diffObjects(
  prefix: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  opts: DiffOptions,
  out: VersionChange[],
) {
  // In the order of the newer content, then fields only the older one has.
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  for (const k of keys) diffValue(`${prefix}${k}`, before[k], after[k], opts, out);
}

/** What changed from `before` to `after`, field by field, in the newer content's field order. */
export function diffContent(before: object, after: object, opts: DiffOptions = {}): VersionChange[] {
  const out: VersionChange[] = [];
  diffObjects('', before as Record<string, unknown>, after as Record<string, unknown>, opts, out);
  return out;
}
