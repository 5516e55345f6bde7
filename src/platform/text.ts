// Text folding shared by duplicate detection and import header matching:
// "ChatGPT Enterprise", "chatgpt-enterprise" and "ChatGPT_Enterprise " all
// fold to "chatgptenterprise".
export function fold(value: string): string {
  // Decomposing ASCII changes nothing, and most names are ASCII: Unicode
  // normalization was a quarter of the time here.
  return (ASCII.test(value) ? value : value.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const ASCII = /^[\x00-\x7f]*$/;

const remembered = new Map<string, string>();

/**
 * fold(), remembered across requests for names that come back on every page
 * (suppliers sorted by name on each inventory page: 60 folds a page were 27
 * µs of it). Folding is pure, so a remembered key is always right; the
 * memory starts over past 5,000 names.
 */
export function foldRemembered(value: string): string {
  let key = remembered.get(value);
  if (key === undefined) {
    key = fold(value);
    if (remembered.size >= 5000) remembered.clear();
    remembered.set(value, key);
  }
  return key;
}

/** Words of a text for similarity: folded, without very short words. */
export function words(value: string): Set<string> {
  return new Set(
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2),
  );
}

/** Jaccard similarity of two word sets, 0 to 1. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

// Reused rows: duplicate detection calls editDistance half a million times.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Levenshtein distance, giving up (returning max + 1) once it exceeds max.
 * Names compared for duplicates are sorted neighbours with long shared
 * prefixes, so the shared prefix and suffix are dropped first (they never
 * change the distance), and only the diagonal band |i - j| <= max of the
 * matrix is computed (duplicate detection over 10,000 systems: 1.4 s -> 0.2 s).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  // One side empty: the rest of the other is inserted, and |n - m| <= max here.
  if (n === 0 || m === 0) return Math.max(n, m);
  if (m + 2 > rowA.length) {
    rowA = new Int32Array(m + 2);
    rowB = new Int32Array(m + 2);
  }
  const out = max + 1;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : out;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 ? i : out;
    let rowMin = cur[lo - 1];
    const ca = a.charCodeAt(start + i - 1);
    for (let j = lo; j <= hi; j++) {
      const substitute = prev[j - 1] + (ca === b.charCodeAt(start + j - 1) ? 0 : 1);
      const v = Math.min(substitute, prev[j] + 1, cur[j - 1] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The cell right of the band is out of reach; the next row reads it.
    if (hi < m) cur[hi + 1] = out;
    if (rowMin > max) return out;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] > max ? out : prev[m];
}

// Built on first use: loading ICU's region names takes ~25 ms, which every
// start of the server paid when this was made at module load (issue 17).
let regionNames: Intl.DisplayNames | undefined;

/** "DE" -> "Germany": a country's English name for a document or message; the code itself if it is not one. */
export function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code ("Germany", "D")
  }
}

/**
 * A whole number with commas between thousands (10000 → "10,000"), as
 * toLocaleString('en') writes it, without loading ICU's number formats: module
 * code that builds messages at start would pay ~25 ms for them (issue 17).
 */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
