import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { type Db, type Executor, forUpdate, nowIso, type Tx } from '../../platform/db/db.js';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.js';
import { checkLinks, type LinkRef, resolveLinks } from '../../platform/refs/index.js';
import { findRow, laterThan, lockRow } from '../../platform/register/index.js';
import { actorName } from './certification-audits.findings.js';
import { certificationAuditRegister } from './certification-audits.register.js';
import type { RequestStatus } from './certification-audits.rules.js';
import type { AuditRequest } from './certification-audits.schemas.js';

// The audit room's requests: the body's auditor asks for something ("the risk
// records of three AI systems"), the organization answers with a note and
// links to its records (any registered kind, checked as this
// organization's), and the auditor closes the request or reopens it.

const unknownKind = (e: unknown) => e instanceof Error && e.message.includes('no module registered');

/** Field errors of links to records: unknown kinds and ids that are not this organization's. */
async function linkErrors(db: Executor, orgId: string, links: LinkRef[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const types = [...new Set(links.map((l) => l.type))];
  for (const type of types) {
    const idx = links.flatMap((l, i) => (l.type === type ? [i] : []));
    try {
      const found = await checkLinks(
        db,
        orgId,
        idx.map((i) => links[i]),
        'x',
      );
      for (const e of found) {
        const n = Number(e.field.split('.')[1]);
        errors.push({ field: `body.links.${idx[n]}.id`, message: e.message });
      }
    } catch (e) {
      if (!unknownKind(e)) throw e;
      for (const i of idx) errors.push({ field: `body.links.${i}.type`, message: `"${type}" is not a kind of record` });
    }
  }
  return errors;
}

export async function listRequests(db: Executor, orgId: string, auditId: string): Promise<AuditRequest[]> {
  if (!(await findRow(db, certificationAuditRegister, orgId, auditId))) throw notFound('Certification audit');
  const rows = await db
    .selectFrom('certification_audit_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('audit_id', '=', auditId)
    .orderBy('number_seq')
    .execute();
  const responses = rows.length
    ? await db
        .selectFrom('certification_audit_responses')
        .selectAll()
        .where('org_id', '=', orgId)
        .where(
          'request_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  const parsed = responses.map((r) => ({ ...r, refs: JSON.parse(r.links) as LinkRef[] }));
  const label = await resolveLinks(
    db,
    orgId,
    parsed.flatMap((r) => r.refs),
  ).catch(() => () => undefined);
  return rows.map((r) => ({
    id: r.id,
    auditId: r.audit_id,
    number: `R${Number(r.number_seq)}`,
    title: r.title,
    detail: r.detail,
    dueDate: r.due_date,
    status: r.status,
    raisedBy: r.raised_by_name,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    responses: parsed
      .filter((p) => p.request_id === r.id)
      .map((p) => ({
        id: p.id,
        note: p.note,
        by: p.by_name,
        createdAt: p.created_at,
        links: p.refs.map((l) => {
          const t = label(l);
          return { type: l.type, id: l.id, label: t?.label ?? `${l.type} (no longer available)`, archived: t?.archived ?? true };
        }),
      })),
  }));
}

async function getRequest(db: Executor, orgId: string, auditId: string, requestId: string) {
  const found = (await listRequests(db, orgId, auditId)).find((r) => r.id === requestId);
  if (!found) throw notFound('Request');
  return found;
}

async function lockOpenAudit(tx: Tx, orgId: string, auditId: string) {
  const audit = await lockRow(tx, certificationAuditRegister, orgId, auditId);
  if (audit.archived_at) throw conflict('This certification audit is archived; restore it first.');
  return audit;
}

async function lockRequest(tx: Tx, orgId: string, auditId: string, requestId: string) {
  const row = await forUpdate(
    tx,
    tx
      .selectFrom('certification_audit_requests')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('audit_id', '=', auditId)
      .where('id', '=', requestId),
  ).executeTakeFirst();
  if (!row) throw notFound('Request');
  return row;
}

export async function createRequest(
  db: Db,
  actor: Actor,
  orgId: string,
  auditId: string,
  body: { title: string; detail: string; dueDate: string | null },
) {
  const id = await db.transaction().execute(async (tx) => {
    const audit = await lockOpenAudit(tx, orgId, auditId);
    if (audit.status === 'cancelled') throw conflict('This certification audit is cancelled: it takes no requests.');
    const max = await tx
      .selectFrom('certification_audit_requests')
      .select((eb) => eb.fn.max('number_seq').as('max'))
      .where('org_id', '=', orgId)
      .where('audit_id', '=', auditId)
      .executeTakeFirst();
    const now = nowIso();
    const row = {
      id: uuidv7(),
      org_id: orgId,
      audit_id: auditId,
      number_seq: Number(max?.max ?? 0) + 1,
      title: body.title,
      detail: body.detail,
      due_date: body.dueDate,
      status: 'open' as const,
      raised_by_user_id: actor.userId,
      raised_by_name: await actorName(tx, actor),
      closed_at: null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('certification_audit_requests').values(row).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'certification_audit_request',
      entityId: row.id,
      action: 'create',
      after: { id: row.id, auditId, number: `R${row.number_seq}`, title: row.title, detail: row.detail, dueDate: row.due_date },
    });
    return row.id;
  });
  return getRequest(db, orgId, auditId, id);
}

export async function respondToRequest(
  db: Db,
  actor: Actor,
  orgId: string,
  auditId: string,
  requestId: string,
  body: { note: string; links: LinkRef[] },
) {
  const links = body.links.filter((l, i) => body.links.findIndex((o) => o.type === l.type && o.id === l.id) === i);
  const errors = await linkErrors(db, orgId, body.links);
  if (errors.length) throw invalid(errors);
  await db.transaction().execute(async (tx) => {
    await lockOpenAudit(tx, orgId, auditId);
    const req = await lockRequest(tx, orgId, auditId, requestId);
    if (req.status === 'closed') throw conflict('This request is closed; the auditor reopens it if more is needed.');
    const response = {
      id: uuidv7(),
      org_id: orgId,
      request_id: requestId,
      note: body.note,
      links: JSON.stringify(links),
      by_user_id: actor.userId,
      by_name: await actorName(tx, actor),
      created_at: nowIso(),
    };
    await tx.insertInto('certification_audit_responses').values(response).execute();
    await setStatus(tx, actor, orgId, req, 'answered', { responseId: response.id, note: body.note, links });
  });
  return getRequest(db, orgId, auditId, requestId);
}

async function setStatus(
  tx: Tx,
  actor: Actor,
  orgId: string,
  req: { id: string; status: RequestStatus; updated_at: string },
  status: RequestStatus,
  extra: Record<string, unknown> = {},
) {
  const now = laterThan(req.updated_at);
  await tx
    .updateTable('certification_audit_requests')
    .set({ status, updated_at: now, closed_at: status === 'closed' ? now : null })
    .where('org_id', '=', orgId)
    .where('id', '=', req.id)
    .execute();
  await appendAudit(tx, actor, {
    orgId,
    entityType: 'certification_audit_request',
    entityId: req.id,
    action: status === 'answered' ? 'respond' : status === 'closed' ? 'close' : 'reopen',
    before: { id: req.id, status: req.status },
    after: { id: req.id, status, ...extra },
  });
}

/** The auditor closes a request (satisfied) or reopens it (more is needed). */
export async function closeRequest(db: Db, actor: Actor, orgId: string, auditId: string, requestId: string, close: boolean) {
  await db.transaction().execute(async (tx) => {
    await lockOpenAudit(tx, orgId, auditId);
    const req = await lockRequest(tx, orgId, auditId, requestId);
    if (close && req.status === 'closed') return;
    if (!close && req.status !== 'closed') throw conflict('This request is not closed.');
    await setStatus(tx, actor, orgId, req, close ? 'closed' : 'open');
  });
  return getRequest(db, orgId, auditId, requestId);
}
