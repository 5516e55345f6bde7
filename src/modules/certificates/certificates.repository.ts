import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import './certificates.tables.js';

// The certificates module's statements. Every one carries org_id, except the
// public lookup and the published-number check, which look across
// organizations on purpose (a certificate number is public and unique).

const isPg = (tx: Executor) => tx.getExecutor().adapter instanceof PostgresAdapter;

/** Serialises one organization's decisions (the cycle reads the previous certificate). */
export async function lockDecisions(tx: Executor, orgId: string) {
  if (isPg(tx)) await sql`select pg_advisory_xact_lock(hashtext('certificates.decision'), hashtext(${orgId}))`.execute(tx);
}

/** Serialises publishing one number across organizations; the partial unique index is the backstop. */
export async function lockPublishedNumber(tx: Executor, key: string) {
  if (isPg(tx)) await sql`select pg_advisory_xact_lock(hashtext('certificates.number'), hashtext(${key}))`.execute(tx);
}

/** A published certificate with this number (any organization) other than `exceptId`. */
export function publishedWithNumber(db: Executor, key: string, exceptId: string) {
  return db
    .selectFrom('certificates')
    .select(['id'])
    .where('certificate_number_key', '=', key)
    .where('published', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
}

/** The latest certificate not withdrawn (by issue date), ignoring one decision's (the one being edited). */
export function previousCertificate(db: Executor, orgId: string, excludeDecisionId: string | null) {
  let q = db
    .selectFrom('certificates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('status', '!=', 'withdrawn');
  if (excludeDecisionId) q = q.where('decision_id', '!=', excludeDecisionId);
  return q.orderBy('issue_date', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The organization's current certificate: the latest not withdrawn. */
export const currentCertificate = (db: Executor, orgId: string) => previousCertificate(db, orgId, null);

export async function certificatesOfDecisions(db: Executor, orgId: string, decisionIds: string[]) {
  if (decisionIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('certificates')
    .select(['id', 'decision_id'])
    .where('org_id', '=', orgId)
    .where('decision_id', 'in', decisionIds)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return new Map(rows.map((r) => [r.decision_id, r.id]));
}

export function findDecision(db: Executor, orgId: string, id: string) {
  return db.selectFrom('certification_decisions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export function latestDecision(db: Executor, orgId: string) {
  return db
    .selectFrom('certification_decisions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .orderBy('decided_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A granted decision on this audit other than `exceptId`, not archived. */
export function grantOfAudit(db: Executor, orgId: string, auditId: string, exceptId: string) {
  return db
    .selectFrom('certification_decisions')
    .select(['id', 'decided_on'])
    .where('org_id', '=', orgId)
    .where('audit_id', '=', auditId)
    .where('outcome', '=', 'granted')
    .where('archived_at', 'is', null)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
}

/** Granted decisions on recertification audits: what renews a cycle. */
export function grantedRenewals(db: Executor, orgId: string) {
  return db
    .selectFrom('certification_decisions')
    .select(['decided_on', 'audit_id'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('outcome', '=', 'granted')
    .where('audit_type', '=', 'recertification')
    .execute();
}

/** Published certificate by number, for the public page; nothing of an unpublished one. */
export function publishedByNumber(db: Executor, key: string) {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('certificate_number_key', '=', key)
    .where('published', '=', 1)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

/** Certificates in force across organizations, with their decision's date: what the reminder job walks. */
export function validEverywhere(db: Executor, today: string) {
  return db
    .selectFrom('certificates')
    .innerJoin('certification_decisions', 'certification_decisions.id', 'certificates.decision_id')
    .select([
      'certificates.id',
      'certificates.org_id',
      'certificates.certificate_number',
      'certificates.expiry_date',
      'certification_decisions.decided_on',
    ])
    .where('certificates.status', '=', 'valid')
    .where('certificates.archived_at', 'is', null)
    .where('certificates.expiry_date', '>=', today)
    .execute();
}
