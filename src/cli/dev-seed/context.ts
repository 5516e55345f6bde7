import type { AuditEntry } from '../../platform/audit-log/audit-log.js';
import type { Executor } from '../../platform/db/db.js';
import type { DB } from '../../platform/db/tables.js';
import type { Rng } from './random.js';
import { FIRST_NAMES, LAST_NAMES } from './words.js';

// What every area's generator shares: the organization, the seed, the day the
// data ends on, the people who own records, and a chunked insert.

export interface SeedPerson {
  userId: string | null;
  name: string;
  email?: string;
}

export interface SeedContext {
  db: Executor;
  orgId: string;
  seed: number;
  /** the data covers the two years before this day (YYYY-MM-DD) */
  anchor: string;
  /** members of the organization and, beside them, named people outside OpenAIMS */
  people: SeedPerson[];
  /** the organization's risk scale (AI systems' risk level), in its own spelling */
  riskScale: string[];
}

/** Records the later areas link to, in creation order. */
export interface Seeded {
  systems: { id: string; createdAt: string }[];
  suppliers: { id: string; createdAt: string }[];
  risks: { id: string; createdAt: string }[];
}

/** Audit entries of one area, written by the audit step after all records exist. */
export type SeededAudit = AuditEntry & { actor: SeedPerson };

/**
 * Multi-row inserts of at most `perStatement` rows: SQLite binds at most
 * 32,766 parameters a statement, so rows x columns must stay under it.
 */
export async function insertChunked<T extends keyof DB & string>(
  db: Executor,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).length;
  const perStatement = Math.max(1, Math.min(1000, Math.floor(32_000 / columns)));
  for (let i = 0; i < rows.length; i += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}

/** Named people outside OpenAIMS: a realistic share of owners are not members. */
export function namedPeople(rng: Rng, n: number): SeedPerson[] {
  const out: SeedPerson[] = [];
  for (let i = 0; i < n; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const local = `${first}.${last}`
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z.]/g, '');
    const mail = rng.chance(0.6) ? `${local}@example.com` : undefined;
    out.push(mail ? { userId: null, name, email: mail } : { userId: null, name });
  }
  return out;
}

/** An owner: members own two thirds of records. */
export function pickOwner(rng: Rng, ctx: SeedContext): SeedPerson {
  const members = ctx.people.filter((p) => p.userId);
  const named = ctx.people.filter((p) => !p.userId);
  return members.length && (rng.chance(0.67) || !named.length) ? rng.pick(members) : rng.pick(named);
}
