import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError } from '../../platform/http/errors.js';
import { resolveLinks } from '../../platform/refs/index.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { approvedScopeVersion } from '../scope/index.js';
import * as repo from './certificates.repository.js';
import { numberKey, type ShownStatus, type StoredStatus, shownStatus } from './certificates.rules.js';
import type { Certificate, CertificateRecord } from './certificates.schemas.js';
import './certificates.tables.js';

// The certificates register on the kit. Status and publishing change only
// through their own actions (certificates.service.ts); the record carries them
// in `computed` so an edit keeps them. A published number is unique across
// organizations: checked under a lock for a readable 409, the partial unique
// index being the backstop.

export interface CertificateComputed {
  status: StoredStatus;
  statusReason: string;
  statusChangedOn: string | null;
  published: boolean;
  publishedAt: string | null;
}
export type StoredCertificate = CertificateRecord & { computed?: CertificateComputed };

interface Ctx {
  today: string;
  approvedScopeVersion: number | null;
}

const sitesOf = (text: string): { name: string; country: string }[] => JSON.parse(text);

function rowToRecord(r: Row<'certificates'>): StoredCertificate {
  return {
    decisionId: r.decision_id,
    organizationName: r.organization_name,
    standard: r.standard,
    scopeStatement: r.scope_statement,
    scopeVersion: r.scope_version === null ? null : Number(r.scope_version),
    sites: sitesOf(r.sites),
    certificateNumber: r.certificate_number,
    issueDate: r.issue_date,
    expiryDate: r.expiry_date,
    issuingBody: { name: r.issuing_body_name, certificationBodyId: r.certification_body_id },
    accreditation: { body: r.accreditation_body, number: r.accreditation_number, iafMlaSignatory: r.iaf_mla },
    verificationRoute: r.verification_route,
    iafCertSearchListed: Number(r.iaf_cert_search_listed) === 1,
    computed: {
      status: r.status,
      statusReason: r.status_reason,
      statusChangedOn: r.status_changed_on,
      published: Number(r.published) === 1,
      publishedAt: r.published_at,
    },
  };
}

function toColumns(input: StoredCertificate) {
  const c = input.computed;
  if (!c) throw new Error('a certificate is stored only after prepare set its status');
  return {
    decision_id: input.decisionId,
    organization_name: input.organizationName,
    standard: input.standard,
    scope_statement: input.scopeStatement,
    scope_version: input.scopeVersion,
    sites: JSON.stringify(input.sites),
    certificate_number: input.certificateNumber,
    certificate_number_key: numberKey(input.certificateNumber),
    issue_date: input.issueDate,
    expiry_date: input.expiryDate,
    issuing_body_name: input.issuingBody.name,
    certification_body_id: input.issuingBody.certificationBodyId,
    accreditation_body: input.accreditation.body,
    accreditation_number: input.accreditation.number,
    iaf_mla: input.accreditation.iafMlaSignatory,
    verification_route: input.verificationRoute,
    iaf_cert_search_listed: input.iafCertSearchListed ? 1 : 0,
    status: c.status,
    status_reason: c.statusReason,
    status_changed_on: c.statusChangedOn,
    published: c.published ? 1 : 0,
    published_at: c.publishedAt,
  };
}

/** 409 naming body.certificateNumber when another published certificate (any organization) has this number. */
export async function assertNumberFree(tx: Executor, certificateNumber: string, id: string) {
  const key = numberKey(certificateNumber);
  await repo.lockPublishedNumber(tx, key);
  if (await repo.publishedWithNumber(tx, key, id))
    throw conflict(`Another published certificate already has the number ${certificateNumber}.`, [
      { field: 'body.certificateNumber', message: 'is already the number of a published certificate' },
    ]);
}

async function prepareCertificate(tx: Executor, orgId: string, input: StoredCertificate, _ctx: Ctx, id: string) {
  const errors: FieldError[] = [];
  const decision = await repo.findDecision(tx, orgId, input.decisionId);
  if (!decision || decision.archived_at)
    errors.push({ field: 'body.decisionId', message: 'is not a certification decision of this organization' });
  else if (decision.outcome !== 'granted') errors.push({ field: 'body.decisionId', message: 'must be a granted decision' });
  if (input.expiryDate <= input.issueDate) errors.push({ field: 'body.expiryDate', message: 'must be after the issue date' });
  const bodyId = input.issuingBody.certificationBodyId;
  if (bodyId) {
    // the certification-body record is the organization's own (any candidate, archived ones kept)
    const target = await resolveLinks(tx, orgId, [{ type: 'certification-body', id: bodyId }]);
    if (!target({ type: 'certification-body', id: bodyId }))
      errors.push({ field: 'body.issuingBody.certificationBodyId', message: 'is not a certification body of this organization' });
  }
  if (errors.length) return { value: input, errors };
  const computed: CertificateComputed = input.computed ?? {
    status: 'valid',
    statusReason: '',
    statusChangedOn: null,
    published: false,
    publishedAt: null,
  };
  if (computed.published) await assertNumberFree(tx, input.certificateNumber, id);
  return { value: { ...input, computed }, errors };
}

export function presentCertificate(r: Row<'certificates'>, ctx: Ctx): Certificate {
  const rec = rowToRecord(r);
  const c = rec.computed as CertificateComputed;
  const status: ShownStatus = shownStatus(c.status, rec.expiryDate, ctx.today);
  const newerScope =
    ctx.approvedScopeVersion !== null && rec.scopeVersion !== null && ctx.approvedScopeVersion > rec.scopeVersion
      ? ctx.approvedScopeVersion
      : null;
  const warnings: string[] = [];
  if (newerScope !== null)
    warnings.push(
      `The approved AIMS scope changed after certification (now version ${newerScope}, certified against version ${rec.scopeVersion}): tell the certification body.`,
    );
  if (status === 'expired') warnings.push(`The certificate expired on ${rec.expiryDate}: the organization is not certified.`);
  return {
    id: r.id,
    decisionId: rec.decisionId,
    organizationName: rec.organizationName,
    standard: rec.standard,
    scopeStatement: rec.scopeStatement,
    scopeVersion: rec.scopeVersion,
    sites: rec.sites,
    certificateNumber: rec.certificateNumber,
    issueDate: rec.issueDate,
    expiryDate: rec.expiryDate,
    issuingBody: rec.issuingBody,
    accreditation: rec.accreditation,
    verificationRoute: rec.verificationRoute,
    iafCertSearchListed: rec.iafCertSearchListed,
    status,
    storedStatus: c.status,
    statusReason: c.statusReason,
    statusChangedOn: c.statusChangedOn,
    published: c.published,
    publishedAt: c.publishedAt,
    publicPath: c.published ? `/verify/${encodeURIComponent(rec.certificateNumber)}` : null,
    approvedScopeVersion: newerScope,
    warnings,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
}

export async function certificateContext(db: Executor, orgId: string): Promise<Ctx> {
  return { today: todayUtc(), approvedScopeVersion: await approvedScopeVersion(db, orgId) };
}

export const certificateRegister: RegisterDefinition<'certificates', StoredCertificate, Certificate, Ctx> = {
  table: 'certificates',
  entityType: 'certificate',
  noun: 'certificate',
  context: (db, orgId) => certificateContext(db, orgId),
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns,
  present: async (_db, _orgId, rows, ctx) => rows.map((r) => presentCertificate(r, ctx)),
  auditView(id, input) {
    const { computed, ...fields } = input;
    return { id, ...fields, ...computed };
  },
  prepare: prepareCertificate,
  list: {
    sorts: {
      issueDate: { expression: (eb) => eb.ref('certificates.issue_date'), value: (r) => r.issue_date },
      expiryDate: { expression: (eb) => eb.ref('certificates.expiry_date'), value: (r) => r.expiry_date },
      certificateNumber: {
        expression: (eb) => eb.ref('certificates.certificate_number_key'),
        value: (r) => r.certificate_number_key,
      },
    },
    defaultSort: '-issueDate',
    filter(query, q) {
      const f = q as { status?: StoredStatus; published?: boolean };
      let out = query;
      if (f.status) out = out.where('status', '=', f.status);
      if (f.published !== undefined) out = out.where('published', '=', f.published ? 1 : 0);
      return out;
    },
  },
};
