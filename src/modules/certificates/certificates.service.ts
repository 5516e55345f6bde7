import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { todayUtc } from '../../platform/dates.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { getRecord, lockRow } from '../../platform/register/index.js';
import { listCertificationAuditRefs } from '../certification-audits/index.js';
import { chosenCertificationBody } from '../certification-bodies/index.js';
import { getProfile } from '../organizations/index.js';
import { getScopeOverview } from '../scope/index.js';
import { assertNumberFree, type CertificateComputed, certificateRegister, presentCertificate } from './certificates.register.js';
import * as repo from './certificates.repository.js';
import {
  CERTIFICATION_STANDARD,
  cycleTimeline,
  nextDueItem,
  type ShownStatus,
  type StoredStatus,
  shownStatus,
} from './certificates.rules.js';

// Certificates beyond the kit: the prefill from a decision, status changes
// and publishing (each one audited transaction), the cycle timeline and the
// summary other modules read.

/** "New certificate from decision": the create body filled from what the organization already holds. */
export async function certificatePrefill(db: Executor, orgId: string, decisionId: string) {
  const decision = await repo.findDecision(db, orgId, decisionId);
  if (!decision || decision.archived_at) throw notFound('Certification decision');
  if (decision.outcome !== 'granted') throw invalid([{ field: 'query.decisionId', message: 'must be a granted decision' }]);
  const [profile, scope, chosen] = await Promise.all([
    getProfile(db, orgId),
    getScopeOverview(db, orgId),
    chosenCertificationBody(db, orgId),
  ]);
  const cycle = decision.cycle ? (JSON.parse(decision.cycle) as { expiry: string; validFrom: string }) : null;
  const approved = scope.approved as { version: number; statement: string } | null;
  const inScope = new Set(((scope.approved as { content?: { siteIds?: string[] } } | null)?.content?.siteIds ?? []) as string[]);
  const sites = profile.sites.filter((s) => inScope.size === 0 || inScope.has(s.id));
  return {
    decisionId,
    organizationName: profile.legalName ?? '',
    standard: CERTIFICATION_STANDARD,
    scopeStatement: approved?.statement ?? '',
    scopeVersion: approved?.version ?? null,
    sites: sites.map((s) => ({ name: s.name, country: s.country })),
    certificateNumber: '',
    issueDate: decision.decided_on,
    expiryDate: cycle?.expiry ?? '',
    issuingBody: { name: chosen?.name ?? '', certificationBodyId: chosen?.id ?? null },
    accreditation: {
      body: chosen?.accreditationBody ?? '',
      number: chosen?.accreditationReference ?? '',
      iafMlaSignatory: chosen ? (chosen.iafMlaSignatory === null ? 'unknown' : chosen.iafMlaSignatory ? 'yes' : 'no') : 'unknown',
    } as const,
    verificationRoute: chosen?.verificationRoute ?? chosen?.website ?? '',
    iafCertSearchListed: chosen?.listedInIafCertSearch === true,
  };
}

async function changeComputed(
  db: Db,
  actor: Actor,
  orgId: string,
  id: string,
  action: string,
  change: (c: CertificateComputed, row: { certificate_number: string }, tx: Executor) => Promise<Partial<CertificateComputed>>,
) {
  await db.transaction().execute(async (tx) => {
    const row = await lockRow(tx, certificateRegister, orgId, id);
    if (row.archived_at) throw conflict('This certificate is archived; restore it first.');
    const before: CertificateComputed = {
      status: row.status,
      statusReason: row.status_reason,
      statusChangedOn: row.status_changed_on,
      published: Number(row.published) === 1,
      publishedAt: row.published_at,
    };
    const after = { ...before, ...(await change(before, row, tx)) };
    const now = new Date(Math.max(Date.now(), Date.parse(row.updated_at) + 1)).toISOString();
    await tx
      .updateTable('certificates')
      .set({
        status: after.status,
        status_reason: after.statusReason,
        status_changed_on: after.statusChangedOn,
        published: after.published ? 1 : 0,
        published_at: after.publishedAt,
        updated_at: now,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: certificateRegister.entityType,
      entityId: id,
      action,
      before: { id, certificateNumber: row.certificate_number, ...before },
      after: { id, certificateNumber: row.certificate_number, ...after },
    });
  });
  return getRecord(db, certificateRegister, orgId, id);
}

/** Suspended, withdrawn or valid again, as the certification body decided, with the reason and the day. */
export function changeStatus(
  db: Db,
  actor: Actor,
  orgId: string,
  id: string,
  body: { status: StoredStatus; reason: string; on: string },
) {
  return changeComputed(db, actor, orgId, id, 'status', async (c) => {
    if (c.status === 'withdrawn')
      throw conflict('A withdrawn certificate stays withdrawn: record the new certificate from a new decision.');
    if (c.status === body.status) throw invalid([{ field: 'body.status', message: `is already ${body.status}` }]);
    return { status: body.status, statusReason: body.reason, statusChangedOn: body.on };
  });
}

export function setPublished(db: Db, actor: Actor, orgId: string, id: string, published: boolean) {
  return changeComputed(db, actor, orgId, id, published ? 'publish' : 'unpublish', async (c, row, tx) => {
    if (c.published === published) return {};
    if (published) await assertNumberFree(tx, row.certificate_number, id);
    return { published, publishedAt: published ? new Date().toISOString() : null };
  });
}

/** The current certificate's cycle: decision, surveillance 1 and 2, recertification, expiry; and what is next. */
export async function certificationCycle(db: Executor, orgId: string, today = todayUtc()) {
  const cert = await repo.currentCertificate(db, orgId);
  if (!cert) return { certificate: null, timeline: [], nextDue: null };
  const [decision, audits, renewals] = await Promise.all([
    repo.findDecision(db, orgId, cert.decision_id),
    listCertificationAuditRefs(db, orgId),
    repo.grantedRenewals(db, orgId),
  ]);
  const timeline = cycleTimeline(
    {
      decidedOn: decision?.decided_on ?? cert.issue_date,
      expiryDate: cert.expiry_date,
      audits,
      renewals: renewals.map((r) => ({ decidedOn: r.decided_on, auditId: r.audit_id })),
    },
    today,
  );
  return {
    certificate: {
      id: cert.id,
      certificateNumber: cert.certificate_number,
      status: shownStatus(cert.status, cert.expiry_date, today),
      expiryDate: cert.expiry_date,
    },
    timeline,
    nextDue: nextDueItem(timeline),
  };
}

export interface CertificateSummary {
  /** the organization's current certificate (the latest not withdrawn), null when it holds none */
  certificate: {
    id: string;
    certificateNumber: string;
    status: ShownStatus;
    issueDate: string;
    expiryDate: string;
    issuingBody: string;
    published: boolean;
    /** the approved scope changed after certification: the body must be told */
    scopeChangedSinceCertification: boolean;
  } | null;
  /** the latest certification decision, null when none */
  decision: { id: string; outcome: 'granted' | 'refused' | 'deferred'; decidedOn: string } | null;
  /** the next surveillance or recertification due date of the cycle, null without a certificate */
  nextDue: { kind: 'surveillance' | 'recertification'; number: number | null; dueBy: string } | null;
}

export async function summary(db: Executor, orgId: string): Promise<CertificateSummary> {
  const [cert, decision] = await Promise.all([repo.currentCertificate(db, orgId), repo.latestDecision(db, orgId)]);
  const scopeVersion = cert ? ((await getScopeOverview(db, orgId)).approved as { version: number } | null)?.version : null;
  const today = todayUtc();
  const presented = cert ? presentCertificate(cert, { today, approvedScopeVersion: scopeVersion ?? null }) : null;
  const cycle = cert ? await certificationCycle(db, orgId, today) : null;
  const next = cycle?.nextDue ?? null;
  return {
    certificate: presented && {
      id: presented.id,
      certificateNumber: presented.certificateNumber,
      status: presented.status,
      issueDate: presented.issueDate,
      expiryDate: presented.expiryDate,
      issuingBody: presented.issuingBody.name,
      published: presented.published,
      scopeChangedSinceCertification: presented.approvedScopeVersion !== null,
    },
    decision: decision ? { id: decision.id, outcome: decision.outcome, decidedOn: decision.decided_on } : null,
    nextDue: next
      ? { kind: next.kind === 'surveillance' ? 'surveillance' : 'recertification', number: next.number, dueBy: next.date }
      : null,
  };
}
