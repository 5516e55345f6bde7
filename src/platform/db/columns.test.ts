import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonColumn } from './columns.js';

describe('JSON columns', () => {
  it('reads a remembered list as a fresh copy: changing one read changes no other', () => {
    const tags = jsonColumn(z.array(z.string()));
    const first = tags.read('["a","b"]');
    first.push('changed');
    first[0] = 'also changed';
    const second = tags.read('["a","b"]');
    expect(second).toEqual(['a', 'b']);
    expect(second).not.toBe(tags.read('["a","b"]'));
  });

  it('refuses a text the schema refuses, every time it is read', () => {
    const impacts = jsonColumn(z.array(z.enum(['internal', 'customer-facing'])));
    expect(impacts.read('["internal"]')).toEqual(['internal']);
    expect(() => impacts.read('["internal","nonsense"]')).toThrow();
    expect(() => impacts.read('{"not":"a list"}')).toThrow();
    // a failed text is not remembered as if it had passed
    expect(() => impacts.read('["internal","nonsense"]')).toThrow();
  });

  it('parses objects on every read, so no two reads share them', () => {
    const people = jsonColumn(z.array(z.object({ name: z.string() })));
    const a = people.read('[{"name":"Ada"}]');
    a[0].name = 'changed';
    expect(people.read('[{"name":"Ada"}]')).toEqual([{ name: 'Ada' }]);
  });

  it('keeps what a schema transforms, as the schema outputs it', () => {
    const upper = jsonColumn(z.array(z.string().transform((s) => s.toUpperCase())));
    expect(upper.read('["x"]')).toEqual(['X']);
    expect(upper.read('["x"]')).toEqual(['X']);
  });

  it('writes JSON text', () => {
    expect(jsonColumn(z.array(z.string())).write(['a'])).toBe('["a"]');
  });
});
