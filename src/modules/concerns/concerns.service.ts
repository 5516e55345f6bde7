import { PostgresAdapter, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit, entityHistory } from '../../platform/audit-log/audit-log.js';
import { can, PERMISSIONS, type Role } from '../../platform/auth/roles.js';
import { todayUtc } from '../../platform/dates.js';
import { type Db, type Executor, forUpdate, nowIso, orgOfIds } from '../../platform/db/db.js';
import { inList, queryTemplate } from '../../platform/db/statement-cache.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.js';
import { notify } from '../../platform/notify/index.js';
import { checkLinks, resolveLinks } from '../../platform/refs/index.js';
import { getRecord, insertRecord } from '../../platform/register/index.js';
import { openIncident } from '../incidents/index.js';
import { effectiveRiskMethod, type RiskInput, riskRegister } from '../risks/index.js';
import {
  ANONYMOUS_LABEL,
  concernNumber,
  defaultTitle,
  detectedAt,
  outcomeWords,
  raiseActor,
  STATUS_WORDS,
} from './concerns.rules.js';
import type { Concern, ConcernListQuery, RaiseConcernInput, TriageInput } from './concerns.schemas.js';
import './concerns.tables.js';

// The concerns module's use cases. A reviewer's reads (get, list) and every
// audit entry and reviewer notification are built from the concerns row
// alone; concern_reporters is read only for the caller's own concerns
// (mine, "yours", the reporter's notification of the outcome).

export interface ConcernAccess {
  orgId: string;
  userId: string;
  role: Role;
  actor: Actor;
}

type ConcernRow = Row<'concerns'>;

const base = (orgId: string) => `/orgs/${orgId}/concerns`;

async function nextNumber(tx: Executor, orgId: string): Promise<number> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('concerns.number'), hashtext(${orgId}))`.execute(tx);
  const row = await tx
    .selectFrom('concerns')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

async function aiSystemErrors(db: Executor, orgId: string, id: string | null | undefined, field: string): Promise<FieldError[]> {
  if (!id) return [];
  const errors = await checkLinks(db, orgId, [{ type: 'ai-system', id }], field);
  return errors.map((e) => ({ ...e, field }));
}

async function userName(db: Executor, userId: string): Promise<string> {
  const u = await db.selectFrom('users').select(['name', 'email']).where('id', '=', userId).executeTakeFirst();
  return u?.name || u?.email || 'A member';
}

/** Members who triage concerns: those whose role may approve. */
async function reviewerIds(tx: Executor, orgId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', 'in', [...PERMISSIONS.approve])
    .execute();
  return rows.map((r) => r.user_id);
}

/** What the audit log keeps of a concern: never the reporter of an anonymous one. */
function auditView(r: ConcernRow) {
  return {
    id: r.id,
    number: concernNumber(r.number_seq),
    aiSystemId: r.ai_system_id,
    description: r.description,
    noticedOn: r.noticed_on,
    anonymous: r.anonymous === 1,
    raisedBy: r.anonymous === 1 ? null : r.named_reporter_name,
    status: r.status,
    outcome: r.outcome,
    incidentNumber: r.incident_number,
    riskNumber: r.risk_number,
    closeReason: r.close_reason,
  };
}

async function present(db: Executor, orgId: string, callerId: string, rows: ConcernRow[]): Promise<Concern[]> {
  if (rows.length === 0) return [];
  const systemIds = [...new Set(rows.flatMap((r) => (r.ai_system_id ? [r.ai_system_id] : [])))];
  const [target, own] = await Promise.all([
    resolveLinks(
      db,
      orgId,
      systemIds.map((id) => ({ type: 'ai-system', id })),
    ),
    // the caller's own concerns among these: reveals nothing but the caller's own
    ownOfCaller.run(db, { orgId, userId: callerId, ids: rows.map((r) => r.id) }),
  ]);
  const yours = new Set(own.map((o) => o.concern_id));
  return rows.map((r) => {
    const system = r.ai_system_id ? target({ type: 'ai-system', id: r.ai_system_id }) : undefined;
    const named = r.anonymous === 0 && r.named_reporter_name !== null;
    return {
      id: r.id,
      number: concernNumber(r.number_seq),
      aiSystem: r.ai_system_id
        ? { id: r.ai_system_id, name: system?.label ?? '(not found)', archived: system?.archived ?? true }
        : null,
      description: r.description,
      noticedOn: r.noticed_on,
      anonymous: r.anonymous === 1,
      raisedBy: named ? { userId: r.named_reporter_user_id, name: r.named_reporter_name as string } : null,
      raisedByLabel: named ? (r.named_reporter_name as string) : ANONYMOUS_LABEL,
      yours: yours.has(r.id),
      status: r.status,
      statusLabel: STATUS_WORDS[r.status],
      outcome: r.outcome,
      outcomeText: outcomeWords({
        status: r.status,
        incidentNumber: r.incident_number,
        riskNumber: r.risk_number,
        closeReason: r.close_reason,
      }),
      incident: r.incident_id ? { id: r.incident_id, number: r.incident_number ?? '' } : null,
      risk: r.risk_id ? { id: r.risk_id, number: r.risk_number ?? '' } : null,
      closeReason: r.close_reason,
      triagedBy: r.triaged_by_name ? { userId: r.triaged_by_user_id, name: r.triaged_by_name } : null,
      triagedAt: r.triaged_at,
      raisedAt: r.raised_at,
      updatedAt: r.updated_at,
    };
  });
}

// Every concern page reads these: compiled once.
const concernById = queryTemplate(['orgId', 'id'], (db, p) =>
  db.selectFrom('concerns').selectAll().where('org_id', '=', p.orgId).where('id', '=', p.id),
);
const ownOfCaller = queryTemplate(
  ['orgId', 'userId', 'ids'],
  (db, p) =>
    db
      .selectFrom('concern_reporters')
      .select('concern_id')
      .where('org_id', '=', p.orgId)
      .where('user_id', '=', p.userId)
      .where(inList(db, 'concern_id', p.ids)),
  { lists: ['ids'] },
);

const findRow = async (db: Executor, orgId: string, id: string) => (await concernById.run(db, { orgId, id }))[0];

/** Raises a concern: numbered, audited (anonymously when asked), reviewers notified; all or nothing. */
export async function raiseConcern(db: Db, access: ConcernAccess, input: RaiseConcernInput): Promise<Concern> {
  const { orgId } = access;
  const errors = await aiSystemErrors(db, orgId, input.aiSystemId, 'body.aiSystemId');
  if (input.noticedOn && input.noticedOn > todayUtc())
    errors.push({ field: 'body.noticedOn', message: 'cannot be in the future' });
  if (errors.length) throw invalid(errors);
  const row = await db.transaction().execute(async (tx) => {
    // checked again inside: the system may have been archived since
    const again = await aiSystemErrors(tx, orgId, input.aiSystemId, 'body.aiSystemId');
    if (again.length) throw invalid(again);
    const now = nowIso();
    const named = !input.anonymous;
    const r: ConcernRow = {
      id: uuidv7(),
      org_id: orgId,
      number_seq: await nextNumber(tx, orgId),
      ai_system_id: input.aiSystemId,
      description: input.description,
      noticed_on: input.noticedOn,
      anonymous: input.anonymous ? 1 : 0,
      named_reporter_user_id: named ? access.userId : null,
      named_reporter_name: named ? await userName(tx, access.userId) : null,
      status: 'new',
      outcome: null,
      incident_id: null,
      incident_number: null,
      risk_id: null,
      risk_number: null,
      close_reason: null,
      triaged_by_user_id: null,
      triaged_by_name: null,
      triaged_at: null,
      raised_at: now,
      updated_at: now,
    };
    await tx.insertInto('concerns').values(r).execute();
    await tx.insertInto('concern_reporters').values({ concern_id: r.id, org_id: orgId, user_id: access.userId }).execute();
    await appendAudit(tx, raiseActor(access.actor, input.anonymous), {
      orgId,
      entityType: 'concern',
      entityId: r.id,
      action: 'create',
      after: auditView(r),
    });
    const number = concernNumber(r.number_seq);
    const system = r.ai_system_id
      ? (await resolveLinks(tx, orgId, [{ type: 'ai-system', id: r.ai_system_id }]))({ type: 'ai-system', id: r.ai_system_id })
      : undefined;
    await notify(tx, {
      orgId,
      userIds: await reviewerIds(tx, orgId),
      kind: 'concern-raised',
      title: `Concern ${number} to review`,
      body: [
        named ? `${r.named_reporter_name} raised a concern` : 'A concern was raised anonymously',
        system ? ` about ${system.label}.` : '.',
        ' Decide whether it is an incident, a risk, or can be closed.',
      ].join(''),
      link: `${base(orgId)}/${r.id}`,
    });
    return r;
  });
  const [item] = await present(db, orgId, access.userId, [row]);
  return item;
}

/** A concern, for a reviewer or for the member who raised it; anyone else: 404. */
export async function getConcern(db: Executor, access: ConcernAccess, id: string): Promise<Concern> {
  const row = await findRow(db, access.orgId, id);
  if (!row) throw notFound('Concern');
  if (!can(access.role, 'approve')) {
    const own = await db
      .selectFrom('concern_reporters')
      .select('concern_id')
      .where('concern_id', '=', id)
      .where('org_id', '=', access.orgId)
      .where('user_id', '=', access.userId)
      .executeTakeFirst();
    if (!own) throw notFound('Concern');
  }
  const [item] = await present(db, access.orgId, access.userId, [row]);
  return item;
}

/** A concern's audit entries, oldest first (reviewers): built from what auditView keeps, so never the anonymous reporter. */
export async function concernHistory(db: Executor, access: ConcernAccess, id: string) {
  if (!(await findRow(db, access.orgId, id))) throw notFound('Concern');
  return entityHistory(db, access.orgId, 'concern', [id]);
}

/** Every concern of the organization, newest first: the reviewers' list. */
export async function listConcerns(db: Executor, access: ConcernAccess, q: ConcernListQuery) {
  let query = db.selectFrom('concerns').selectAll().where('org_id', '=', access.orgId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.open === 'true') query = query.where('status', 'in', ['new', 'in-triage']);
  if (q.open === 'false') query = query.where('status', 'not in', ['new', 'in-triage']);
  if (q.aiSystemId) query = query.where('ai_system_id', '=', q.aiSystemId);
  if (q.cursor) query = query.where('number_seq', '<', Number(q.cursor));
  const rows = await query
    .orderBy('number_seq', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  return {
    items: await present(db, access.orgId, access.userId, page),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1].number_seq) : null,
  };
}

/** The caller's own concerns, anonymous or not, newest first, with their outcomes. */
export async function myConcerns(db: Executor, access: ConcernAccess, limit: number) {
  const rows = await db
    .selectFrom('concerns')
    .innerJoin('concern_reporters', 'concern_reporters.concern_id', 'concerns.id')
    .selectAll('concerns')
    .where('concern_reporters.org_id', '=', access.orgId)
    .where('concern_reporters.user_id', '=', access.userId)
    .where('concerns.org_id', '=', access.orgId)
    .orderBy('concerns.number_seq', 'desc')
    .limit(limit)
    .execute();
  return { items: await present(db, access.orgId, access.userId, rows) };
}

async function lockConcern(tx: Executor, orgId: string, id: string) {
  const row = await forUpdate(
    tx,
    tx.selectFrom('concerns').selectAll().where('org_id', '=', orgId).where('id', '=', id),
  ).executeTakeFirst();
  if (!row) throw notFound('Concern');
  if (row.outcome) throw conflict(`Concern ${concernNumber(row.number_seq)} was already triaged (${STATUS_WORDS[row.status]}).`);
  return row;
}

/** A reviewer marks a new concern as being looked at (so others know). */
export async function startTriage(db: Db, access: ConcernAccess, id: string): Promise<Concern> {
  const row = await db.transaction().execute(async (tx) => {
    const before = await lockConcern(tx, access.orgId, id);
    if (before.status === 'in-triage') return before;
    const after: ConcernRow = { ...before, status: 'in-triage', updated_at: nowIso() };
    await tx
      .updateTable('concerns')
      .set({ status: after.status, updated_at: after.updated_at })
      .where('id', '=', id)
      .where('org_id', '=', access.orgId)
      .execute();
    await appendAudit(tx, access.actor, {
      orgId: access.orgId,
      entityType: 'concern',
      entityId: id,
      action: 'update',
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
  const [item] = await present(db, access.orgId, access.userId, [row]);
  return item;
}

async function riskInput(
  tx: Executor,
  orgId: string,
  row: ConcernRow,
  input: Extract<TriageInput, { outcome: 'risk' }>,
): Promise<RiskInput> {
  const aiSystemId = input.aiSystemId ?? row.ai_system_id;
  const errors: FieldError[] = [];
  if (!aiSystemId)
    errors.push({ field: 'body.aiSystemId', message: 'name the AI system the risk is about: the concern names none' });
  else errors.push(...(await aiSystemErrors(tx, orgId, aiSystemId, 'body.aiSystemId')));
  const method = (await effectiveRiskMethod(tx, orgId)).content;
  const source = input.sourceCategory ?? method.riskSources.find((s) => s.inUse)?.id;
  if (!source)
    errors.push({
      field: 'body.sourceCategory',
      message: 'the risk method has no risk source in use: name one, or put one in use',
    });
  if (errors.length) throw invalid(errors);
  const middle = (n: number) => Math.ceil(n / 2);
  const number = concernNumber(row.number_seq);
  return {
    title: input.title ?? defaultTitle(number, row.description),
    aiSystemIds: [aiSystemId as string],
    supplierIds: [],
    sourceCategory: source as string,
    cause: '',
    event: `Raised as concern ${number}: ${row.description}`,
    consequence: '',
    owner: null,
    inherentLikelihood: input.inherentLikelihood ?? middle(method.likelihood.length),
    inherentImpact: input.inherentImpact ?? middle(method.impact.length),
    treatmentOption: null,
    residualLikelihood: null,
    residualImpact: null,
    acceptance: null,
    nextReviewDate: null,
    status: 'open',
  };
}

/**
 * Triages a concern, once: opens an incident, adds a risk to the register or
 * closes it with a reason, in one transaction with the concern's update, its
 * audit entry and the reporter's notification. A second triage: 409.
 */
export async function triageConcern(db: Db, access: ConcernAccess, id: string, input: TriageInput): Promise<Concern> {
  const { orgId, actor } = access;
  const row = await db.transaction().execute(async (tx) => {
    const before = await lockConcern(tx, orgId, id);
    const number = concernNumber(before.number_seq);
    const now = nowIso();
    const after: ConcernRow = {
      ...before,
      status: input.outcome,
      outcome: input.outcome,
      triaged_by_user_id: access.userId,
      triaged_by_name: await userName(tx, access.userId),
      triaged_at: now,
      updated_at: now,
    };
    if (input.outcome === 'incident') {
      const incident = await openIncident(tx, actor, orgId, {
        aiSystemId: before.ai_system_id,
        title: input.title ?? defaultTitle(number, before.description),
        description: before.description,
        detectedAt: detectedAt(before.noticed_on, before.raised_at),
        detectedHow: 'concern',
        severity: input.severity,
        source: { kind: 'concern', id: before.id },
      });
      after.incident_id = incident.id;
      after.incident_number = incident.number;
    } else if (input.outcome === 'risk') {
      const risk = await insertRecord(tx, actor, riskRegister, orgId, await riskInput(tx, orgId, before, input));
      after.risk_id = risk.id;
      after.risk_number = (await getRecord(tx, riskRegister, orgId, risk.id)).item.number;
    } else {
      after.close_reason = input.reason;
    }
    await tx
      .updateTable('concerns')
      .set({
        status: after.status,
        outcome: after.outcome,
        incident_id: after.incident_id,
        incident_number: after.incident_number,
        risk_id: after.risk_id,
        risk_number: after.risk_number,
        close_reason: after.close_reason,
        triaged_by_user_id: after.triaged_by_user_id,
        triaged_by_name: after.triaged_by_name,
        triaged_at: after.triaged_at,
        updated_at: after.updated_at,
      })
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'concern',
      entityId: id,
      action: 'triage',
      before: auditView(before),
      after: auditView(after),
    });
    // The reporter, and only them, is told what became of their concern.
    const reporter = await tx.selectFrom('concern_reporters').select('user_id').where('concern_id', '=', id).executeTakeFirst();
    if (reporter)
      await notify(tx, {
        orgId,
        userIds: [reporter.user_id],
        kind: 'concern-triaged',
        title: `Your concern ${number}: ${STATUS_WORDS[after.status].toLowerCase()}`,
        body: `${outcomeWords({
          status: after.status,
          incidentNumber: after.incident_number,
          riskNumber: after.risk_number,
          closeReason: after.close_reason,
        })}. Thank you for raising it.`,
        link: `${base(orgId)}/${id}`,
      });
    return after;
  });
  const [item] = await present(db, orgId, access.userId, [row]);
  return item;
}

const OPEN = ['new', 'in-triage'] as const;

/** For the home page: concerns waiting (new), triaged in the last 90 days, and not triaged yet (open). */
export async function concernSummary(
  db: Executor,
  orgId: string,
): Promise<{ new: number; triagedLast90Days: number; open: number }> {
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const row = await db
    .selectFrom('concerns')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('status', '=', 'new').then(1).else(0).end()).as('new'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('status', 'in', [...OPEN])
            .then(1)
            .else(0)
            .end(),
        )
        .as('open'),
      eb.fn.sum<number>(eb.case().when('triaged_at', '>=', since).then(1).else(0).end()).as('triaged'),
    ])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return { new: Number(row?.new ?? 0), triagedLast90Days: Number(row?.triaged ?? 0), open: Number(row?.open ?? 0) };
}

/** For reviewers on the home page: concerns not triaged yet, oldest first. */
export async function concernsDue(
  db: Executor,
  orgId: string,
): Promise<Array<{ id: string; number: string; raisedAt: string; aiSystemName: string | null }>> {
  const rows = await db
    .selectFrom('concerns')
    .select(['id', 'number_seq', 'raised_at', 'ai_system_id'])
    .where('org_id', '=', orgId)
    .where('status', 'in', [...OPEN])
    .orderBy('raised_at')
    .orderBy('id')
    .limit(200)
    .execute();
  const target = await resolveLinks(
    db,
    orgId,
    rows.flatMap((r) => (r.ai_system_id ? [{ type: 'ai-system', id: r.ai_system_id }] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    number: concernNumber(r.number_seq),
    raisedAt: r.raised_at,
    aiSystemName: r.ai_system_id ? (target({ type: 'ai-system', id: r.ai_system_id })?.label ?? null) : null,
  }));
}

/** Concern labels for links from other records (an incident's source). */
export async function concernLabels(db: Executor, orgId: string, ids: string[]) {
  const rows = ids.length
    ? await db
        .selectFrom('concerns')
        .select(['id', 'number_seq'])
        .where(orgOfIds(db), '=', orgId)
        .where('id', 'in', ids)
        .execute()
    : [];
  return new Map(rows.map((r) => [r.id, { label: concernNumber(r.number_seq), archived: false, linkable: true }]));
}
