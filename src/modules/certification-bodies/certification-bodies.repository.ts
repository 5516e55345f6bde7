import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import type { BodyListQuery } from './certification-bodies.schemas.js';
import type {} from './certification-bodies.tables.js';

// The certification bodies' statements. Every one carries org_id.

/**
 * Serialises choosers of one organization's body to the end of the
 * transaction: an advisory lock on PostgreSQL (two app processes choosing at
 * once), SQLite's write transaction already does. The unique partial index
 * on status 'chosen' stays the last guard.
 */
export async function lockChoice(tx: Executor, orgId: string) {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('certification_bodies.chosen'), hashtext(${orgId}))`.execute(tx);
}

type Query = SelectQueryBuilder<DB, 'certification_bodies', Row<'certification_bodies'>>;

export function filterBodies(query: Query, q: Partial<BodyListQuery>): Query {
  let out = query;
  if (q.q) out = out.where('name_key', 'like', `%${fold(q.q)}%`);
  if (q.status) out = out.where('status', '=', q.status);
  if (q.partyKind) out = out.where('party_kind', '=', q.partyKind);
  return out;
}

/** The chosen body of the organization (not archived), whole row. */
export function chosenRow(db: Executor, orgId: string) {
  return db
    .selectFrom('certification_bodies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'chosen')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

/** Bodies still in the running (candidate or chosen, not archived): the summary's input. */
export function activeRows(db: Executor, orgId: string) {
  return db
    .selectFrom('certification_bodies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('status', '!=', 'rejected')
    .execute();
}

export function settingsRow(db: Executor, orgId: string) {
  return db.selectFrom('certification_body_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}
