import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { deref, type JsonSchema, type OpenApiDoc } from './openapi.js';

// Hostile request bodies made from an operation's own request schema: first
// a body that looks valid (so the attack lands on a field the handler really
// reads), then one to three mutations of it. The body is sent as JSON text;
// parts that JSON.stringify cannot express (1e309, 10,000 levels of nesting)
// travel as placeholder strings replaced in the text, so building them never
// recurses in this process.

/** Ids of records that exist, by parameter name (riskId...), to aim at real rows. */
export type KnownIds = Record<string, string[]>;

const RAW = '\u0000raw:';
const DEPTH = 10_000;
const RAW_TEXT: Record<string, string> = {
  'deep-array': `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`,
  'deep-object': `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`,
  'deep-mixed': `${'[{"a":'.repeat(DEPTH / 2)}null${'}]'.repeat(DEPTH / 2)}`,
  'num-overflow': '1e309',
  'num-neg-overflow': '-1e309',
  'num-huge-int': '123456789012345678901234567890123456789',
  'num-tiny': '5e-324',
  'num-neg-zero': '-0',
};
const raw = (name: keyof typeof RAW_TEXT) => `${RAW}${name}`;

/** Turns a body into the JSON text sent, expanding the placeholders. */
export function toJsonText(body: unknown): string {
  const text = JSON.stringify(body) ?? 'null';
  if (!text.includes('\\u0000raw:')) return text;
  return text.replace(/"\\u0000raw:([a-z-]+)"/g, (_m, name: string) => RAW_TEXT[name] ?? 'null');
}

const MB = 1_000_000;
export const HOSTILE_STRINGS: string[] = [
  'A'.repeat(MB),
  '\u202e'.repeat(MB / 4),
  'e\u0301\u0302\u0303'.repeat(MB / 16),
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\ud800',
  'lone \udfff low',
  '\udbff\udfff\ud800',
  '\u202eevil\u202c \u2066rtl\u2069',
  '\ufeffbom',
  '\u200b\u200c\u200d',
  '👩‍👩‍👧‍👦🏳️‍🌈💩',
  'Z̴̡̛̗͓̈́a̵̢͚̔l̸̰̓g̷͎̈o̸̞͗',
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '%_\\%',
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  `{{7*7}}\${7*7}<%= 7*7 %>`,
  '../../../../etc/passwd',
  '\r\nSet-Cookie: x=1',
  '%s%s%n%x',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '9007199254740993',
  'null',
  'undefined',
  'true',
  '__proto__',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

export const EDGE_NUMBERS: unknown[] = [
  0,
  -0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 63),
  2 ** 31,
  5e-324,
  raw('num-overflow'),
  raw('num-neg-overflow'),
  raw('num-huge-int'),
  raw('num-tiny'),
  raw('num-neg-zero'),
];

export const WRONG_TYPES: unknown[] = [null, true, false, 0, 42, 'text', [], {}, [[]], [null], { a: 1 }, ['a', 1, null]];

export const DEEP: unknown[] = [raw('deep-array'), raw('deep-object'), raw('deep-mixed')];

/** An object with an own key named `key` (`__proto__` included), as JSON.parse would make it. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const POLLUTERS: [string, unknown][] = [
  ['__proto__', { polluted: 'yes', isAdmin: true }],
  ['constructor', { prototype: { polluted: 'yes' } }],
  ['prototype', { polluted: 'yes' }],
  ['__defineGetter__', 'x'],
  ['hasOwnProperty', 'x'],
  ['toString', 'x'],
  ['isAdmin', true],
  ['role', 'owner'],
  ['orgId', randomUUID()],
  ['id', randomUUID()],
  ['extraField', 'unexpected'],
];

const idNameOf = (prop: string) => prop.replace(/Ids$/, 'Id');

/**
 * A body that passes the schema's shape, aimed at known records where ids
 * are asked for; `full` fills optional properties too, else only required ones.
 */
export function baseValue(doc: OpenApiDoc, schema: JsonSchema, known: KnownIds, full = false, prop = '', depth = 0): unknown {
  const s = deref(doc, schema);
  const next = (sub: JsonSchema, name = prop) => baseValue(doc, sub, known, full, name, depth + 1);
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    const first = options.find((o) => deref(doc, o).type !== 'null') ?? options[0];
    return next(first);
  }
  if (s.allOf) return Object.assign({}, ...s.allOf.map((p) => next(p) as object));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || (!type && s.properties)) {
    const out: Record<string, unknown> = {};
    const required = new Set(s.required ?? []);
    for (const [k, v] of Object.entries(s.properties ?? {})) if (full || required.has(k)) out[k] = next(v, k);
    return out;
  }
  if (type === 'array') {
    const n = Math.max(s.minItems ?? 0, s.prefixItems ? s.prefixItems.length : 0, 1);
    if (s.prefixItems) return s.prefixItems.map((p) => next(p));
    return Array.from({ length: Math.min(n, s.maxItems ?? n) }, () => next(s.items ?? {}));
  }
  if (type === 'integer' || type === 'number') {
    const min = s.minimum ?? 1;
    return Math.min(Math.max(1, min), s.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (type === 'boolean') return false; // never switch on enforcement (MFA, SSO) by accident
  if (type === 'null') return null;
  if (type === 'string') return baseString(s, known, prop);
  return null;
}

const CANDIDATES = ['2026-06-01', '2026-06-01T00:00:00.000Z', '2026-06', 'DE', 'EUR', 'fuzz-slug', '1'];

function baseString(s: JsonSchema, known: KnownIds, prop: string): string {
  const pattern = s.pattern ?? '';
  if (pattern.includes('{8}-') || s.format === 'uuid') return known[idNameOf(prop)]?.[0] ?? randomUUID();
  if (s.format === 'email' || /email/i.test(prop)) return `fuzz-${Date.now().toString(36)}@example.com`;
  if (s.format === 'date-time') return '2026-06-01T00:00:00.000Z';
  if (s.format === 'uri' || /url|website/i.test(prop)) return 'https://example.com/fuzz';
  if (/password/i.test(prop)) return 'Fuzzed-Passphrase-91!x';
  if (pattern) {
    const re = new RegExp(pattern);
    return CANDIDATES.find((c) => re.test(c)) ?? matching(re);
  }
  const min = s.minLength ?? 1;
  return `Fuzz ${prop || 'value'} text`.padEnd(min, 'x').slice(0, s.maxLength ?? 200);
}

/** A string the pattern accepts; fast-check cannot build some (lookahead): then a plain word. */
function matching(re: RegExp): string {
  try {
    return fc.sample(fc.stringMatching(re), { seed: 1, numRuns: 1 })[0];
  } catch {
    return 'fuzz';
  }
}

type Path = (string | number)[];

/** The places a mutation can land: the body itself and every nested property or item. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = [], depth = 0): Path[] {
  out.push(prefix);
  if (depth > 5 || value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k], out, depth + 1);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown | typeof REMOVE): unknown {
  if (path.length === 0) return value === REMOVE ? {} : value;
  let cur = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return root;
}
const REMOVE = Symbol('remove');

type MutationKind =
  | 'wrong-type'
  | 'hostile-string'
  | 'random-string'
  | 'edge-number'
  | 'deep'
  | 'remove'
  | 'extra-keys'
  | 'whole-body';
export interface Mutation {
  kind: MutationKind;
  where: number;
  pick: number;
  text: string;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>(
    'wrong-type',
    'hostile-string',
    'hostile-string',
    'random-string',
    'edge-number',
    'deep',
    'remove',
    'remove',
    'extra-keys',
    'whole-body',
  ),
  where: fc.nat(),
  pick: fc.nat(),
  text: fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
});

/** Applies the mutations to a fresh copy of the base body. */
export function mutate(base: unknown, mutations: Mutation[]): { body: unknown; what: string[] } {
  let body: unknown = structuredClone(base);
  const what: string[] = [];
  for (const m of mutations) {
    const paths = pathsOf(body);
    // Aim strings at string fields and numbers at number fields where the body has some,
    // so the attack passes the type check and reaches the handler and the database.
    const valueAt = (p: Path) => p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], body);
    const leafType = m.kind.endsWith('string') ? 'string' : m.kind === 'edge-number' ? 'number' : null;
    const aimed = leafType ? paths.filter((p) => typeof valueAt(p) === leafType) : paths.filter((p) => p.length > 0);
    const pool = aimed.length ? aimed : paths;
    const path = pool[m.where % pool.length];
    const at = path.join('.') || '(body)';
    const from = <T>(list: T[]) => list[m.pick % list.length];
    switch (m.kind) {
      case 'wrong-type':
        body = setAt(body, path, structuredClone(from(WRONG_TYPES)));
        break;
      case 'hostile-string':
        body = setAt(body, path, from(HOSTILE_STRINGS));
        break;
      case 'random-string':
        body = setAt(body, path, m.text);
        break;
      case 'edge-number':
        body = setAt(body, path, from(EDGE_NUMBERS));
        break;
      case 'deep':
        body = setAt(body, path, from(DEEP));
        break;
      case 'remove':
        if (path.length) body = setAt(body, path, REMOVE);
        break;
      case 'extra-keys': {
        const parents = paths.filter((p) => {
          const v = valueAt(p);
          return v !== null && typeof v === 'object' && !Array.isArray(v);
        });
        const target = parents.length ? parents[m.where % parents.length] : [];
        const obj = valueAt(target);
        if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
          const [key, value] = from(POLLUTERS);
          withOwnKey(obj as Record<string, unknown>, key, structuredClone(value));
          what.push(`extra-keys ${key} at ${target.join('.') || '(body)'}`);
          continue;
        }
        break;
      }
      case 'whole-body':
        body = from([null, [], 'text', 42, true, [structuredClone(base)], raw('deep-array'), raw('deep-object')]);
        break;
    }
    what.push(`${m.kind} at ${at}`);
  }
  return { body, what };
}

/** A short, printable description of a body, for failure messages. */
export function describeBody(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}... (${text.length} chars)` : text;
}
