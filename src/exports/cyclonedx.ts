import { randomUUID } from 'node:crypto';
import { type BomVersion, BomSchemaError, jsonPath, validateBom } from './cyclonedx-schema.js';

// The part of CycloneDX an AI inventory speaks: machine-learning-model
// components with their model card, the organizations behind them, and
// name-value properties for what the standard has no field for. Reading
// validates against the official schema first, so the shapes typed here hold.

export interface CdxProperty {
  name: string;
  value?: string;
}

export interface CdxOrganizationalEntity {
  'bom-ref'?: string;
  name?: string;
  url?: string[];
}

export interface CdxRisk {
  name?: string;
  mitigationStrategy?: string;
}

export type CdxDataset = { type: string; name?: string; 'bom-ref'?: string } | { ref: string };

export interface CdxModelCard {
  'bom-ref'?: string;
  modelParameters?: { task?: string; datasets?: CdxDataset[] };
  considerations?: {
    users?: string[];
    useCases?: string[];
    technicalLimitations?: string[];
    ethicalConsiderations?: CdxRisk[];
  };
}

export interface CdxComponent {
  type: string;
  name: string;
  'bom-ref'?: string;
  version?: string;
  description?: string;
  supplier?: CdxOrganizationalEntity;
  /** 1.6 only */
  manufacturer?: CdxOrganizationalEntity;
  publisher?: string;
  modelCard?: CdxModelCard;
  properties?: CdxProperty[];
  /** 1.6 only */
  tags?: string[];
  components?: CdxComponent[];
}

export interface CdxBom {
  bomFormat: 'CycloneDX';
  specVersion: string;
  serialNumber?: string;
  version?: number;
  metadata?: {
    timestamp?: string;
    tools?: { components?: CdxComponent[] } | unknown[];
    component?: CdxComponent;
    /** 1.6 only */
    manufacturer?: CdxOrganizationalEntity;
    supplier?: CdxOrganizationalEntity;
  };
  components?: CdxComponent[];
}

export const ML_MODEL = 'machine-learning-model';

/** Parses and validates a BOM (JSON text, bytes or an already parsed value). */
export async function readBom(input: string | Buffer | object): Promise<{ bom: CdxBom; version: BomVersion }> {
  const data = typeof input === 'string' || Buffer.isBuffer(input) ? parseJson(input) : input;
  // Before the validator: it recurses along nested components and overflows the stack at depth.
  assertNesting(data);
  const version = await validateBom(data);
  // The schema has just accepted it, and every field typed above is a schema field.
  return { bom: data as CdxBom, version };
}

export class BomJsonError extends Error {}

/** Components inside components: real BOMs nest a few levels (a system, its models, their parts). */
export const MAX_COMPONENT_NESTING = 32;
/** JSON levels of any kind; enough for 32 levels of components and what a component holds. */
export const MAX_JSON_DEPTH = 128;

/**
 * Refuses a BOM nested deeper than the limits, naming the first place past
 * them. Iterative (an explicit stack), so any depth is measured safely.
 */
export function assertNesting(data: unknown): void {
  const stack: { value: unknown; pointer: string; depth: number; components: number }[] = [
    { value: data, pointer: '', depth: 0, components: 0 },
  ];
  while (stack.length) {
    const { value, pointer, depth, components } = stack.pop() as (typeof stack)[number];
    if (!value || typeof value !== 'object') continue;
    if (components > MAX_COMPONENT_NESTING) {
      throw new BomSchemaError(`Components are nested more than ${MAX_COMPONENT_NESTING} levels deep.`, [
        {
          path: jsonPath(pointer),
          message: `is nested ${components} levels of components deep; at most ${MAX_COMPONENT_NESTING} are allowed`,
        },
      ]);
    }
    if (depth > MAX_JSON_DEPTH) {
      throw new BomSchemaError(`The BOM is nested more than ${MAX_JSON_DEPTH} levels deep.`, [
        {
          path: jsonPath(pointer),
          message: `is nested more than ${MAX_JSON_DEPTH} levels deep; at most ${MAX_JSON_DEPTH} are allowed`,
        },
      ]);
    }
    const isArray = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      if (!child || typeof child !== 'object') continue;
      // An item of a "components" array is one level of components deeper.
      const inComponents = isArray && /\/components$/.test(pointer);
      stack.push({
        value: child,
        pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        depth: depth + 1,
        components: components + (inComponents ? 1 : 0),
      });
    }
  }
}

function parseJson(input: string | Buffer): unknown {
  let text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BomJsonError(`is not valid JSON (${(e as Error).message})`);
  }
}

export interface Located<T> {
  /** JSONPath of the item in the BOM */
  path: string;
  item: T;
}

/** Every component of the BOM, nested ones and the BOM's own subject included, with its path. */
export function allComponents(bom: CdxBom): Located<CdxComponent>[] {
  const out: Located<CdxComponent>[] = [];
  const walk = (list: CdxComponent[] | undefined, at: string) => {
    list?.forEach((c, i) => {
      const path = `${at}[${i}]`;
      out.push({ path, item: c });
      walk(c.components, `${path}.components`);
    });
  };
  if (bom.metadata?.component) {
    out.push({ path: '$.metadata.component', item: bom.metadata.component });
    walk(bom.metadata.component.components, '$.metadata.component.components');
  }
  walk(bom.components, '$.components');
  return out;
}

/** Values of every property with this name, in order (CycloneDX allows repeats). */
export function propertyValues(c: CdxComponent, name: string): string[] {
  return (c.properties ?? []).filter((p) => p.name === name).map((p) => p.value ?? '');
}

export interface BomOptions {
  specVersion: '1.6';
  /** the BOM's subject, e.g. the organization whose inventory this is */
  subject: { name: string; 'bom-ref': string };
  /** the organization the BOM is about and made by, as its files name it (metadata.manufacturer and supplier) */
  organization?: { name: string };
  tool: { name: string; version: string };
  components: CdxComponent[];
  timestamp?: string;
}

/** A complete BOM document around the given components. */
export function buildBom(o: BomOptions): CdxBom {
  return {
    bomFormat: 'CycloneDX',
    specVersion: o.specVersion,
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: o.timestamp ?? new Date().toISOString(),
      tools: { components: [{ type: 'application', name: o.tool.name, version: o.tool.version }] },
      component: { type: 'application', name: o.subject.name, 'bom-ref': o.subject['bom-ref'] },
      ...(o.organization ? { manufacturer: { name: o.organization.name }, supplier: { name: o.organization.name } } : {}),
    },
    components: o.components,
  };
}
