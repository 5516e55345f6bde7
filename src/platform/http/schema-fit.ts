// Does a response hold only what its JSON Schema names? If it does,
// JSON.stringify writes exactly the fields fast-json-stringify would, in one
// flat string: on a 40 KB list about half the time and a fifth of the
// garbage (fast-json-stringify builds the answer from thousands of small
// concatenations, which V8 must then flatten to send). The check is what
// keeps JSON.stringify safe: a field the schema leaves out, an object where
// the schema promises a plain value, a Date or anything else JSON.stringify
// would expand, and the response is not a fit: the caller then writes it
// with fast-json-stringify, which drops what the schema does not name.
//
// Compiled once per schema into nested closures. Types of plain values are
// not checked beyond "not an object": wrong types are the validating
// serializer's to catch in tests; leaking data is this check's to prevent.

type Schema = Record<string, unknown> | boolean;
export type Fit = (value: unknown) => boolean;

const PLAIN = new Set(['string', 'number', 'integer', 'boolean', 'null']);

// A plain JSON value. Not a function (JSON.stringify would call a toJSON one)
// nor a bigint (it would throw).
function plainValue(v: unknown): boolean {
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || v === null || v === undefined;
}
const anything: Fit = () => true;

/**
 * A check that `value` fits `schema`, or null when the schema uses what the
 * check does not read (allOf, tuples, a $ref outside the document...): such a route keeps
 * fast-json-stringify for every response.
 */
export function compileFit(schema: Schema): Fit | null {
  const refs = new Map<string, Fit | null>();
  const root = schema;
  // A named schema (zod's meta id) is a $ref into the root's definitions; a
  // cycle reaches its own ref again while compiling, so it calls through.
  const ref = (path: string): Fit | null => {
    if (refs.has(path)) return refs.get(path) ?? null;
    const m = /^#\/(definitions|\$defs)\/([^/]+)$/.exec(path);
    const target = m && typeof root === 'object' ? (root[m[1]] as Record<string, Schema> | undefined)?.[m[2]] : undefined;
    if (target === undefined) return null;
    let compiled: Fit | null = null;
    refs.set(path, (v) => (compiled as Fit)(v));
    compiled = fitOf(target, ref);
    refs.set(path, compiled);
    return compiled;
  };
  return fitOf(schema, ref);
}

type Ref = (path: string) => Fit | null;

function fitOf(schema: Schema, ref: Ref): Fit | null {
  if (schema === true) return anything;
  if (schema === false) return null;
  const keys = Object.keys(schema);
  // An empty schema ({}, z.unknown()): fast-json-stringify writes any value with JSON.stringify too.
  if (keys.every((k) => NOTES.has(k))) return anything;
  if (typeof schema.$ref === 'string') return keys.every((k) => k === '$ref' || NOTES.has(k)) ? ref(schema.$ref) : null;
  if (STRUCTURAL_UNREAD.some((k) => schema[k] !== undefined)) return null;
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) {
    if (schema.type !== undefined || schema.properties !== undefined) return null;
    const fits = branches.map((b) => fitOf(b, ref));
    if (fits.some((f) => f === null)) return null;
    const all = fits as Fit[];
    return (v) => {
      for (let i = 0; i < all.length; i++) if (all[i](v)) return true;
      return false;
    };
  }
  if (schema.enum !== undefined || schema.const !== undefined) return plainValue;
  const types = [schema.type].flat() as (string | undefined)[];
  if (types.length === 0 || types.includes(undefined)) return null;
  const object = types.includes('object') ? objectFit(schema, ref) : undefined;
  const array = types.includes('array') ? arrayFit(schema, ref) : undefined;
  if (object === null || array === null) return null;
  if (types.some((t) => t !== 'object' && t !== 'array' && !PLAIN.has(t as string))) return null;
  const plain = types.some((t) => PLAIN.has(t as string));
  if (!object && !array) return plainValue;
  return (v) => {
    if (v === null || v === undefined) return plain;
    if (typeof v !== 'object') return plain && plainValue(v);
    if (Array.isArray(v)) return array ? array(v) : false;
    return object ? object(v) : false;
  };
}

/** Keywords that shape which fields a value holds, which the check does not read. */
const STRUCTURAL_UNREAD = [
  '$ref',
  '$dynamicRef',
  'allOf',
  'not',
  'if',
  'prefixItems',
  'patternProperties',
  'unevaluatedProperties',
  'dependentSchemas',
];

/** Keywords that say nothing about which fields a value may hold. */
const NOTES = new Set([
  'definitions',
  '$defs',
  'description',
  'title',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'id',
  '$id',
  '$comment',
]);

function objectFit(schema: Record<string, unknown>, ref: Ref): Fit | null {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  // Most fields hold plain values: they are told apart by a lookup, not a call.
  const plain: Record<string, true> = Object.create(null);
  const nested: Record<string, Fit> = Object.create(null);
  for (const [name, s] of Object.entries(properties)) {
    const f = fitOf(s, ref);
    if (!f) return null;
    if (f === plainValue) plain[name] = true;
    else nested[name] = f;
  }
  const extra = schema.additionalProperties;
  // Extra fields pass only where the schema lets them (a record); fast-json-stringify writes those too.
  const extraFit = extra === undefined || extra === false ? null : fitOf(extra as Schema, ref);
  if (extra !== undefined && extra !== false && !extraFit) return null;
  // The objects of one response mostly share one list of keys, in one order:
  // the last list that passed is kept with each key's check, so the next
  // object with the same keys compares them instead of looking each up.
  let lastKeys: string[] = [];
  let lastChecks: (Fit | null)[] = [];
  const checksOf = (keys: string[]): (Fit | null)[] | undefined => {
    const checks: (Fit | null)[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (plain[k] === true) checks[i] = null;
      else {
        const f = nested[k] ?? extraFit;
        if (!f) return undefined;
        checks[i] = f;
      }
    }
    return checks;
  };
  return (v) => {
    // Only plain objects: a class instance may have a toJSON JSON.stringify would call.
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    const o = v as Record<string, unknown>;
    // Object.keys, not for-in: a for-in leaves the objects slower for the
    // JSON.stringify that follows (about 60 µs more on a 40 KB list).
    const keys = Object.keys(o);
    let checks = lastChecks;
    if (!sameKeys(keys, lastKeys)) {
      const found = checksOf(keys);
      if (!found) return false;
      lastKeys = keys;
      lastChecks = checks = found;
    }
    for (let i = 0; i < keys.length; i++) {
      const value = o[keys[i]];
      const check = checks[i];
      if (check === null ? !plainValue(value) : value !== undefined && !check(value)) return false;
    }
    return true;
  };
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function arrayFit(schema: Record<string, unknown>, ref: Ref): Fit | null {
  if (schema.prefixItems !== undefined || Array.isArray(schema.items)) return null;
  const items = schema.items === undefined ? anything : fitOf(schema.items as Schema, ref);
  if (!items) return null;
  return (v) => {
    const a = v as unknown[];
    for (let i = 0; i < a.length; i++) if (!items(a[i])) return false;
    return true;
  };
}
