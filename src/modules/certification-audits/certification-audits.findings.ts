import { uuidv7 } from 'uuidv7';
import { getRequirement, isRequirementId } from '../../catalogue/index.js';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { findUserById } from '../../platform/auth/users.js';
import { type Db, type Executor, nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError, invalid } from '../../platform/http/errors.js';
import { lockRow } from '../../platform/register/index.js';
import { addImprovement } from '../improvements/index.js';
import { gradeScale, nonconformityStates, openNonconformity } from '../nonconformities/index.js';
import { certificationAuditRegister } from './certification-audits.register.js';
import * as repo from './certification-audits.repository.js';
import { certificationAuditLabel, type FindingGrade, mapGrade } from './certification-audits.rules.js';
import type { AuditFinding } from './certification-audits.schemas.js';

// Graded findings of a certification audit. A major or minor finding opens a
// nonconformity in the organization's register (clause 10.2) in the same
// transaction, its deadlines set by the organization's grade scale; an
// observation or an opportunity for improvement goes to the improvement log
// (clause 10.1). Each finding is its nonconformity's source, so one finding
// can never open two.

const isNonconformityGrade = (g: FindingGrade): g is 'major' | 'minor' => g === 'major' || g === 'minor';

/** Who raised something, by name: the member's current name, else the actor's label. */
export async function actorName(db: Executor, actor: Actor) {
  const user = actor.userId ? await findUserById(db, actor.userId) : undefined;
  return user?.name ?? actor.label;
}

export async function listFindings(db: Executor, orgId: string, auditId: string): Promise<AuditFinding[]> {
  const rows = await repo.findingRows(db, orgId, [auditId]);
  const states = await nonconformityStates(
    db,
    orgId,
    rows.flatMap((r) => (r.nonconformity_id ? [r.nonconformity_id] : [])),
  );
  return rows.map((r) => present(r, states));
}

function present(r: Row<'certification_audit_findings'>, states: Awaited<ReturnType<typeof nonconformityStates>>): AuditFinding {
  const nc = r.nonconformity_id ? states.get(r.nonconformity_id) : undefined;
  return {
    id: r.id,
    auditId: r.audit_id,
    number: `F${Number(r.number_seq)}`,
    grade: r.grade,
    requirementId: r.requirement_id,
    requirementTitle: r.requirement_id ? (getRequirement(r.requirement_id)?.title ?? null) : null,
    statement: r.statement,
    evidence: r.evidence,
    nonconformity:
      r.nonconformity_id && nc
        ? { id: r.nonconformity_id, number: nc.number, status: nc.status, closed: nc.status === 'closed', closedOn: nc.closedOn }
        : null,
    improvementId: r.improvement_id,
    gradeNote: r.grade_note,
    raisedBy: r.raised_by_name,
    createdAt: r.created_at,
  };
}

/** Per audit: major and minor findings whose nonconformity is not closed, and all findings. */
export async function openFindingCounts(db: Executor, orgId: string, auditIds: string[]) {
  const out = new Map<string, { open: number; total: number }>();
  if (auditIds.length === 0) return out;
  const rows = await repo.findingRows(db, orgId, auditIds);
  const states = await nonconformityStates(
    db,
    orgId,
    rows.flatMap((r) => (r.nonconformity_id ? [r.nonconformity_id] : [])),
  );
  for (const r of rows) {
    const c = out.get(r.audit_id) ?? { open: 0, total: 0 };
    c.total++;
    const nc = r.nonconformity_id ? states.get(r.nonconformity_id) : undefined;
    if (nc && nc.status !== 'closed') c.open++;
    out.set(r.audit_id, c);
  }
  return out;
}

const firstLine = (s: string, max: number) => (s.trim().split(/\r?\n/)[0] ?? '').slice(0, max).trim();

export async function createFinding(
  db: Db,
  actor: Actor,
  orgId: string,
  auditId: string,
  body: { grade: FindingGrade; requirementId: string | null; statement: string; evidence: string },
): Promise<AuditFinding> {
  const errors: FieldError[] = [];
  if (isNonconformityGrade(body.grade) && !body.requirementId)
    errors.push({ field: 'body.requirementId', message: `is required for a ${body.grade} finding: name the clause or control` });
  if (body.requirementId && !isRequirementId(body.requirementId))
    errors.push({
      field: 'body.requirementId',
      message: `"${body.requirementId}" is not a requirement of the catalogue (such as 9.2.1 or A.6.2.6)`,
    });
  if (errors.length) throw invalid(errors);
  const id = await db.transaction().execute(async (tx) => {
    // the audit's row lock numbers its findings one at a time
    const audit = await lockRow(tx, certificationAuditRegister, orgId, auditId);
    if (audit.archived_at) throw conflict('This certification audit is archived; restore it first.');
    if (audit.status === 'cancelled') throw conflict('This certification audit is cancelled: it records no findings.');
    const max = await tx
      .selectFrom('certification_audit_findings')
      .select((eb) => eb.fn.max('number_seq').as('max'))
      .where('org_id', '=', orgId)
      .where('audit_id', '=', auditId)
      .executeTakeFirst();
    const seq = Number(max?.max ?? 0) + 1;
    const findingId = uuidv7();
    const label = `${certificationAuditLabel(Number(audit.number_seq), audit.type, audit.surveillance_number === null ? null : Number(audit.surveillance_number))} F${seq}`;
    const title = `${label}: ${firstLine(body.statement, 200)}`.slice(0, 300);
    let nonconformityId: string | null = null;
    let improvementId: string | null = null;
    let gradeNote: string | null = null;
    if (isNonconformityGrade(body.grade)) {
      const mapped = mapGrade(body.grade, await gradeScale(tx, orgId));
      if (!mapped)
        throw conflict("The organization's grade scale has no nonconformity grade: add one in the nonconformity settings.");
      gradeNote = mapped.note;
      const nc = await openNonconformity(tx, actor, orgId, {
        source: { kind: 'certification-audit', id: findingId, label },
        grade: mapped.key,
        requirementId: body.requirementId,
        title,
        description: body.statement,
        objectiveEvidence: [`Found by the certification body in audit ${label}.`, body.evidence].filter(Boolean).join('\n\n'),
      });
      nonconformityId = nc.id;
    } else {
      const imp = await addImprovement(tx, actor, orgId, {
        source: { kind: 'certification-audit', id: findingId, label },
        title: title.slice(0, 200),
        description: [body.statement, body.evidence].filter(Boolean).join('\n\n'),
      });
      improvementId = imp.id;
    }
    const row = {
      id: findingId,
      org_id: orgId,
      audit_id: auditId,
      number_seq: seq,
      grade: body.grade,
      requirement_id: body.requirementId,
      statement: body.statement,
      evidence: body.evidence,
      nonconformity_id: nonconformityId,
      improvement_id: improvementId,
      grade_note: gradeNote,
      raised_by_user_id: actor.userId,
      raised_by_name: await actorName(tx, actor),
      created_at: nowIso(),
    };
    await tx.insertInto('certification_audit_findings').values(row).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'certification_audit_finding',
      entityId: findingId,
      action: 'create',
      after: {
        id: findingId,
        auditId,
        number: `F${seq}`,
        grade: body.grade,
        requirementId: body.requirementId,
        statement: body.statement,
        evidence: body.evidence,
        nonconformityId,
        improvementId,
        gradeNote,
      },
    });
    return findingId;
  });
  const found = (await listFindings(db, orgId, auditId)).find((f) => f.id === id);
  if (!found) throw new Error('the finding just written is missing');
  return found;
}
