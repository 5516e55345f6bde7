import { z } from 'zod';
import { jsonColumn } from '../db/columns.js';
import type { FieldError } from '../http/errors.js';
import type { AcceptedException, ExceptionInput, VersionCheck } from './versioned.types.js';

// Approval with open checks: every open warning needs the approver's reason.
// Pure, so the matching is unit-tested without a database.

export const acceptedExceptionsColumn = jsonColumn(
  z.array(z.object({ code: z.string(), field: z.string(), message: z.string(), reason: z.string() })),
);

/** The stored column as the API shows it: none on a draft or an older version. */
export const readExceptions = (stored: string | null | undefined): AcceptedException[] =>
  stored ? acceptedExceptionsColumn.read(stored) : [];

/**
 * Pairs each open warning with a reason: an exception of the same code and
 * field, or of the same code without a field. Warnings left without one are
 * errors on body.exceptions naming the check; exceptions matching no open
 * warning (it was fixed meanwhile) are not kept.
 */
export function acceptExceptions(
  checks: VersionCheck[],
  given: ExceptionInput[] = [],
): { accepted: AcceptedException[]; errors: FieldError[] } {
  const accepted: AcceptedException[] = [];
  const errors: FieldError[] = [];
  for (const check of checks.filter((c) => c.severity === 'warning')) {
    const match =
      given.find((e) => e.code === check.code && e.field === check.field && e.reason.trim()) ??
      given.find((e) => e.code === check.code && e.field === undefined && e.reason.trim());
    if (match) accepted.push({ code: check.code, field: check.field, message: check.message, reason: match.reason.trim() });
    else
      errors.push({
        field: 'body.exceptions',
        message: `give a reason to approve with the open check "${check.code}" on ${check.field}: ${check.message}`,
      });
  }
  return { accepted, errors };
}
