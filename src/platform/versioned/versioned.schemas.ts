import { z } from 'zod';
import { line } from '../http/fields.js';

// The HTTP shapes of a versioned record, built from its content schema and
// derived fields, named `${name}Version`, `${name}Overview`, `${name}Change`
// in OpenAPI.

export const versionStatusSchema = z.enum(['draft', 'approved', 'superseded']);

export const approveBody = z.strictObject({ note: line(1000).optional() });

export const compareQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export function versionedSchemas<C extends z.ZodType, D extends z.ZodRawShape, K extends z.ZodRawShape = Record<never, never>>(
  name: string,
  content: C,
  derived: D,
  /** the key field of a keyed record, e.g. { key: uuid() } */
  key?: K,
) {
  const version = z
    .object({
      id: z.string(),
      ...((key ?? {}) as K),
      version: z.number().int(),
      status: versionStatusSchema,
      content,
      createdBy: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
      approvedBy: z.string().nullable(),
      approvedByName: z.string().nullable(),
      approvedAt: z.string().nullable(),
      approvalNote: z.string().nullable(),
      ...derived,
    })
    .meta({ id: `${name}Version` });
  const overview = z.object({ approved: version.nullable(), draft: version.nullable() }).meta({ id: `${name}Overview` });
  const change = z
    .object({ field: z.string(), change: z.enum(['added', 'removed', 'changed']), before: z.unknown(), after: z.unknown() })
    .meta({ id: `${name}Change` });
  return {
    version,
    overview,
    change,
    comparison: z.object({ from: z.number(), to: z.number(), changes: z.array(change) }),
    saveDraftBody: z.strictObject({ content }),
  };
}
