import { z } from 'zod';
import { invalid } from './errors.js';

// Lists page with an opaque cursor: base64url of the sort key of the last
// item, so pages stay stable while rows are added.
export const limitParam = z.coerce.number().int().min(1).max(200).default(50);

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this list returned' }]);
  }
}
