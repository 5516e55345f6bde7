import type { z } from 'zod';

// JSON columns are text in both dialects. A module reads one through its zod
// schema, so a column that holds something unexpected fails loudly at the
// read instead of travelling on as a wrongly typed value.
export function jsonColumn<S extends z.ZodType>(schema: S) {
  return {
    read: (text: string): z.infer<S> => schema.parse(JSON.parse(text)),
    write: (value: z.infer<S>): string => JSON.stringify(value),
  };
}
