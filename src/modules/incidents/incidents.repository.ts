import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import { parseIncidentNumber } from './incidents.rules.js';
import type { IncidentListQuery } from './incidents.schemas.js';

// The incident register's statements. Every one carries org_id.

/**
 * The next INC number of an organization. On PostgreSQL a per-organization
 * advisory lock (held to the end of the transaction) serialises creators, so
 * two app processes never pick the same number; SQLite's write transaction
 * already does. openIncident takes the same lock before looking for an
 * incident of the same source.
 */
export async function lockNumbers(tx: Executor, orgId: string) {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('incidents.number'), hashtext(${orgId}))`.execute(tx);
}

export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  await lockNumbers(tx, orgId);
  const row = await tx
    .selectFrom('incidents')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** The incident already opened from this monitoring breach or concern, if any. */
export async function findBySource(tx: Executor, orgId: string, kind: string, id: string) {
  return tx
    .selectFrom('incidents')
    .select(['id', 'number_seq'])
    .where('org_id', '=', orgId)
    .where('source_kind', '=', kind as never)
    .where('source_id', '=', id)
    .executeTakeFirst();
}

type IncidentQuery = SelectQueryBuilder<DB, 'incidents', Row<'incidents'>>;

/** Incidents with no one escalated to (neither a member nor a named person). */
export const notEscalated = (q: IncidentQuery) =>
  q.where('escalated_to_user_id', 'is', null).where('escalated_to_name', 'is', null);

export function filterIncidents(query: IncidentQuery, q: Partial<IncidentListQuery>) {
  let out = query;
  if (q.q) {
    const n = parseIncidentNumber(q.q);
    const key = `%${fold(q.q)}%`;
    out = out.where((eb) =>
      n !== null ? eb.or([eb('number_seq', '=', n), eb('title_key', 'like', key)]) : eb('title_key', 'like', key),
    );
  }
  if (q.status) out = out.where('status', '=', q.status);
  if (q.severity) out = out.where('severity', '=', q.severity);
  if (q.aiSystemId) out = out.where('ai_system_id', '=', q.aiSystemId);
  if (q.flag === 'not-escalated') out = notEscalated(out);
  return out;
}

export async function listUpdates(db: Executor, orgId: string, incidentId: string) {
  return db
    .selectFrom('incident_updates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
