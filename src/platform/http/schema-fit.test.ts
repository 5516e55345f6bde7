import fastJsonStringify from 'fast-json-stringify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileFit } from './schema-fit.js';
import { byContent } from '../memo.js';
import { responseJsonSchema, schemaSerializerCompiler } from './serializer.js';

const warning = z.object({ code: z.enum(['a', 'b']), message: z.string() }).meta({ id: 'FitWarning' });
const item = z.object({
  id: z.string(),
  count: z.number().nullable(),
  done: z.boolean(),
  tags: z.array(z.string()),
  warnings: z.array(warning),
  owner: z.object({ name: z.string() }).nullable(),
  extras: z.record(z.string(), z.number()),
  note: z.string().optional(),
});
const page = z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const schema = responseJsonSchema(page);
const fits = compileFit(schema) as (v: unknown) => boolean;

const good = () => ({
  items: [
    {
      id: 'x',
      count: null,
      done: true,
      tags: ['t'],
      warnings: [{ code: 'a', message: 'm’' }],
      owner: { name: 'Ada' },
      extras: { any: 1, key: 2 },
      note: undefined,
    },
  ],
  nextCursor: null,
});

describe('compileFit', () => {
  it('passes a response holding only what the schema names, and JSON.stringify then writes what fast-json-stringify writes', () => {
    expect(fits).toBeTypeOf('function');
    const data = good();
    expect(fits(data)).toBe(true);
    const write = fastJsonStringify(schema as unknown as Parameters<typeof fastJsonStringify>[0]);
    expect(JSON.parse(JSON.stringify(data))).toEqual(JSON.parse(write(data)));
  });

  it('refuses a field the schema leaves out, at any depth', () => {
    const top = { ...good(), secret: 1 };
    const inItem = good();
    (inItem.items[0] as Record<string, unknown>).passwordHash = 'h';
    const inRef = good();
    (inRef.items[0].warnings[0] as Record<string, unknown>).internal = true;
    const inNullable = good();
    (inNullable.items[0].owner as Record<string, unknown>).email = 'a@b';
    for (const data of [top, inItem, inRef, inNullable]) expect(fits(data)).toBe(false);
  });

  it('refuses what JSON.stringify would expand or call: an object for a plain value, a Date, a class, a function, a bigint', () => {
    const cases: [string, unknown][] = [
      ['id', { nested: 'object' }],
      ['id', new Date(0)],
      ['count', 10n],
      ['id', () => 'x'],
      [
        'owner',
        new (class Owner {
          name = 'Ada';
        })(),
      ],
      ['owner', { name: 'Ada', toJSON: () => ({ leaked: true }) }],
      ['tags', [{ a: 1 }]],
      ['extras', { k: { deep: 1 } }],
    ];
    for (const [field, value] of cases) {
      const data = good();
      (data.items[0] as Record<string, unknown>)[field] = value;
      expect(fits(data), `${field}: ${String(value)}`).toBe(false);
    }
  });

  it('follows a recursive $ref', () => {
    type Node = { name: string; children: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));
    const tree = compileFit(responseJsonSchema(z.object({ root: node }))) as (v: unknown) => boolean;
    expect(tree({ root: { name: 'a', children: [{ name: 'b', children: [] }] } })).toBe(true);
    expect(tree({ root: { name: 'a', children: [{ name: 'b', children: [], hidden: 1 }] } })).toBe(false);
  });

  it('reads no schema it does not understand: such a route keeps fast-json-stringify', () => {
    expect(compileFit({ allOf: [{ type: 'object' }] })).toBeNull();
    expect(compileFit({ type: 'object', patternProperties: { '^x': { type: 'string' } } })).toBeNull();
    expect(compileFit({ $ref: 'https://example.com/other.json' })).toBeNull();
    expect(compileFit({ type: 'array', prefixItems: [{ type: 'string' }] })).toBeNull();
  });
});

describe('schemaSerializerCompiler', () => {
  const write = schemaSerializerCompiler({
    schema: z.object({ name: z.string() }),
    method: 'GET',
    url: '/x',
    httpStatus: '200',
  } as Parameters<typeof schemaSerializerCompiler>[0]) as (data: unknown) => string | Buffer;

  it('sends the JSON as UTF-8 bytes, in ASCII, with a few wider characters, or in a non-Latin script', () => {
    for (const name of ['Ada', 'body’s Zoë', `${'a'.repeat(1000)}’`, 'x’'.repeat(5000), '漢字'.repeat(3000), '😀'.repeat(100)]) {
      const sent = write({ name });
      expect(Buffer.isBuffer(sent)).toBe(true);
      expect(sent).toEqual(Buffer.from(JSON.stringify({ name }), 'utf8'));
    }
  });

  it("writes a memo's shared answer once and sends the same bytes after, and any other answer each time", () => {
    const present = byContent<{ name: string }>(4);
    const shared = present('k', () => ({ name: 'Zoë' }));
    const first = write(shared);
    expect(first.toString()).toBe('{"name":"Zoë"}');
    expect(write(shared)).toBe(first);
    const plain = Object.freeze({ name: 'Zoë' });
    expect(write(plain)).not.toBe(write(plain));
    expect(write(plain).toString()).toBe('{"name":"Zoë"}');
  });

  it('drops a field the schema leaves out', () => {
    expect(JSON.parse(write({ name: 'Ada', passwordHash: 'h' }).toString())).toEqual({ name: 'Ada' });
  });
});
