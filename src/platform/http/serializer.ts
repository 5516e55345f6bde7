import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as validatingSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

// Responses in production are written from their JSON Schema by
// fast-json-stringify, compiled once per route and status, instead of being
// validated field by field with zod on every request. Tests keep zod's
// validating serializer (config.responseValidation), and
// test/api/serializer.test.ts holds the two to the same output on real
// routes: fast-json-stringify drops properties the schema does not name, as
// zod's parse does, and would coerce a value of the wrong type, which the
// validating tests would catch first.

type Compile = FastifySerializerCompiler<unknown>;

/** Routes (method, url, status) whose schema fast-json-stringify could not compile: tests list them. */
export const validatedResponses: string[] = [];

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
 * plain JSON.stringify, which would send fields the schema leaves out.
 */
export const schemaSerializerCompiler: Compile = (route) => {
  // Compiled on the route's first response, not at start: compiling every
  // route's schemas up front costs seconds of start-up.
  let write: ((data: unknown) => string) | undefined;
  return (data) => {
    write ??= compile(route);
    return write(data);
  };
};

function compile(route: Parameters<Compile>[0]): (data: unknown) => string {
  const schema = zodSchemaOf(route.schema);
  if (schema) {
    try {
      return fastJsonStringify(responseJsonSchema(schema) as unknown as Parameters<typeof fastJsonStringify>[0]) as (
        data: unknown,
      ) => string;
    } catch {
      // below
    }
  }
  validatedResponses.push(`${route.method} ${route.url} ${route.httpStatus}`);
  return (validatingSerializerCompiler as Compile)(route) as (data: unknown) => string;
}

export { validatingSerializerCompiler };
