import { z } from 'zod';
import { checkPasswordStrength } from '../auth/password-policy.js';

// Shared field types. Text never carries control characters (they hide text
// from reviewers and break exports); multi-line text may keep newlines and tabs.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAKS = /[\r\n\t]/;

/**
 * A field type built once per set of arguments. Zod schemas never change
 * (every method returns a new schema), so one instance serves every field of
 * that type; a start would otherwise build ~10,000 of them, about a fifth of
 * the zod objects it makes (issue 17: cold start).
 */
function once<A extends (number | undefined)[], T>(make: (...args: A) => T): (...args: A) => T {
  const made = new Map<string, T>();
  return (...args) => {
    const key = args.join(',');
    let schema = made.get(key);
    if (schema === undefined) {
      schema = make(...args);
      made.set(key, schema);
    }
    return schema;
  };
}

export const line = once((max: number = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s) && !LINE_BREAKS.test(s), 'must not contain control characters or line breaks'),
);

export const requiredLine = once((max: number = 200) => line(max).pipe(z.string().min(1, 'must not be empty')));

export const text = once((max: number = 20_000) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters'),
);

export const email = once(() =>
  z
    .string()
    .trim()
    .max(254)
    .pipe(z.email('must be a valid email address'))
    .transform((s) => s.toLowerCase()),
);

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or CLI argument has the shape of an id: "id or slug" lookups then go by id only. */
export const looksLikeId = (s: string) => UUID_SHAPE.test(s);

// A slug shaped like an id would make "id or slug" ambiguous (someone could
// name their organization after another's id), so that shape is refused.
export const slug = () =>
  z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens')
    .refine((s) => !looksLikeId(s), 'must not look like an id (a UUID)');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const uuid = once(() => z.string().regex(UUID, 'must be a UUID'));

/** What uuid() accepts, without a zod parse: for the checks every request makes. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const isoDate = once(() =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, 'is not a real calendar date'),
);

/**
 * A new password: at least 12 characters, no control characters, and not
 * easy to guess (src/platform/auth/password-policy.ts). One message, the
 * first rule broken. Where the person's name and email are known, check
 * again with them (`checkPasswordStrength(password, [email, name])`).
 */
export const password = () =>
  z.string().superRefine((s, ctx) => {
    const message =
      s.length < 12
        ? 'must be at least 12 characters'
        : s.length > 256
          ? 'must be at most 256 characters'
          : (() => {
              const r = checkPasswordStrength(s, []);
              return r.ok ? null : r.message;
            })();
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/**
 * An optional choice from a list where a form's empty select sends '': the
 * empty string is stored as null (no choice), not refused or kept as ''.
 */
export const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    // Named options in the error: a failed union alone says only "Invalid input".
    .union([z.literal(''), z.enum(values)], { error: `must be one of: ${values.join(', ')}` })
    .nullable()
    .transform((v) => (v === '' ? null : v) as T[number] | null);

/** ISO 3166-1 alpha-2 country code */
export const country = once(() => z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 country code, e.g. DE'));

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

/** A yes/no query-string parameter: `?includeArchived=true`. Anything but true or false is a 400 naming it. */
export const queryFlag = once(() => z.enum(['true', 'false']).transform((v) => v === 'true'));
