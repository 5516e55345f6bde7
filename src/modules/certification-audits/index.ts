// Certification audits (journey steps 10, 11 and 14): Stage 1, Stage 2,
// surveillance, recertification and special audits by the certification body,
// each with its audit room (time-limited auditor access, requests answered
// with links to records) and its graded findings; a major or minor finding
// opens a nonconformity in the organization's register.
// (contract stub: the module's author replaces the bodies, keeps the signatures)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Executor } from '../../platform/db/db.js';

export const certificationAuditRoutes: FastifyPluginAsyncZod = async () => {};

export const CERTIFICATION_AUDIT_TYPES = ['stage-1', 'stage-2', 'surveillance', 'recertification', 'special'] as const;
export type CertificationAuditType = (typeof CERTIFICATION_AUDIT_TYPES)[number];
export const FINDING_GRADES = ['major', 'minor', 'observation', 'opportunity'] as const;
export type FindingGrade = (typeof FINDING_GRADES)[number];

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

export async function certificationAuditSummary(_db: Executor, _orgId: string): Promise<CertificationAuditSummary> {
  return {
    latest: { 'stage-1': null, 'stage-2': null, surveillance: null, recertification: null, special: null },
    openFindings: { major: 0, minor: 0 },
    openRequests: 0,
  };
}

export interface AuditFindingState {
  findingId: string;
  auditId: string;
  grade: FindingGrade;
  requirementId: string | null;
  /** the nonconformity the finding opened (major and minor), null otherwise */
  nonconformity: { id: string; number: string; closed: boolean; closedOn: string | null } | null;
}

/** The major and minor findings of the given audits with the state of their nonconformities. */
export async function findingsOfAudits(_db: Executor, _orgId: string, _auditIds: string[]): Promise<AuditFindingState[]> {
  return [];
}

/** One audit by id, null when it is not this organization's. */
export async function getCertificationAuditRef(
  _db: Executor,
  _orgId: string,
  _auditId: string,
): Promise<CertificationAuditRef | null> {
  return null;
}

/** Every audit that is not cancelled, oldest first (the cycle timeline reads them). */
export async function listCertificationAuditRefs(_db: Executor, _orgId: string): Promise<CertificationAuditRef[]> {
  return [];
}
