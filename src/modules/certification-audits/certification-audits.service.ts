import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { nonconformityStates } from '../nonconformities/index.js';
import * as repo from './certification-audits.repository.js';
import {
  CERTIFICATION_AUDIT_TYPES,
  type CertificationAuditType,
  certificationAuditNumber,
  type FindingGrade,
} from './certification-audits.rules.js';

// What other modules read of certification audits: one audit or all of them
// as refs (the certificates' cycle timeline), the state of their major and
// minor findings' nonconformities (the certification decision waits for
// majors), and a summary for the home page and readiness.

export interface CertificationAuditRef {
  id: string;
  /** CA-001... */
  number: string;
  type: CertificationAuditType;
  status: 'planned' | 'in-progress' | 'completed' | 'cancelled';
  /** actual dates when recorded, else planned (YYYY-MM-DD) */
  startDate: string;
  endDate: string;
  outcome: string | null;
}

export interface CertificationAuditSummary {
  /** the latest audit of each type that is not cancelled, null when none */
  latest: Record<CertificationAuditType, CertificationAuditRef | null>;
  /** findings whose nonconformity is not closed, by grade */
  openFindings: { major: number; minor: number };
  /** requests raised in audit rooms and not answered yet */
  openRequests: number;
}

export interface AuditFindingState {
  findingId: string;
  auditId: string;
  grade: FindingGrade;
  requirementId: string | null;
  /** the nonconformity the finding opened (major and minor), null otherwise */
  nonconformity: { id: string; number: string; closed: boolean; closedOn: string | null } | null;
}

function toRef(r: Row<'certification_audits'>): CertificationAuditRef {
  return {
    id: r.id,
    number: certificationAuditNumber(Number(r.number_seq)),
    type: r.type,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
    // "pending" is no outcome yet
    outcome: r.outcome === 'pending' ? null : r.outcome,
  };
}

/** One audit by id, null when it is not this organization's. */
export async function getCertificationAuditRef(
  db: Executor,
  orgId: string,
  auditId: string,
): Promise<CertificationAuditRef | null> {
  const row = await db
    .selectFrom('certification_audits')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', auditId)
    .executeTakeFirst();
  return row ? toRef(row) : null;
}

/** Every audit that is not cancelled (nor archived), oldest first. */
export async function listCertificationAuditRefs(db: Executor, orgId: string): Promise<CertificationAuditRef[]> {
  const rows = await db
    .selectFrom('certification_audits')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('status', '!=', 'cancelled')
    .orderBy('start_date')
    .orderBy('number_seq')
    .execute();
  return rows.map(toRef);
}

/** The major and minor findings of the given audits with the state of their nonconformities. */
export async function findingsOfAudits(db: Executor, orgId: string, auditIds: string[]): Promise<AuditFindingState[]> {
  if (auditIds.length === 0) return [];
  const rows = (await repo.findingRows(db, orgId, [...new Set(auditIds)])).filter(
    (r) => r.grade === 'major' || r.grade === 'minor',
  );
  const states = await nonconformityStates(
    db,
    orgId,
    rows.flatMap((r) => (r.nonconformity_id ? [r.nonconformity_id] : [])),
  );
  return rows.map((r) => {
    const nc = r.nonconformity_id ? states.get(r.nonconformity_id) : undefined;
    return {
      findingId: r.id,
      auditId: r.audit_id,
      grade: r.grade,
      requirementId: r.requirement_id,
      nonconformity:
        r.nonconformity_id && nc
          ? { id: r.nonconformity_id, number: nc.number, closed: nc.status === 'closed', closedOn: nc.closedOn }
          : null,
    };
  });
}

export async function certificationAuditSummary(db: Executor, orgId: string): Promise<CertificationAuditSummary> {
  const [refs, requests, active] = await Promise.all([
    listCertificationAuditRefs(db, orgId),
    db
      .selectFrom('certification_audit_requests')
      .innerJoin('certification_audits', (j) =>
        j
          .onRef('certification_audits.id', '=', 'certification_audit_requests.audit_id')
          .onRef('certification_audits.org_id', '=', 'certification_audit_requests.org_id'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('certification_audit_requests.org_id', '=', orgId)
      .where('certification_audit_requests.status', '=', 'open')
      .where('certification_audits.archived_at', 'is', null)
      .executeTakeFirst(),
    db.selectFrom('certification_audits').select('id').where('org_id', '=', orgId).where('archived_at', 'is', null).execute(),
  ]);
  const latest = Object.fromEntries(CERTIFICATION_AUDIT_TYPES.map((t) => [t, null])) as CertificationAuditSummary['latest'];
  // oldest first: the last of each type wins
  for (const r of refs) latest[r.type] = r;
  const openFindings = { major: 0, minor: 0 };
  for (const f of await findingsOfAudits(
    db,
    orgId,
    active.map((a) => a.id),
  ))
    if (f.nonconformity && !f.nonconformity.closed && (f.grade === 'major' || f.grade === 'minor')) openFindings[f.grade]++;
  return { latest, openFindings, openRequests: Number(requests?.n ?? 0) };
}
