import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { inList, queryTemplate } from '../../platform/db/statement-cache.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import { parseAuditNumber } from './internal-audits.rules.js';
import type { AuditListQuery } from './internal-audits.schemas.js';

// The internal audit statements. Every one carries org_id.

/**
 * The next IA number of an organization. On PostgreSQL a per-organization
 * advisory lock (held to the end of the transaction) serialises creators;
 * SQLite's write transaction already does. The unique index backs it.
 */
export async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('internal_audits.number'), hashtext(${orgId}))`.execute(tx);
  const row = await tx
    .selectFrom('internal_audits')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

type AuditQuery = SelectQueryBuilder<DB, 'internal_audits', Row<'internal_audits'>>;

export function filterAudits(query: AuditQuery, q: Partial<AuditListQuery>) {
  let out = query;
  if (q.q) {
    const n = parseAuditNumber(q.q);
    const key = `%${fold(q.q)}%`;
    out = out.where((eb) =>
      n !== null ? eb.or([eb('number_seq', '=', n), eb('title_key', 'like', key)]) : eb('title_key', 'like', key),
    );
  }
  if (q.status) out = out.where('status', '=', q.status);
  return out;
}

export function itemsOf(db: Executor, orgId: string, auditId: string) {
  return db
    .selectFrom('audit_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('audit_id', '=', auditId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

// Every audit page and list counts their items: compiled once.
const itemCountsTemplate = queryTemplate(
  ['orgId', 'ids'],
  (db, p) =>
    db
      .selectFrom('audit_items')
      .select((eb) => ['audit_id', eb.fn.countAll<number>().as('total'), eb.fn.count<number>('result').as('answered')])
      .where('org_id', '=', p.orgId)
      .where(inList(db, 'audit_id', p.ids))
      .groupBy('audit_id'),
  { lists: ['ids'] },
);

/** Items and answered items per audit, in one grouped read. */
export async function itemCounts(db: Executor, orgId: string, auditIds: string[]) {
  const out = new Map<string, { total: number; answered: number }>();
  if (!auditIds.length) return out;
  const rows = await itemCountsTemplate.run(db, { orgId, ids: auditIds });
  for (const r of rows) out.set(r.audit_id, { total: Number(r.total), answered: Number(r.answered) });
  return out;
}

export function activeAudits(db: Executor, orgId: string) {
  return db.selectFrom('internal_audits').selectAll().where('org_id', '=', orgId).where('archived_at', 'is', null);
}
