import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

describe('OpenAPI document', () => {
  let t: TestApp;
  let spec: {
    openapi: string;
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }>; requestBody?: unknown }>
    >;
  };
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    spec = res.json();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3 document', async () => {
    const result = await new Validator().validate(spec as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(spec.openapi).toMatch(/^3\./);
  });

  it('documents every API route with its request and response schemas', () => {
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
        const ok = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
        expect(ok, `${method} ${path} has a 2xx response`).toBeDefined();
        if (ok?.[0] !== '204')
          expect(Object.values(ok?.[1].content ?? {})[0]?.schema, `${method} ${path} response schema`).toBeDefined();
        // Writes carry a body, except state transitions that take none.
        if (['post', 'put', 'patch'].includes(method) && !/\/(archive|restore)$/.test(path)) {
          expect(op.requestBody, `${method} ${path} request body`).toBeDefined();
        }
      }
    }
    // Every route the server registered is in the document, and nothing else.
    expect([...documented].sort()).toEqual([...t.app.apiRoutes].sort());
  });

  it('serves the API browser', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
