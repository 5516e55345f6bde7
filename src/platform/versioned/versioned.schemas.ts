import { z } from 'zod';
import { line, requiredLine } from '../http/fields.js';

// The HTTP shapes of a versioned record, built from its content schema and
// derived fields, named `${name}Version`, `${name}Overview`, `${name}Change`
// in OpenAPI.

export const versionStatusSchema = z.enum(['draft', 'approved', 'superseded']);

/** The approver's reason for approving while a warning is open; field picks one of several checks of a code. */
export const exceptionInput = z
  .strictObject({ code: line(100).pipe(z.string().min(1)), field: line(300).optional(), reason: requiredLine(2000) })
  .meta({ id: 'ApprovalException' });

export const approveBody = z.strictObject({
  note: line(1000).optional(),
  /** one reason per open warning (matched by code and field); none needed when no warning is open */
  exceptions: z.array(exceptionInput).max(500).optional(),
});

/** An open warning accepted at approval, as it read then, with the approver's reason. */
export const acceptedExceptionSchema = z
  .object({ code: z.string(), field: z.string(), message: z.string(), reason: z.string() })
  .meta({ id: 'AcceptedException' });

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
      acceptedExceptions: z.array(acceptedExceptionSchema),
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
