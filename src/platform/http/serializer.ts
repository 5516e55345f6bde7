import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as validatingSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isSharedAnswer } from '../memo.js';
import { compileFit } from './schema-fit.js';

// Responses in production are written from their JSON Schema, compiled once
// per route and status, instead of being validated field by field with zod
// on every request: by JSON.stringify when the response holds only what the
// schema names (schema-fit.ts), else by fast-json-stringify, which drops what
// the schema does not name. Tests keep zod's
// validating serializer (config.responseValidation), and
// test/api/serializer.test.ts holds the two to the same output on real
// routes: fast-json-stringify drops properties the schema does not name, as
// zod's parse does, and would coerce a value of the wrong type, which the
// validating tests would catch first.

type Compile = FastifySerializerCompiler<unknown>;

/** Routes (method, url, status) whose schema fast-json-stringify could not compile: tests list them. */
export const validatedResponses: string[] = [];
/** Routes whose schema the fit check cannot read, and routes that sent a response that did not fit: tests list them. */
export const unfitResponses = new Set<string>();

/** The response's zod schema, as fastify-type-provider-zod finds it. */
function zodSchemaOf(schema: unknown): z.ZodType | null {
  if (schema instanceof z.ZodType) return schema;
  const inner = (schema as { properties?: unknown } | null)?.properties;
  return inner instanceof z.ZodType ? inner : null;
}

/** JSON Schema (draft-07, what fast-json-stringify reads) of what the zod schema outputs. */
export function responseJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
  }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/**
 * A serializer compiler that writes each response from its schema. A schema
 * fast-json-stringify cannot compile keeps zod's validating serializer: never
 * JSON.stringify unchecked, which would send fields the schema leaves out.
 */
export const schemaSerializerCompiler: Compile = (route) => {
  // Compiled on the route's first response, not at start: compiling every
  // route's schemas up front costs seconds of start-up.
  let write: ((data: unknown) => string) | undefined;
  // What was written for each answer a `byContent` memo shares (deeply
  // frozen, so its JSON cannot change), kept as long as the answer is.
  const bytesOf = new WeakMap<object, string>();
  return (data) => {
    write ??= compile(route);
    if (!isSharedAnswer(data)) return write(data);
    let out = bytesOf.get(data as object);
    if (out === undefined) {
      out = write(data);
      bytesOf.set(data as object, out);
    }
    return out;
  };
};

function compile(route: Parameters<Compile>[0]): (data: unknown) => string {
  const schema = zodSchemaOf(route.schema);
  const id = `${route.method} ${route.url} ${route.httpStatus}`;
  if (schema) {
    let json: Record<string, unknown>;
    let write: (data: unknown) => string;
    try {
      json = responseJsonSchema(schema);
      write = fastJsonStringify(json as unknown as Parameters<typeof fastJsonStringify>[0]) as (data: unknown) => string;
    } catch {
      return validating(route, id);
    }
    // fast-json-stringify's answer is a tree of concatenated strings: as a
    // string, Node would flatten it twice (to measure it, then again behind
    // the headers); encoded to bytes, once (Fastify accepts either).
    const written = (data: unknown) => sendable(write(data));
    const fits = compileFit(json);
    if (!fits) {
      unfitResponses.add(id);
      return written;
    }
    return (data) => {
      if (fits(data)) return sendable(JSON.stringify(data));
      unfitResponses.add(id);
      return written(data);
    };
  }
  return validating(route, id);
}

const encoder = new TextEncoder();

/**
 * The JSON as UTF-8 bytes, encoded in one pass. Sent as a string, Node would
 * measure it, copy it behind the headers and encode it: cheap passes while V8
 * holds the string at one byte a character, but each 4-6x slower once it
 * holds it at two, which one character past Latin-1 anywhere in the answer
 * does (a ’ in a name), and so can a short string V8 happened to make that
 * way (a tag "eu" did, on the PostgreSQL bench: 6% of the AI systems list's
 * CPU went to measuring). Room for an eighth more bytes than characters holds
 * nearly every answer; one that needs more (much text in non-Latin scripts)
 * is encoded again, in full.
 */
function sendable(json: string): string {
  const bytes = Buffer.allocUnsafe(json.length + (json.length >> 3) + 8);
  const { read, written } = encoder.encodeInto(json, bytes);
  const out = read === json.length ? bytes.subarray(0, written) : Buffer.from(json, 'utf8');
  return out as unknown as string;
}

function validating(route: Parameters<Compile>[0], id: string): (data: unknown) => string {
  validatedResponses.push(id);
  return (validatingSerializerCompiler as Compile)(route) as (data: unknown) => string;
}

export { validatingSerializerCompiler };
