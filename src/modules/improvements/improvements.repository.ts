import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import { CLOSED_STATUSES, parseImprovementNumber } from './improvements.rules.js';
import type { ImprovementListQuery } from './improvements.schemas.js';
import type {} from './improvements.tables.js';

// The improvement log's statements. Every one carries org_id.

/**
 * Serialises creators of one organization's improvements to the end of the
 * transaction: an advisory lock on PostgreSQL, SQLite's write transaction
 * already does. Taken before numbering and before looking for an improvement
 * of the same source.
 */
export async function lockNumbers(tx: Executor, orgId: string) {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('improvements.number'), hashtext(${orgId}))`.execute(tx);
}

export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  await lockNumbers(tx, orgId);
  const row = await tx
    .selectFrom('improvements')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** The improvement already logged from this source record, if any. */
export function findBySource(tx: Executor, orgId: string, kind: string, id: string) {
  return tx
    .selectFrom('improvements')
    .select(['id', 'number_seq'])
    .where('org_id', '=', orgId)
    .where('source_kind', '=', kind as Row<'improvements'>['source_kind'])
    .where('source_id', '=', id)
    .executeTakeFirst();
}

type Query = SelectQueryBuilder<DB, 'improvements', Row<'improvements'>>;

export function filterImprovements(query: Query, q: Partial<ImprovementListQuery>): Query {
  let out = query;
  if (q.q) {
    const n = parseImprovementNumber(q.q);
    const key = `%${fold(q.q)}%`;
    out = out.where((eb) =>
      n === null ? eb('title_key', 'like', key) : eb.or([eb('title_key', 'like', key), eb('number_seq', '=', n)]),
    );
  }
  if (q.status) out = out.where('status', '=', q.status);
  if (q.open === true) out = out.where('status', 'not in', [...CLOSED_STATUSES]);
  if (q.open === false) out = out.where('status', 'in', [...CLOSED_STATUSES]);
  if (q.sourceKind) out = out.where('source_kind', '=', q.sourceKind);
  if (q.ownerUserId) out = out.where('owner_user_id', '=', q.ownerUserId);
  return out;
}

/** Active improvements' status and source, for the summary: one statement. */
export function activeStatuses(db: Executor, orgId: string) {
  return db
    .selectFrom('improvements')
    .select(['status', 'source_kind'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .execute();
}
