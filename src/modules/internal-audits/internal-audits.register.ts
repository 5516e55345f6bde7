import { z } from 'zod';
import { getRequirement, isRequirementId } from '../../catalogue/index.js';
import type { Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, resolveLinks, resolvePeople } from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { ownedAreas } from './internal-audits.areas.js';
import { syncChecklist } from './internal-audits.checklist.js';
import * as repo from './internal-audits.repository.js';
import { AREA_KINDS, auditNumber, auditorErrors, independenceErrors, statusErrors } from './internal-audits.rules.js';
import type { AuditRecord, InternalAudit } from './internal-audits.schemas.js';

// The internal audit register on the register kit: numbered IA-001, its
// requirements checked against the catalogue, its areas against the
// organization's records, its auditors against the members and the
// independence rule; the checklist is generated when the audit starts.

interface Ctx {
  orgId: string;
}

const auditors = z.array(
  z.object({ userId: z.string().nullable(), name: z.string(), email: z.string().optional(), lead: z.boolean() }),
);
const areas = z.array(z.object({ type: z.enum(AREA_KINDS), id: z.string() }));
const ids = z.array(z.string());

export function rowToRecord(r: Row<'internal_audits'>): AuditRecord {
  return {
    title: r.title,
    scope: r.scope,
    requirementIds: ids.parse(JSON.parse(r.requirement_ids)),
    criteria: r.criteria,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    status: r.status,
    auditors: auditors.parse(JSON.parse(r.auditors)),
    areas: areas.parse(JSON.parse(r.areas)),
    conclusions: r.conclusions,
    computed: { numberSeq: Number(r.number_seq), reportedAt: r.reported_at },
  };
}

function toColumns(input: AuditRecord) {
  const c = input.computed;
  if (!c) throw new Error('an audit is stored only after prepare numbered it');
  return {
    number_seq: c.numberSeq,
    title: input.title,
    title_key: fold(input.title),
    scope: input.scope,
    requirement_ids: JSON.stringify(input.requirementIds),
    criteria: input.criteria,
    planned_start: input.plannedStart,
    planned_end: input.plannedEnd,
    actual_start: input.actualStart,
    actual_end: input.actualEnd,
    status: input.status,
    auditors: JSON.stringify(input.auditors),
    areas: JSON.stringify(input.areas),
    conclusions: input.conclusions,
    reported_at: c.reportedAt,
  };
}

async function prepareAudit(tx: Executor, orgId: string, input: AuditRecord, _ctx: Ctx, id: string) {
  const errors: FieldError[] = [];
  const stored = await findRow(tx, auditRegister, orgId, id);
  input.requirementIds.forEach((r, i) => {
    if (!isRequirementId(r)) errors.push({ field: `body.requirementIds.${i}`, message: 'is not a clause or Annex A control id' });
  });
  errors.push(...statusErrors(input, stored ? stored.status : null), ...auditorErrors(input.auditors));
  // Members the stored audit already names are kept as stored: one who has
  // left the organization since must not block reporting the audit.
  const before = stored ? rowToRecord(stored) : null;
  const known = new Map((before?.auditors ?? []).filter((a) => a.userId).map((a) => [a.userId as string, a]));
  const fresh = input.auditors.map((a) => (a.userId && known.has(a.userId) ? null : a));
  const areasChanged = !before || JSON.stringify(before.areas) !== JSON.stringify(input.areas);
  const [people, links] = await Promise.all([
    resolvePeople(
      tx,
      orgId,
      fresh.map((a, i) => ({ field: `body.auditors.${i}`, person: a })),
    ),
    areasChanged ? checkLinks(tx, orgId, input.areas, 'body.areas') : [],
  ]);
  errors.push(...people.errors, ...links);
  if (errors.length) return { value: input, errors };
  const named = input.auditors.map((a, i) => {
    const kept = a.userId ? known.get(a.userId) : undefined;
    const p = kept ?? people.people[i] ?? a;
    return { userId: p.userId, name: p.name, ...(p.email ? { email: p.email } : {}), lead: a.lead };
  });
  // Independence is judged when the team or the records under audit change
  // (create, adding an auditor, widening the areas), not on every later edit.
  const teamChanged =
    !before || JSON.stringify(before.auditors.map((a) => a.userId)) !== JSON.stringify(named.map((a) => a.userId));
  if (areasChanged || teamChanged) errors.push(...independenceErrors(named, await ownedAreas(tx, orgId, input.areas)));
  if (errors.length) return { value: input, errors };

  const today = nowIso().slice(0, 10);
  const reported = input.status === 'reported' || input.status === 'closed';
  const value: AuditRecord = {
    ...input,
    auditors: named,
    // starting records the day it started; reporting the day it ended
    actualStart: input.status !== 'planned' ? (input.actualStart ?? today) : input.actualStart,
    actualEnd: reported ? (input.actualEnd ?? today) : input.actualEnd,
    computed: {
      numberSeq: stored ? Number(stored.number_seq) : await repo.nextNumber(tx, orgId),
      reportedAt: reported ? (stored?.reported_at ?? nowIso()) : null,
    },
  };
  return { value, errors };
}

async function presentAudits(db: Executor, orgId: string, rows: Row<'internal_audits'>[]): Promise<InternalAudit[]> {
  const records = rows.map(rowToRecord);
  const [target, counts] = await Promise.all([
    resolveLinks(
      db,
      orgId,
      records.flatMap((r) => r.areas),
    ),
    repo.itemCounts(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r, i) => {
    const rec = records[i];
    const n = counts.get(r.id) ?? { total: 0, answered: 0 };
    return {
      id: r.id,
      number: auditNumber(Number(r.number_seq)),
      title: rec.title,
      scope: rec.scope,
      requirementIds: rec.requirementIds,
      requirements: rec.requirementIds.map((id) => ({ id, title: getRequirement(id)?.title ?? id })),
      criteria: rec.criteria,
      plannedStart: rec.plannedStart,
      plannedEnd: rec.plannedEnd,
      actualStart: rec.actualStart,
      actualEnd: rec.actualEnd,
      status: rec.status,
      auditors: rec.auditors,
      areas: rec.areas.map((a) => {
        const t = target(a);
        return { ...a, label: t?.label ?? '(not found)', archived: t?.archived ?? true };
      }),
      conclusions: rec.conclusions,
      reportedAt: r.reported_at,
      itemCount: n.total,
      answeredCount: n.answered,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const auditRegister: RegisterDefinition<'internal_audits', AuditRecord, InternalAudit, Ctx> = {
  table: 'internal_audits',
  entityType: 'internal_audit',
  noun: 'internal audit',
  async context(_db, orgId) {
    return { orgId };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns,
  present: presentAudits,
  auditView(id, input) {
    const { computed, ...fields } = input;
    return { id, number: computed ? auditNumber(computed.numberSeq) : null, ...fields, reportedAt: computed?.reportedAt ?? null };
  },
  prepare: prepareAudit,
  async afterWrite(tx, orgId, id, input) {
    // the checklist exists from the moment the audit starts
    if (input.status !== 'planned') await syncChecklist(tx, orgId, id, input.requirementIds, input.areas);
  },
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('internal_audits.number_seq'), value: (r) => Number(r.number_seq) },
      title: { expression: (eb) => eb.ref('internal_audits.title_key'), value: (r) => r.title_key },
      plannedStart: {
        expression: (eb) => eb.fn.coalesce('internal_audits.planned_start', eb.val('9999-12-31')),
        value: (r) => r.planned_start ?? '9999-12-31',
      },
      updatedAt: { expression: (eb) => eb.ref('internal_audits.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-number',
    filter(query, q) {
      return repo.filterAudits(query, q);
    },
  },
};
