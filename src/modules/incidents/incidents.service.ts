import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { resolveLinks, resolvePeople } from '../../platform/refs/index.js';
import { getRecord, insertRecord, lockRow, recordHistory } from '../../platform/register/index.js';
import { incidentRegister } from './incidents.register.js';
import * as repo from './incidents.repository.js';
import { type DetectedHow, FUTURE_TOLERANCE_MS, incidentNumber, SEVERITIES, type Severity } from './incidents.rules.js';
import { createIncidentBody, type IncidentRecord, type TimelineEvent } from './incidents.schemas.js';
import { buildTimeline } from './incidents.timeline.js';

// What the incident module does beyond the kit: open an incident from
// another module's transaction, the summary and the to-do list other modules
// show, running notes, and the timeline.

export interface OpenIncidentInput {
  aiSystemId: string | null;
  title: string;
  description: string;
  detectedAt: string;
  detectedHow: DetectedHow;
  severity: Severity;
  source: { kind: 'monitoring-breach' | 'concern'; id: string };
}

/**
 * Opens an incident inside the caller's transaction (a monitoring breach, a
 * concern), with the same checks, escalation, notification and audit row as
 * the route. The same source opens at most one incident: a second call
 * answers the first one (the per-organization number lock is taken before the
 * lookup, and a unique index backs it). Invalid input throws a 400 problem
 * naming the field, as the route would.
 */
export async function openIncident(
  tx: Executor,
  actor: Actor,
  orgId: string,
  input: OpenIncidentInput,
): Promise<{ id: string; number: string }> {
  await repo.lockNumbers(tx, orgId);
  const existing = await repo.findBySource(tx, orgId, input.source.kind, input.source.id);
  if (existing) return { id: existing.id, number: incidentNumber(Number(existing.number_seq)) };
  const { source, ...fields } = input;
  const parsed = createIncidentBody.safeParse(fields);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), message: i.message })));
  const record: IncidentRecord = {
    ...parsed.data,
    escalation: null,
    source: { kind: source.kind, id: source.id },
    correctiveActionIds: [],
  };
  const row = await insertRecord(tx, actor, incidentRegister, orgId, record);
  return { id: row.id, number: incidentNumber(Number(row.number_seq)) };
}

export interface IncidentSummary {
  /** incidents not closed (open, contained or resolved), not archived */
  open: number;
  /** of those, per severity */
  bySeverity: Record<Severity, number>;
  /** of those, escalated to no one */
  notEscalated: number;
  /** closed in the last 90 days (not archived) */
  closedLast90Days: number;
}

export async function incidentSummary(db: Executor, orgId: string, now = new Date()): Promise<IncidentSummary> {
  const since = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('incidents')
    .select(['severity', 'status', 'closed_at', 'escalated_to_user_id', 'escalated_to_name'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('closed_at', '>=', since)]))
    .execute();
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let open = 0;
  let notEscalated = 0;
  let closedLast90Days = 0;
  for (const r of rows) {
    if (r.status === 'closed') {
      closedLast90Days++;
      continue;
    }
    open++;
    bySeverity[r.severity]++;
    if (!r.escalated_to_user_id && !r.escalated_to_name) notEscalated++;
  }
  return { open, bySeverity, notEscalated, closedLast90Days };
}

export interface IncidentDue {
  id: string;
  number: string;
  title: string;
  severity: Severity;
  status: string;
  /** when it was escalated to them (else when it was detected) */
  since: string;
}

/** Incidents not closed (not archived) escalated to this member: most severe first, then oldest. */
export async function incidentsDue(db: Executor, orgId: string, userId: string): Promise<IncidentDue[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'number_seq', 'title', 'severity', 'status', 'escalated_at', 'detected_at'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('status', '!=', 'closed')
    .where('escalated_to_user_id', '=', userId)
    .orderBy('severity_rank', 'desc')
    .orderBy('detected_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: incidentNumber(Number(r.number_seq)),
    title: r.title,
    severity: r.severity,
    status: r.status,
    since: r.escalated_at ?? r.detected_at,
  }));
}

/** A running note on an incident's timeline, audited with the incident's history. */
export async function addIncidentUpdate(
  db: Db,
  actor: Actor,
  orgId: string,
  incidentId: string,
  input: { note: string; at?: string },
) {
  const createdAt = nowIso();
  const at = input.at ?? createdAt;
  if (Date.parse(at) > Date.now() + FUTURE_TOLERANCE_MS)
    throw invalid([{ field: 'body.at', message: 'must not be in the future' }]);
  const row = {
    id: uuidv7(),
    org_id: orgId,
    incident_id: incidentId,
    note: input.note.trim(),
    at,
    by_user_id: actor.userId,
    by_label: actor.label,
    created_at: createdAt,
  };
  await db.transaction().execute(async (tx) => {
    const incident = await lockRow(tx, incidentRegister, orgId, incidentId);
    if (incident.archived_at) throw conflict('This incident is archived; restore it before adding an update.');
    await tx.insertInto('incident_updates').values(row).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: incidentRegister.entityType,
      entityId: incidentId,
      action: 'add-update',
      after: { updateId: row.id, note: row.note, at },
    });
  });
  const [by] = await memberNames(db, orgId, [{ userId: actor.userId, label: actor.label }]);
  return { id: row.id, incidentId, note: row.note, at, by, createdAt };
}

/** Current names of members (by user id), else the label the audit log keeps. */
async function memberNames(db: Executor, orgId: string, who: { userId: string | null; label: string }[]) {
  const ids = [...new Set(who.map((w) => w.userId).filter((x): x is string => !!x))];
  const { people } = await resolvePeople(
    db,
    orgId,
    ids.map((userId) => ({ field: 'x', person: { userId, name: '' } })),
  );
  const names = new Map(ids.map((id, i) => [id, people[i]?.name]));
  return who.map((w) => (w.userId && names.get(w.userId)) || w.label);
}

export async function incidentTimeline(db: Executor, orgId: string, incidentId: string): Promise<TimelineEvent[]> {
  const { item } = await getRecord(db, incidentRegister, orgId, incidentId);
  const [history, updates] = await Promise.all([
    recordHistory(db, incidentRegister, orgId, incidentId),
    repo.listUpdates(db, orgId, incidentId),
  ]);
  const who = [
    ...history.map((h) => ({ userId: h.actorUserId, label: h.actor })),
    ...updates.map((u) => ({ userId: u.by_user_id, label: u.by_label })),
  ];
  const names = await memberNames(db, orgId, who);
  const byKey = new Map(who.map((w, i) => [`${w.userId}|${w.label}`, names[i]]));
  const riskIds = new Set<string>();
  for (const h of history)
    for (const id of (h.after as { linkedRiskIds?: string[] } | null)?.linkedRiskIds ?? []) riskIds.add(id);
  const risk = await resolveLinks(
    db,
    orgId,
    [...riskIds].map((id) => ({ type: 'risk', id })),
  );
  return buildTimeline(
    item,
    history,
    updates.map((u) => ({ at: u.at, note: u.note, by: byKey.get(`${u.by_user_id}|${u.by_label}`) ?? u.by_label })),
    (userId, label) => byKey.get(`${userId}|${label}`) ?? label,
    (id) => risk({ type: 'risk', id })?.label ?? 'no longer recorded',
  );
}
