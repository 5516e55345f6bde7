import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { orgRowsIn } from '../../platform/db/statement-cache.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import { parseNonconformityNumber } from './nonconformities.rules.js';
import type { NonconformityListQuery } from './nonconformities.schemas.js';

// The nonconformity register's statements. Every one carries org_id.

/**
 * Serialises creators of one organization's nonconformities on PostgreSQL
 * (an advisory lock to the end of the transaction), so two app processes
 * never pick the same number or open two for one source; SQLite's write
 * transaction already does.
 */
export async function lockNumbers(tx: Executor, orgId: string) {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('nonconformities.number'), hashtext(${orgId}))`.execute(tx);
}

export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  await lockNumbers(tx, orgId);
  const row = await tx
    .selectFrom('nonconformities')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function findBySource(tx: Executor, orgId: string, kind: string, id: string) {
  return tx
    .selectFrom('nonconformities')
    .select(['id', 'number_seq'])
    .where('org_id', '=', orgId)
    .where('source_kind', '=', kind as never)
    .where('source_id', '=', id)
    .executeTakeFirst();
}

/** Closed nonconformities on a requirement or control (not archived, not this one), latest closed first. */
export async function closedOnRequirement(tx: Executor, orgId: string, requirementId: string, exceptId: string) {
  return tx
    .selectFrom('nonconformities')
    .select(['id', 'closed_at'])
    .where('org_id', '=', orgId)
    .where('requirement_id', '=', requirementId)
    .where('status', '=', 'closed')
    .where('archived_at', 'is', null)
    .where('id', '!=', exceptId)
    .orderBy('closed_at', 'desc')
    .limit(50)
    .execute();
}

/** The corrective actions of some nonconformities, oldest first (every nonconformity page and list reads them). */
export const actionRows = orgRowsIn('nonconformity_actions', 'nonconformity_id', { orderBy: ['created_at', 'id'] });

type NcQuery = SelectQueryBuilder<DB, 'nonconformities', Row<'nonconformities'>>;

export function filterNonconformities(query: NcQuery, q: Partial<NonconformityListQuery>, today: string) {
  let out = query;
  if (q.q) {
    const n = parseNonconformityNumber(q.q);
    const key = `%${fold(q.q)}%`;
    out = out.where((eb) =>
      n !== null ? eb.or([eb('number_seq', '=', n), eb('title_key', 'like', key)]) : eb('title_key', 'like', key),
    );
  }
  if (q.status) out = out.where('status', '=', q.status);
  if (q.open) out = out.where('status', '!=', 'closed');
  if (q.grade) out = out.where('grade', '=', q.grade);
  if (q.sourceKind) out = out.where('source_kind', '=', q.sourceKind);
  if (q.requirementId) out = out.where('requirement_id', '=', q.requirementId);
  if (q.flag)
    out = out.where((eb) => {
      const open = eb('status', '!=', 'closed');
      const conds = {
        'plan-overdue': eb.and([open, eb('action_count', '=', 0), eb('plan_due_date', '<', today)]),
        'evidence-overdue': eb.and([open, eb('evidence_due_date', '<', today)]),
        recurrence: eb('recurrence_of', 'is not', null),
        'effectiveness-not-effective': eb.and([
          open,
          eb('not_effective_on', 'is not', null),
          eb.or([eb('effectiveness_result', 'is', null), eb('effectiveness_result', '!=', 'effective')]),
        ]),
      };
      return q.flag === 'any' ? eb.or(Object.values(conds)) : conds[q.flag as keyof typeof conds];
    });
  return out;
}
