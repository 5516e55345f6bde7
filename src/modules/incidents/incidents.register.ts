import { nowIso } from '../../platform/db/db.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { notify } from '../../platform/notify/index.js';
import {
  checkLinks,
  type Person,
  type PersonRef,
  personColumns,
  resolveLinks,
  resolvePeople,
  toPerson,
} from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { roleHolder } from '../roles/index.js';
import * as repo from './incidents.repository.js';
import {
  ESCALATION_ROLE_KEY,
  FUTURE_TOLERANCE_MS,
  HARM_CATEGORIES,
  incidentFlags,
  incidentNumber,
  SEVERITY_LABELS,
  severityRank,
  statusErrors,
} from './incidents.rules.js';
import { communicationInput, type Incident, type IncidentListQuery, type IncidentRecord } from './incidents.schemas.js';
import { idList } from './incidents.tables.js';
import { z } from 'zod';

// The incident register on the register kit: numbered INC-001, checked
// against the organization's AI systems, risks and members, escalated on
// creation to the holder of the incident escalation role (who is notified in
// the same transaction), and held to the closing rules of incidents.rules.ts.

interface Ctx {
  orgId: string;
}

const communications = z.array(communicationInput.extend({ when: z.string() }));
const harmList = z.array(z.enum(HARM_CATEGORIES));
const commColumn = {
  read: (s: string) => communications.parse(JSON.parse(s)) as IncidentRecord['communications'],
  write: (v: IncidentRecord['communications']) => JSON.stringify(v),
};

function rowToRecord(r: Row<'incidents'>): IncidentRecord {
  const to = toPerson(r.escalated_to_user_id, r.escalated_to_name, r.escalated_to_email);
  return {
    title: r.title,
    description: r.description,
    aiSystemId: r.ai_system_id,
    detectedAt: r.detected_at,
    detectedHow: r.detected_how,
    severity: r.severity,
    harmCategories: harmList.parse(JSON.parse(r.harm_categories)),
    peopleAffected: {
      count: r.people_affected_count === null ? null : Number(r.people_affected_count),
      description: r.people_affected_description,
    },
    status: r.status,
    escalation: to ? { to: { ...to, userId: to.userId }, at: r.escalated_at } : null,
    communications: commColumn.read(r.communications),
    noCommunicationReason: r.no_communication_reason,
    containment: r.containment,
    rootCause: r.root_cause,
    lessonsLearned: r.lessons_learned,
    linkedRiskIds: idList.read(r.linked_risk_ids),
    correctiveActionIds: idList.read(r.corrective_action_ids),
    source: { kind: r.source_kind, id: r.source_id },
    computed: { numberSeq: Number(r.number_seq), closedAt: r.closed_at },
  };
}

function toColumns(input: IncidentRecord) {
  const c = input.computed;
  if (!c) throw new Error('an incident is stored only after prepare numbered it');
  const to = personColumns(input.escalation?.to);
  return {
    number_seq: c.numberSeq,
    title: input.title,
    title_key: fold(input.title),
    description: input.description,
    ai_system_id: input.aiSystemId,
    detected_at: input.detectedAt,
    detected_how: input.detectedHow,
    severity: input.severity,
    severity_rank: severityRank(input.severity),
    harm_categories: JSON.stringify(input.harmCategories),
    people_affected_count: input.peopleAffected.count,
    people_affected_description: input.peopleAffected.description,
    status: input.status,
    escalated_to_user_id: to.user_id,
    escalated_to_name: to.name,
    escalated_to_email: to.email,
    escalated_at: input.escalation?.to ? input.escalation.at : null,
    communications: commColumn.write(input.communications),
    no_communication_reason: input.noCommunicationReason?.trim() ? input.noCommunicationReason : null,
    containment: input.containment,
    root_cause: input.rootCause,
    lessons_learned: input.lessonsLearned,
    linked_risk_ids: idList.write(input.linkedRiskIds),
    corrective_action_ids: idList.write(input.correctiveActionIds),
    source_kind: input.source.kind,
    source_id: input.source.id,
    closed_at: c.closedAt,
  };
}

/** Field errors of links to records that are not this organization's. */
async function linkErrors(db: Executor, orgId: string, type: string, ids: string[], at: string) {
  const errors = await checkLinks(
    db,
    orgId,
    ids.map((id) => ({ type, id })),
    at,
  );
  return errors.map((e) => ({ ...e, field: e.field.replace(/\.id$/, '') }));
}

/** Members a stored record names (escalation and communications), as stored. */
function storedMembers(r: IncidentRecord): Map<string, Person> {
  const out = new Map<string, Person>();
  for (const p of [r.escalation?.to, ...r.communications.map((c) => c.by)])
    if (p?.userId) out.set(p.userId, { userId: p.userId, name: p.name, ...(p.email ? { email: p.email } : {}) });
  return out;
}

const inFuture = (ts: string, now: number) => Date.parse(ts) > now + FUTURE_TOLERANCE_MS;

async function prepareIncident(tx: Executor, orgId: string, input: IncidentRecord, _ctx: Ctx, id: string) {
  const errors: FieldError[] = [];
  const now = Date.now();
  const stored = await findRow(tx, incidentRegister, orgId, id);
  if (inFuture(input.detectedAt, now)) errors.push({ field: 'body.detectedAt', message: 'must not be in the future' });
  input.communications.forEach((c, i) => {
    if (inFuture(c.when, now)) errors.push({ field: `body.communications.${i}.when`, message: 'must not be in the future' });
  });
  if (input.escalation?.at && inFuture(input.escalation.at, now))
    errors.push({ field: 'body.escalation.at', message: 'must not be in the future' });
  errors.push(...statusErrors(input));
  // Members the stored record already names are kept as stored: one who has
  // left the organization since must not block every later edit.
  const known = stored ? storedMembers(rowToRecord(stored)) : new Map<string, Person>();
  const fresh = (p: PersonRef | Person | null | undefined) => (p?.userId && known.has(p.userId) ? null : p);
  const [people, systems, risks] = await Promise.all([
    resolvePeople(tx, orgId, [
      { field: 'body.escalation.to', person: fresh(input.escalation?.to) },
      ...input.communications.map((c, i) => ({ field: `body.communications.${i}.by`, person: fresh(c.by) })),
    ]),
    linkErrors(tx, orgId, 'ai-system', input.aiSystemId ? [input.aiSystemId] : [], 'body.aiSystemId'),
    linkErrors(tx, orgId, 'risk', input.linkedRiskIds, 'body.linkedRiskIds'),
  ]);
  errors.push(...people.errors, ...systems.map((e) => ({ ...e, field: 'body.aiSystemId' })), ...risks);
  if (errors.length) return { value: input, errors };

  const at = nowIso();
  let escalation: IncidentRecord['escalation'] = null;
  const person = (p: PersonRef | Person | null | undefined, i: number) =>
    p?.userId && known.has(p.userId) ? (known.get(p.userId) as Person) : people.people[i];
  const named = person(input.escalation?.to, 0);
  // the same person as stored keeps when they were told, unless a time is given
  const samePerson =
    !!named &&
    !!stored?.escalated_at &&
    (named.userId
      ? named.userId === stored.escalated_to_user_id
      : !stored.escalated_to_user_id && named.name === stored.escalated_to_name);
  if (named) escalation = { to: named, at: input.escalation?.at ?? (samePerson ? (stored?.escalated_at ?? at) : at) };
  else if (!stored) {
    // A new incident no one was named for goes to the escalation role's holder;
    // a vacant role leaves it flagged 'not-escalated', never refused.
    const holder = await roleHolder(tx, orgId, ESCALATION_ROLE_KEY);
    if (holder)
      escalation = { to: { userId: holder.userId, name: holder.name, ...(holder.email ? { email: holder.email } : {}) }, at };
  }
  const wasClosed = stored?.status === 'closed';
  const value: IncidentRecord = {
    ...input,
    escalation,
    communications: input.communications.map((c, i) => ({ ...c, by: person(c.by, i + 1) ?? c.by })),
    linkedRiskIds: input.linkedRiskIds,
    computed: {
      numberSeq: stored ? Number(stored.number_seq) : await repo.nextNumber(tx, orgId),
      closedAt: input.status === 'closed' ? (wasClosed ? stored.closed_at : at) : null,
    },
  };
  return { value, errors };
}

async function presentIncidents(db: Executor, orgId: string, rows: Row<'incidents'>[]): Promise<Incident[]> {
  const records = rows.map(rowToRecord);
  const refs = records.flatMap((r) => [
    ...(r.aiSystemId ? [{ type: 'ai-system', id: r.aiSystemId }] : []),
    ...r.linkedRiskIds.map((id) => ({ type: 'risk', id })),
  ]);
  const target = await resolveLinks(db, orgId, refs);
  const linked = (type: string) => (id: string) => {
    const t = target({ type, id });
    return { id, name: t?.label ?? '(not found)', archived: t?.archived ?? true };
  };
  return rows.map((r, i) => {
    const rec = records[i];
    const to = toPerson(r.escalated_to_user_id, r.escalated_to_name, r.escalated_to_email);
    return {
      id: r.id,
      number: incidentNumber(Number(r.number_seq)),
      title: rec.title,
      description: rec.description,
      aiSystemId: rec.aiSystemId,
      aiSystem: rec.aiSystemId ? linked('ai-system')(rec.aiSystemId) : null,
      detectedAt: rec.detectedAt,
      detectedHow: rec.detectedHow,
      severity: rec.severity,
      harmCategories: rec.harmCategories,
      peopleAffected: rec.peopleAffected,
      status: rec.status,
      escalation: { to, at: r.escalated_at },
      communications: rec.communications.map((c) => ({ ...c, by: toPerson(c.by.userId, c.by.name, c.by.email) ?? c.by })),
      noCommunicationReason: rec.noCommunicationReason,
      containment: rec.containment,
      rootCause: rec.rootCause,
      lessonsLearned: rec.lessonsLearned,
      linkedRiskIds: rec.linkedRiskIds,
      linkedRisks: rec.linkedRiskIds.map(linked('risk')),
      correctiveActionIds: rec.correctiveActionIds,
      source: rec.source,
      closedAt: r.closed_at,
      flags: incidentFlags({ escalatedTo: to }),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

/** Tells a member an incident was escalated to them, in the write's transaction. */
async function notifyEscalation(tx: Executor, orgId: string, id: string, input: IncidentRecord) {
  const userId = input.escalation?.to?.userId;
  if (!userId || !input.computed) return;
  await notify(tx, {
    orgId,
    userIds: [userId],
    kind: 'incident-escalated',
    title: `Incident ${incidentNumber(input.computed.numberSeq)} was escalated to you`,
    body: `${SEVERITY_LABELS[input.severity]} severity: ${input.title}`,
    link: `/orgs/${orgId}/incidents/${id}`,
    email: true,
  });
}

export const incidentRegister: RegisterDefinition<'incidents', IncidentRecord, Incident, Ctx> = {
  table: 'incidents',
  entityType: 'incident',
  noun: 'incident',
  defaults: { source: { kind: 'manual', id: null }, correctiveActionIds: [] },
  async context(_db, orgId) {
    return { orgId };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns,
  present: (db, orgId, rows) => presentIncidents(db, orgId, rows),
  auditView(id, input) {
    const { computed, ...fields } = input;
    return { id, number: computed ? incidentNumber(computed.numberSeq) : null, ...fields, closedAt: computed?.closedAt ?? null };
  },
  prepare: prepareIncident,
  async afterWrite(tx, orgId, id, input, before) {
    if (input.escalation?.to?.userId && input.escalation.to.userId !== before?.escalation?.to?.userId)
      await notifyEscalation(tx, orgId, id, input);
  },
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('incidents.number_seq'), value: (r) => Number(r.number_seq) },
      title: { expression: (eb) => eb.ref('incidents.title_key'), value: (r) => r.title_key },
      detectedAt: { expression: (eb) => eb.ref('incidents.detected_at'), value: (r) => r.detected_at },
      severity: { expression: (eb) => eb.ref('incidents.severity_rank'), value: (r) => Number(r.severity_rank) },
      updatedAt: { expression: (eb) => eb.ref('incidents.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-number',
    filter(query, q) {
      return repo.filterIncidents(query, q as Partial<IncidentListQuery>);
    },
  },
};
