import { getRequirement, isRequirementId } from '../../catalogue/index.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, resolveLinks } from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { endAccessOfAudit, moveAccess } from './certification-audits.access.js';
import { openFindingCounts } from './certification-audits.findings.js';
import * as repo from './certification-audits.repository.js';
import { auditErrors, certificationAuditLabel, certificationAuditNumber, effectiveDates } from './certification-audits.rules.js';
import type { AuditListQuery, AuditRecord, CertificationAudit } from './certification-audits.schemas.js';

// Certification audits on the register kit: numbered CA-001, the body checked
// as a link (the certification bodies module owns it), the requirements
// sampled checked against the catalogue, the rules of certification-audits.rules.ts
// on the whole record, and the auditors' access moved with the audit's dates
// in the same transaction (afterWrite).

const BODY_KIND = 'certification-body';

const parse = <T>(s: string) => JSON.parse(s) as T;

function rowToRecord(r: Row<'certification_audits'>): AuditRecord {
  return {
    type: r.type,
    surveillanceNumber: r.surveillance_number === null ? null : Number(r.surveillance_number),
    certificationBodyId: r.certification_body_id,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    status: r.status,
    team: parse(r.team),
    sites: parse(r.sites),
    requirementsSampled: parse(r.requirements),
    outcome: r.outcome as AuditRecord['outcome'],
    notes: r.notes,
    computed: { numberSeq: Number(r.number_seq) },
  };
}

function toColumns(input: AuditRecord) {
  const c = input.computed;
  if (!c) throw new Error('an audit is stored only after prepare numbered it');
  const { startDate, endDate } = effectiveDates(input);
  return {
    number_seq: c.numberSeq,
    type: input.type,
    surveillance_number: input.surveillanceNumber,
    certification_body_id: input.certificationBodyId,
    planned_start: input.plannedStart,
    planned_end: input.plannedEnd,
    actual_start: input.actualStart,
    actual_end: input.actualEnd,
    start_date: startDate,
    end_date: endDate,
    status: input.status,
    team: JSON.stringify(input.team),
    sites: JSON.stringify(input.sites),
    requirements: JSON.stringify(input.requirementsSampled),
    outcome: input.outcome,
    notes: input.notes,
  };
}

/** The body is a link (certification-bodies owns it); until that module registers its kind, every id is refused. */
async function bodyErrors(db: Executor, orgId: string, id: string | null): Promise<FieldError[]> {
  if (id === null) return [];
  const bad = [{ field: 'body.certificationBodyId', message: 'is not a certification body of this organization' }];
  try {
    return (await checkLinks(db, orgId, [{ type: BODY_KIND, id }], 'body.certificationBodyId')).length ? bad : [];
  } catch (e) {
    if (!(e instanceof Error && e.message.includes('no module registered'))) throw e;
    return bad;
  }
}

async function bodyLabels(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return () => undefined;
  try {
    return await resolveLinks(
      db,
      orgId,
      ids.map((id) => ({ type: BODY_KIND, id })),
    );
  } catch {
    return () => undefined;
  }
}

async function prepareAudit(tx: Executor, orgId: string, input: AuditRecord, _ctx: undefined, id: string) {
  const stored = await findRow(tx, certificationAuditRegister, orgId, id);
  const errors: FieldError[] = auditErrors(input);
  if (!stored || stored.certification_body_id !== input.certificationBodyId)
    errors.push(...(await bodyErrors(tx, orgId, input.certificationBodyId)));
  input.requirementsSampled.forEach((r, i) => {
    if (!isRequirementId(r))
      errors.push({
        field: `body.requirementsSampled.${i}`,
        message: `"${r}" is not a requirement of the catalogue (such as 9.2.1 or A.6.2.6)`,
      });
  });
  if (errors.length) return { value: input, errors };
  const value: AuditRecord = {
    ...input,
    requirementsSampled: [...new Set(input.requirementsSampled)],
    sites: [...new Set(input.sites)],
    computed: { numberSeq: stored ? Number(stored.number_seq) : await repo.nextNumber(tx, orgId) },
  };
  return { value, errors };
}

async function present(db: Executor, orgId: string, rows: Row<'certification_audits'>[]): Promise<CertificationAudit[]> {
  const ids = rows.map((r) => r.id);
  const [requests, findings, bodies] = await Promise.all([
    ids.length ? repo.requestCounts(db, orgId, ids) : [],
    openFindingCounts(db, orgId, ids),
    bodyLabels(
      db,
      orgId,
      rows.flatMap((r) => (r.certification_body_id ? [r.certification_body_id] : [])),
    ),
  ]);
  const count = (auditId: string, status: string) =>
    Number(requests.find((c) => c.audit_id === auditId && c.status === status)?.n ?? 0);
  return rows.map((r) => {
    const rec = rowToRecord(r);
    const body = r.certification_body_id ? bodies({ type: BODY_KIND, id: r.certification_body_id }) : undefined;
    return {
      id: r.id,
      number: certificationAuditNumber(Number(r.number_seq)),
      label: certificationAuditLabel(Number(r.number_seq), rec.type, rec.surveillanceNumber),
      type: rec.type,
      surveillanceNumber: rec.surveillanceNumber,
      certificationBodyId: rec.certificationBodyId,
      certificationBody: r.certification_body_id && body ? { id: r.certification_body_id, label: body.label } : null,
      plannedStart: rec.plannedStart,
      plannedEnd: rec.plannedEnd,
      actualStart: rec.actualStart,
      actualEnd: rec.actualEnd,
      startDate: r.start_date,
      endDate: r.end_date,
      status: rec.status,
      team: rec.team,
      sites: rec.sites,
      requirementsSampled: rec.requirementsSampled.map((id) => ({ id, title: getRequirement(id)?.title ?? id })),
      outcome: rec.outcome,
      notes: rec.notes,
      counts: {
        openRequests: count(r.id, 'open'),
        answeredRequests: count(r.id, 'answered'),
        openFindings: findings.get(r.id)?.open ?? 0,
        findings: findings.get(r.id)?.total ?? 0,
      },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const certificationAuditRegister: RegisterDefinition<'certification_audits', AuditRecord, CertificationAudit> = {
  table: 'certification_audits',
  entityType: 'certification_audit',
  noun: 'certification audit',
  async context() {
    return undefined;
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns,
  present: (db, orgId, rows) => present(db, orgId, rows),
  auditView(id, input) {
    const { computed, ...fields } = input;
    return { id, number: computed ? certificationAuditNumber(computed.numberSeq) : null, ...fields };
  },
  prepare: prepareAudit,
  // the auditors' access follows the audit's days, in the same transaction; cancelling ends it
  async afterWrite(tx, orgId, id, input, before) {
    if (!before) return;
    if (input.status === 'cancelled') {
      if (before.status !== 'cancelled') await endAccessOfAudit(tx, orgId, id);
      return;
    }
    const now = effectiveDates(input);
    const was = effectiveDates(before);
    if (now.startDate !== was.startDate || now.endDate !== was.endDate) await moveAccess(tx, orgId, id, now);
  },
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('certification_audits.number_seq'), value: (r) => Number(r.number_seq) },
      startDate: { expression: (eb) => eb.ref('certification_audits.start_date'), value: (r) => r.start_date },
      updatedAt: { expression: (eb) => eb.ref('certification_audits.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-startDate',
    filter(query, q) {
      return repo.filterAudits(query, q as Partial<AuditListQuery>);
    },
  },
};
