import { sql } from 'kysely';
import { todayUtc } from '../../platform/dates.js';
import { type Executor, nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { personColumns, resolvePeople, toPerson } from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import * as repo from './improvements.repository.js';
import { improvementNumber, isClosed, statusErrors } from './improvements.rules.js';
import type { Improvement, ImprovementListQuery, ImprovementRecord } from './improvements.schemas.js';

// The continual improvement log on the register kit: numbered IMP-001, the
// owner checked against the organization's members, and a done or rejected
// improvement held to state its outcome (improvements.rules.ts).

interface Ctx {
  today: string;
}

/** Sorts put improvements without a due date last. */
const NO_DUE_DATE = '9999-12-31';

function rowToRecord(r: Row<'improvements'>): ImprovementRecord {
  return {
    title: r.title,
    description: r.description,
    source: { kind: r.source_kind, id: r.source_id, ...(r.source_label ? { label: r.source_label } : {}) },
    owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
    status: r.status,
    benefit: r.benefit,
    dueDate: r.due_date,
    outcome: r.outcome,
    computed: { numberSeq: Number(r.number_seq), closedAt: r.closed_at },
  };
}

function toColumns(input: ImprovementRecord) {
  const c = input.computed;
  if (!c) throw new Error('an improvement is stored only after prepare numbered it');
  const owner = personColumns(input.owner);
  return {
    number_seq: c.numberSeq,
    title: input.title,
    title_key: fold(input.title),
    description: input.description,
    source_kind: input.source.kind,
    source_id: input.source.id,
    source_label: input.source.label?.trim() ? input.source.label : null,
    owner_user_id: owner.user_id,
    owner_name: owner.name,
    owner_email: owner.email,
    status: input.status,
    benefit: input.benefit,
    due_date: input.dueDate,
    outcome: input.outcome,
    closed_at: c.closedAt,
  };
}

async function prepareImprovement(tx: Executor, orgId: string, input: ImprovementRecord, _ctx: Ctx, id: string) {
  const stored = await findRow(tx, improvementRegister, orgId, id);
  const errors = statusErrors(input);
  // one improvement per source record: a second one from the same record is refused, naming the first
  if (input.source.id !== null && (!stored || stored.source_id !== input.source.id || stored.source_kind !== input.source.kind)) {
    await repo.lockNumbers(tx, orgId);
    const same = await repo.findBySource(tx, orgId, input.source.kind, input.source.id);
    if (same && same.id !== id)
      errors.push({
        field: 'body.source.id',
        message: `already has an improvement: ${improvementNumber(Number(same.number_seq))}`,
      });
  }
  // a member the stored record already names is kept as stored, even after leaving
  const keep = !!stored && !!input.owner?.userId && input.owner.userId === stored.owner_user_id;
  const owner = keep
    ? { people: [input.owner], errors: [] }
    : await resolvePeople(tx, orgId, [{ field: 'body.owner', person: input.owner }]);
  errors.push(...owner.errors);
  if (errors.length) return { value: input, errors };
  const wasClosed = !!stored && isClosed(stored.status);
  const value: ImprovementRecord = {
    ...input,
    owner: owner.people[0] ?? null,
    computed: {
      numberSeq: stored ? Number(stored.number_seq) : await repo.nextNumber(tx, orgId),
      closedAt: isClosed(input.status) ? (wasClosed && stored.status === input.status ? stored.closed_at : nowIso()) : null,
    },
  };
  return { value, errors };
}

function present(rows: Row<'improvements'>[], ctx: Ctx): Improvement[] {
  return rows.map((r) => {
    const rec = rowToRecord(r);
    return {
      id: r.id,
      number: improvementNumber(Number(r.number_seq)),
      title: rec.title,
      description: rec.description,
      source: rec.source,
      owner: rec.owner,
      status: rec.status,
      benefit: rec.benefit,
      dueDate: rec.dueDate,
      outcome: rec.outcome,
      closedAt: r.closed_at,
      overdue: !isClosed(rec.status) && !!rec.dueDate && rec.dueDate < ctx.today,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const improvementRegister: RegisterDefinition<'improvements', ImprovementRecord, Improvement, Ctx> = {
  table: 'improvements',
  entityType: 'improvement',
  noun: 'improvement',
  async context() {
    return { today: todayUtc() };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToRecord);
  },
  toColumns,
  present: async (_db, _orgId, rows, ctx) => present(rows, ctx),
  auditView(id, input) {
    const { computed, ...fields } = input;
    return {
      id,
      number: computed ? improvementNumber(computed.numberSeq) : null,
      ...fields,
      closedAt: computed?.closedAt ?? null,
    };
  },
  prepare: prepareImprovement,
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('improvements.number_seq'), value: (r) => Number(r.number_seq) },
      title: { expression: (eb) => eb.ref('improvements.title_key'), value: (r) => r.title_key },
      dueDate: {
        expression: (eb) => sql`coalesce(${eb.ref('improvements.due_date')}, ${NO_DUE_DATE})`,
        value: (r) => r.due_date ?? NO_DUE_DATE,
      },
      updatedAt: { expression: (eb) => eb.ref('improvements.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-number',
    filter(query, q) {
      return repo.filterImprovements(query, q as Partial<ImprovementListQuery>);
    },
  },
};
