import type { z } from 'zod';

// JSON columns are text in both dialects. A module reads one through its zod
// schema, so a column that holds something unexpected fails loudly at the
// read instead of travelling on as a wrongly typed value.
//
// A list page reads the same few texts row after row ('[]', '["internal"]'):
// parsing and checking each again was about 80 µs of a 50-system inventory
// page (issue 17). A short list of plain values is remembered by its text
// once it has passed the schema, and every read gets its own copy, so a
// caller that changes the array changes nothing else. Objects are parsed
// every time: a copy of them would cost what the parse does.

/** Texts remembered per column before the memory starts over. */
const REMEMBERED = 256;
/** Longer texts are parsed every time: they rarely repeat. */
const SHORT = 256;

export function jsonColumn<S extends z.ZodType>(schema: S) {
  const seen = new Map<string, readonly unknown[]>();
  return {
    read(text: string): z.infer<S> {
      const known = seen.get(text);
      if (known) return known.slice() as z.infer<S>;
      const value = schema.parse(JSON.parse(text));
      if (text.length <= SHORT && isPlainList(value)) {
        if (seen.size >= REMEMBERED) seen.clear();
        seen.set(text, value.slice());
      }
      return value;
    },
    write: (value: z.infer<S>): string => JSON.stringify(value),
  };
}

function isPlainList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
}
