import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError } from '../../platform/http/errors.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import {
  type CertificationAuditRef,
  findingsOfAudits,
  getCertificationAuditRef,
  listCertificationAuditRefs,
} from '../certification-audits/index.js';
import * as repo from './certificates.repository.js';
import {
  auditsToClear,
  DECIDABLE_AUDIT_TYPES,
  type DecisionCycle,
  decisionCycle,
  openMajors,
  ruleCWarning,
} from './certificates.rules.js';
import { type Decision, type DecisionRecord, decisionCycleSchema } from './certificates.schemas.js';
import './certificates.tables.js';

// Certification decisions on the register kit. A "granted" decision is
// refused while a major finding of the audit (and, for an initial
// certification, of the Stage 1 before it) has a nonconformity not closed:
// the body issues nothing before majors are accepted as closed.

const AUDIT_TYPE_LABELS: Record<string, string> = {
  'stage-1': 'Stage 1',
  'stage-2': 'Stage 2',
  surveillance: 'Surveillance',
  recertification: 'Recertification',
  special: 'Special audit',
};
export const auditLabel = (a: CertificationAuditRef) => `${a.number} ${AUDIT_TYPE_LABELS[a.type] ?? a.type}`;

const cycleColumn = {
  read: (t: string | null): DecisionCycle | null => (t ? (decisionCycleSchema.parse(JSON.parse(t)) as DecisionCycle) : null),
  write: (c: DecisionCycle | null) => (c ? JSON.stringify(c) : null),
};

function rowToRecord(r: Row<'certification_decisions'>): DecisionRecord {
  return {
    auditId: r.audit_id,
    outcome: r.outcome,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    notes: r.notes,
    computed: { auditLabel: r.audit_label, auditType: r.audit_type, cycle: cycleColumn.read(r.cycle) },
  };
}

/**
 * What a decision on this audit would meet: the majors still open (blocking
 * "granted"), rule C's warning, and the cycle a grant on `decidedOn` starts.
 * `excludeDecisionId`: the decision being edited does not count as "previous".
 */
export async function checkDecision(
  db: Executor,
  orgId: string,
  audit: CertificationAuditRef,
  decidedOn: string,
  excludeDecisionId?: string,
) {
  const all = await listCertificationAuditRefs(db, orgId);
  const ids = auditsToClear(audit, all);
  const findings = await findingsOfAudits(db, orgId, ids);
  const blocking = openMajors(findings);
  const stage2End = audit.type === 'stage-2' ? audit.endDate : null;
  const warning = stage2End
    ? ruleCWarning(
        stage2End,
        findings.filter((f) => f.auditId === audit.id),
        decidedOn,
      )
    : null;
  const previous = await repo.previousCertificate(db, orgId, excludeDecisionId ?? null);
  const cycle = decisionCycle(decidedOn, stage2End, previous?.expiry_date ?? null);
  return { blocking, warnings: warning ? [warning] : [], cycle };
}

async function prepareDecision(tx: Executor, orgId: string, input: DecisionRecord, _ctx: unknown, id: string) {
  const errors: FieldError[] = [];
  const audit = await getCertificationAuditRef(tx, orgId, input.auditId);
  if (!audit) errors.push({ field: 'body.auditId', message: 'is not a certification audit of this organization' });
  else if (!(DECIDABLE_AUDIT_TYPES as readonly string[]).includes(audit.type))
    errors.push({ field: 'body.auditId', message: 'must be a Stage 2, recertification or special audit' });
  else if (audit.status === 'cancelled') errors.push({ field: 'body.auditId', message: 'is a cancelled audit' });
  if (errors.length || !audit) return { value: input, errors };
  // a certificate recorded from this decision needs it to stay a grant
  if (input.outcome !== 'granted' && (await repo.certificatesOfDecisions(tx, orgId, [id])).size > 0)
    return {
      value: input,
      errors: [{ field: 'body.outcome', message: 'must stay granted: a certificate was recorded from this decision' }],
    };
  let cycle: DecisionCycle | null = null;
  if (input.outcome === 'granted') {
    await repo.lockDecisions(tx, orgId);
    // one grant per audit: a second one would start a second cycle from the same evidence
    const earlier = await repo.grantOfAudit(tx, orgId, input.auditId, id);
    if (earlier)
      throw conflict(`Certification was already granted on this audit (decided on ${earlier.decided_on}).`, [
        { field: 'body.auditId', message: 'already has a granted decision' },
      ]);
    const check = await checkDecision(tx, orgId, audit, input.decidedOn, id);
    if (check.blocking.length)
      throw conflict(`Certification cannot be granted while major nonconformities are open: ${check.blocking.join(', ')}.`, [
        { field: 'body.auditId', message: `has major nonconformities not closed: ${check.blocking.join(', ')}` },
      ]);
    cycle = check.cycle;
  }
  return {
    value: { ...input, computed: { auditLabel: auditLabel(audit), auditType: audit.type, cycle } },
    errors,
  };
}

async function presentDecisions(db: Executor, orgId: string, rows: Row<'certification_decisions'>[]): Promise<Decision[]> {
  const stage2 = rows.filter((r) => r.audit_type === 'stage-2');
  const audits = stage2.length ? new Map((await listCertificationAuditRefs(db, orgId)).map((a) => [a.id, a])) : new Map();
  const findings = stage2.length ? await findingsOfAudits(db, orgId, [...new Set(stage2.map((r) => r.audit_id))]) : [];
  const certificates = await repo.certificatesOfDecisions(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const rec = rowToRecord(r);
    const audit = audits.get(r.audit_id);
    const warning =
      audit && r.outcome !== 'refused'
        ? ruleCWarning(
            audit.endDate,
            findings.filter((f) => f.auditId === r.audit_id),
            r.decided_on,
          )
        : null;
    return {
      id: r.id,
      audit: { id: r.audit_id, label: r.audit_label, type: r.audit_type },
      outcome: rec.outcome,
      decidedOn: rec.decidedOn,
      decidedBy: rec.decidedBy,
      notes: rec.notes,
      cycle: rec.computed?.cycle ?? null,
      warnings: warning ? [warning] : [],
      certificateId: certificates.get(r.id) ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const decisionRegister: RegisterDefinition<'certification_decisions', DecisionRecord, Decision, { today: string }> = {
  table: 'certification_decisions',
  entityType: 'certification_decision',
  noun: 'certification decision',
  async context() {
    return { today: todayUtc() };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns(input) {
    const c = input.computed;
    if (!c) throw new Error('a decision is stored only after prepare checked its audit');
    return {
      audit_id: input.auditId,
      audit_label: c.auditLabel,
      audit_type: c.auditType,
      outcome: input.outcome,
      decided_on: input.decidedOn,
      decided_by: input.decidedBy,
      notes: input.notes,
      cycle: cycleColumn.write(c.cycle),
    };
  },
  present: (db, orgId, rows) => presentDecisions(db, orgId, rows),
  prepare: prepareDecision,
  list: {
    sorts: {
      decidedOn: { expression: (eb) => eb.ref('certification_decisions.decided_on'), value: (r) => r.decided_on },
      updatedAt: { expression: (eb) => eb.ref('certification_decisions.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-decidedOn',
    filter(query, q) {
      const outcome = (q as { outcome?: Row<'certification_decisions'>['outcome'] }).outcome;
      return outcome ? query.where('outcome', '=', outcome) : query;
    },
  },
};
