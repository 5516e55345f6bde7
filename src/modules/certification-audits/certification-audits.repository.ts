import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { inList, orgRowsIn, queryTemplate } from '../../platform/db/statement-cache.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { parseCertificationAuditNumber } from './certification-audits.rules.js';
import type { AuditListQuery } from './certification-audits.schemas.js';
import type {} from './certification-audits.tables.js';

// The certification audits' statements. Every one carries org_id.

/**
 * Serialises creators of one organization's audits (numbering) to the end of
 * the transaction: an advisory lock on PostgreSQL; SQLite's write
 * transaction already does.
 */
export async function lockNumbers(tx: Executor, orgId: string, scope = 'certification_audits.number') {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext(${scope}), hashtext(${orgId}))`.execute(tx);
}

export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  await lockNumbers(tx, orgId);
  const row = await tx
    .selectFrom('certification_audits')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

type Query = SelectQueryBuilder<DB, 'certification_audits', Row<'certification_audits'>>;

export function filterAudits(query: Query, q: Partial<AuditListQuery>): Query {
  let out = query;
  if (q.q) {
    const n = parseCertificationAuditNumber(q.q);
    out = n === null ? out.where('id', '=', '') : out.where('number_seq', '=', n);
  }
  if (q.type) out = out.where('type', '=', q.type);
  if (q.status) out = out.where('status', '=', q.status);
  return out;
}

/** Requests per audit and status, for the counts on each audit: one statement. */
export function requestCounts(db: Executor, orgId: string, auditIds: string[]) {
  return auditIds.length ? requestCountsTemplate.run(db, { orgId, ids: auditIds }) : Promise.resolve([]);
}

/** Findings of the given audits (all audits when null), oldest first. */
export function findingRows(db: Executor, orgId: string, auditIds: string[] | null) {
  if (auditIds) return findingsOfAudits(db, orgId, auditIds);
  return db
    .selectFrom('certification_audit_findings')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('audit_id')
    .orderBy('number_seq')
    .execute();
}

// Every audit page and list reads these two: compiled once.
const requestCountsTemplate = queryTemplate(
  ['orgId', 'ids'],
  (db, p) =>
    db
      .selectFrom('certification_audit_requests')
      .select(['audit_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', p.orgId)
      .where(inList(db, 'audit_id', p.ids))
      .groupBy(['audit_id', 'status']),
  { lists: ['ids'] },
);
const findingsOfAudits = orgRowsIn('certification_audit_findings', 'audit_id', { orderBy: ['audit_id', 'number_seq'] });
