import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

// Reading the app's own OpenAPI document: the operations the security tests
// sweep, and a valid-looking value for each path parameter, so a request
// gets past parameter validation to the checks we want to see.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type JsonSchema = {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
};

export interface Operation {
  method: Method;
  /** the OpenAPI path, e.g. /api/v1/orgs/{orgId}/risks/{riskId} */
  path: string;
  /** "METHOD /path", the key of ROUTE_ACCESS */
  key: string;
  pathParams: Record<string, JsonSchema>;
  queryParams: Record<string, JsonSchema>;
  /** the JSON request body schema, when the operation takes one */
  jsonBody?: JsonSchema;
  /** the operation takes a body of another type (upload, CSV...) */
  otherBody: boolean;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OperationObject {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export async function fetchOpenApi(app: FastifyInstance): Promise<OpenApiDoc> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json: ${res.statusCode}`);
  return res.json();
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(byMethod)) {
      if (!METHODS.has(m)) continue;
      const method = m.toUpperCase() as Method;
      const pathParams = Object.fromEntries(
        (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema ?? {}]),
      );
      const queryParams = Object.fromEntries(
        (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}]),
      );
      const content = op.requestBody?.content ?? {};
      const jsonBody = content['application/json']?.schema;
      const otherBody = Object.keys(content).some((c) => c !== 'application/json');
      ops.push({ method, path, key: `${method} ${path}`, pathParams, queryParams, jsonBody, otherBody });
    }
  }
  return ops;
}

export function isOrgRoute(op: Operation): boolean {
  return op.path.startsWith('/api/v1/orgs/{orgId}');
}

/** A value that passes the parameter's schema without naming anything that exists. */
export function sampleParam(name: string, schema: JsonSchema): string {
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.type === 'integer' || schema.type === 'number') return String(Math.max(1, schema.minimum ?? 1));
  const pattern = schema.pattern ?? '';
  if (pattern.includes('{8}-')) return randomUUID();
  if (pattern === '^[0-9a-f]{32}$') return randomUUID().replaceAll('-', '');
  if (/id$/i.test(name) && !pattern && (schema.maxLength ?? 64) >= 36) return randomUUID();
  return `no-such-${name}`.slice(0, schema.maxLength ?? 40);
}

/** The URL of an operation: orgId as given, every other parameter from `ids` or sampled. */
export function fillPath(op: Operation, orgId: string, ids: Record<string, string> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    encodeURIComponent(name === 'orgId' ? orgId : (ids[name] ?? sampleParam(name, op.pathParams[name] ?? {}))),
  );
}

/**
 * A query string that keeps a report out of the PDF printer (HTML or another
 * format where the operation offers one): the sweeps test access, not printing.
 */
export function cheapQuery(op: Operation): string {
  const formats = op.queryParams.format?.enum as string[] | undefined;
  const cheap = formats?.find((f) => f === 'html') ?? formats?.find((f) => f !== 'pdf');
  return cheap ? `?format=${cheap}` : '';
}

/** Follows a local $ref (#/components/schemas/X). */
export function deref(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; cur.$ref && i < 20; i++) {
    const name = cur.$ref.split('/').pop() ?? '';
    cur = doc.components?.schemas?.[name] ?? {};
  }
  return cur;
}
