import { z } from 'zod';
import type { Executor } from '../db/db.js';
import type { FieldError } from '../http/errors.js';
import { email, line, uuid } from '../http/fields.js';

// A person a record names (an owner, a reviewer, an approver): a member of
// this organization (userId), or someone outside OpenAIMS by name, with an
// optional email. One schema and one resolver for every module, so "is this
// person a member here" is decided in one place.

export const personRef = z
  .strictObject({
    userId: uuid().nullable().default(null),
    name: line(200).default(''),
    email: email().optional(),
  })
  .refine((p) => p.userId || p.name, { message: 'give a member (userId) or a name', path: ['name'] })
  .meta({ id: 'PersonRef' });
export type PersonRef = z.infer<typeof personRef>;

/** How a stored person reads back: email only when one was given. */
export const personSchema = z
  .object({ userId: z.string().nullable(), name: z.string(), email: z.string().optional() })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

/** A person from stored columns, or null when none was named. */
export function toPerson(userId: string | null, name: string | null, mail?: string | null): Person | null {
  if (!userId && !name) return null;
  return { userId, name: name ?? '', ...(mail ? { email: mail } : {}) };
}

/** The stored columns of a person (with a prefix such as business_owner_). */
export function personColumns(p: PersonRef | Person | null | undefined) {
  return { user_id: p?.userId ?? null, name: p?.name || null, email: p?.email ?? null };
}

export interface PersonField {
  /** JSON path of the field, for errors: "body.businessOwner" */
  field: string;
  person: PersonRef | Person | null | undefined;
}

/**
 * Checks every member a request names against this organization, in one
 * query, and gives each the member's current name. Someone who is a user of
 * the instance but not a member here is refused, like a stranger.
 */
export async function resolvePeople<T extends PersonField>(
  db: Executor,
  orgId: string,
  fields: T[],
): Promise<{ people: (Person | null)[]; errors: FieldError[] }> {
  const ids = [...new Set(fields.map((f) => f.person?.userId).filter((x): x is string => !!x))];
  const members = new Map<string, { name: string; email: string }>();
  if (ids.length) {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name', 'users.email'])
      .where('memberships.org_id', '=', orgId)
      .where('memberships.user_id', 'in', ids)
      .execute();
    for (const r of rows) members.set(r.id, { name: r.name, email: r.email });
  }
  const errors: FieldError[] = [];
  const people = fields.map(({ field, person }) => {
    if (!person) return null;
    if (!person.userId) return toPerson(null, person.name, person.email);
    const member = members.get(person.userId);
    if (!member) {
      errors.push({ field: `${field}.userId`, message: 'is not a member of this organization' });
      return null;
    }
    return toPerson(person.userId, member.name, person.email);
  });
  return { people, errors };
}
