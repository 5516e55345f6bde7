import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';

// Validation against CycloneDX's official JSON schemas, the copies that ship
// with @cyclonedx/cyclonedx-library. A BOM is checked against the schema of
// the version it declares; remote $refs are never fetched.

export const BOM_VERSIONS = ['1.5', '1.6'] as const;
export type BomVersion = (typeof BOM_VERSIONS)[number];

export interface SchemaError {
  /** JSONPath of the bad value, e.g. $.components[0].type */
  path: string;
  message: string;
}

export class BomSchemaError extends Error {
  constructor(
    message: string,
    public readonly errors: SchemaError[],
  ) {
    super(message);
  }
}

const MAX_ERRORS = 50;
const schemaDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')),
  'res/schema',
);

/**
 * Ajv checks uniqueItems by comparing every pair of items: 10,000 components
 * take seconds of blocked event loop. The same rule checked with a set of
 * canonical JSON strings is linear, so the schemas are loaded with
 * uniqueItems swapped for that keyword; nothing else of them changes.
 */
const UNIQUE = 'uniqueItemsLinear';

function swapUniqueItems(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(swapUniqueItems);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => (k === 'uniqueItems' ? [UNIQUE, v] : [k, swapUniqueItems(v)])));
}

/** JSON with sorted keys: equal for values JSON Schema calls equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function uniqueItems(unique: boolean, data: unknown[]): boolean {
  if (!unique || data.length < 2) return true;
  const seen = new Set<string>();
  for (const item of data) {
    const key = canonical(item);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

async function loadJson(file: string): Promise<object> {
  return swapUniqueItems(JSON.parse(await fs.readFile(path.join(schemaDir, file), 'utf8'))) as object;
}

async function compile(version: BomVersion): Promise<ValidateFunction> {
  // Ajv and its formats load with the first BOM, not at start-up.
  const [{ Ajv }, { default: addFormatsModule }, { default: addDraft2019Formats }] = await Promise.all([
    import('ajv'),
    import('ajv-formats'),
    import('ajv-formats-draft2019'),
  ]);
  const addFormats = addFormatsModule.default;
  const [bom, spdx, jsf, crypto] = await Promise.all([
    loadJson(`bom-${version}.SNAPSHOT.schema.json`),
    loadJson('spdx.SNAPSHOT.schema.json'),
    loadJson('jsf-0.82.SNAPSHOT.schema.json'),
    loadJson('cryptography-defs.SNAPSHOT.schema.json'),
  ]);
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    useDefaults: false,
    // The BOM schemas name their neighbours by these URLs; give Ajv the local copies.
    schemas: {
      'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': spdx,
      'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': jsf,
      'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': crypto,
    },
  });
  ajv.addKeyword({
    keyword: UNIQUE,
    type: 'array',
    schemaType: 'boolean',
    validate: uniqueItems,
    error: { message: 'must not contain duplicate items' },
  });
  addFormats(ajv);
  addDraft2019Formats(ajv, { formats: ['idn-email', 'iri-reference'] });
  return ajv.compile(bom);
}

// Compiling a schema takes a few hundred milliseconds: once per version per process.
const compiled = new Map<BomVersion, Promise<ValidateFunction>>();
function validatorFor(version: BomVersion): Promise<ValidateFunction> {
  let v = compiled.get(version);
  if (!v) {
    v = compile(version);
    compiled.set(version, v);
  }
  return v;
}

/** "/components/0/bom-ref" -> "$.components[0]['bom-ref']" */
export function jsonPath(pointer: string): string {
  let out = '$';
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `['${key.replace(/'/g, "\\'")}']`;
  }
  return out;
}

function describe(e: ErrorObject): SchemaError {
  const p = e.params as Record<string, unknown>;
  let at = jsonPath(e.instancePath);
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'required') {
    at = jsonPath(`${e.instancePath}/${String(p.missingProperty)}`);
    message = 'is required';
  } else if (e.keyword === 'additionalProperties') {
    at = jsonPath(`${e.instancePath}/${String(p.additionalProperty)}`);
    message = 'is not allowed here';
  } else if (e.keyword === 'enum') {
    message = `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { path: at, message };
}

/** The schema version a BOM declares, or a BomSchemaError naming what is wrong. */
export function declaredVersion(data: unknown): BomVersion {
  const bom = data as { bomFormat?: unknown; specVersion?: unknown } | null;
  const errors: SchemaError[] = [];
  if (!bom || typeof bom !== 'object' || Array.isArray(bom)) {
    throw new BomSchemaError('The file is not a CycloneDX JSON BOM.', [{ path: '$', message: 'must be a JSON object' }]);
  }
  if (bom.bomFormat !== 'CycloneDX') errors.push({ path: '$.bomFormat', message: 'must be "CycloneDX"' });
  const version = BOM_VERSIONS.find((v) => v === bom.specVersion);
  if (!version)
    errors.push({
      path: '$.specVersion',
      message: `must be ${BOM_VERSIONS.join(' or ')} (got ${JSON.stringify(bom.specVersion)})`,
    });
  if (errors.length || !version) throw new BomSchemaError('The file is not a CycloneDX 1.5 or 1.6 JSON BOM.', errors);
  return version;
}

/**
 * Validates a parsed BOM against the official schema of its specVersion.
 * Throws a BomSchemaError listing each schema error with its JSONPath.
 */
export async function validateBom(data: unknown): Promise<BomVersion> {
  const version = declaredVersion(data);
  const validate = await validatorFor(version);
  if (validate(data)) return version;
  const seen = new Set<string>();
  const errors: SchemaError[] = [];
  for (const e of validate.errors ?? []) {
    const d = describe(e);
    const key = `${d.path}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(d);
  }
  const shown = errors.slice(0, MAX_ERRORS);
  const more = errors.length - shown.length;
  throw new BomSchemaError(
    `The BOM does not validate against the CycloneDX ${version} schema: ${errors.length} error${errors.length === 1 ? '' : 's'}${more > 0 ? ` (first ${MAX_ERRORS} listed)` : ''}.`,
    shown,
  );
}
