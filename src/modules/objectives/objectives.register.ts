import { sql } from 'kysely';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, personColumns, resolveLinks, resolvePeople, toPerson } from '../../platform/refs/index.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { progressPoints } from './objectives.repository.js';
import { type ObjectiveFacts, objectiveFlags, objectiveTracking, type ProgressPoint, targetErrors } from './objectives.rules.js';
import type { Objective, ObjectiveInput } from './objectives.schemas.js';
import { aiSystemIdsColumn } from './objectives.tables.js';

// The AI objective register on the register kit: how an objective is
// stored, checked, presented with its state, filtered and sorted.

interface Ctx {
  today: string;
}

/** Sorts put objectives without a due date last. */
const NO_DUE_DATE = '9999-12-31';

export function rowToInput(r: Row<'objectives'>): ObjectiveInput {
  return {
    title: r.title,
    description: r.description,
    measure: r.measure,
    target: r.target,
    targetValue: r.target_value === null ? null : Number(r.target_value),
    targetUnit: r.target_unit,
    targetDirection: r.target_direction,
    baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
    owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
    resources: r.resources,
    dueDate: r.due_date,
    evaluation: r.evaluation,
    aiSystemIds: aiSystemIdsColumn.read(r.ai_system_ids),
    status: r.status,
  };
}

export function objectiveColumns(input: ObjectiveInput) {
  const owner = personColumns(input.owner);
  return {
    title: input.title,
    title_key: fold(input.title),
    description: input.description,
    measure: input.measure,
    target: input.target,
    target_value: input.targetValue,
    target_unit: input.targetUnit,
    target_direction: input.targetDirection,
    baseline_value: input.baselineValue,
    owner_user_id: owner.user_id,
    owner_name: owner.name,
    owner_email: owner.email,
    resources: input.resources,
    due_date: input.dueDate,
    evaluation: input.evaluation,
    ai_system_ids: aiSystemIdsColumn.write(input.aiSystemIds),
    status: input.status,
  };
}

export function factsOf(r: Row<'objectives'>): ObjectiveFacts {
  return {
    status: r.status,
    dueDate: r.due_date,
    targetValue: r.target_value === null ? null : Number(r.target_value),
    targetDirection: r.target_direction,
    baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
    startDate: r.created_at.slice(0, 10),
    hasOwner: !!(r.owner_user_id || r.owner_name),
    evaluation: r.evaluation,
  };
}

/** An objective's state, progress summary and flags from its row and progress points. */
export function assess(r: Row<'objectives'>, points: ProgressPoint[], today: string) {
  const facts = factsOf(r);
  const tracking = objectiveTracking(facts, points, today);
  return { tracking, flags: objectiveFlags(facts, tracking, today) };
}

async function presentObjectives(db: Executor, orgId: string, rows: Row<'objectives'>[], ctx: Ctx): Promise<Objective[]> {
  const inputs = rows.map(rowToInput);
  const links = inputs.flatMap((i) => i.aiSystemIds.map((id) => ({ type: 'ai-system', id })));
  const [points, target] = await Promise.all([
    progressPoints(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    resolveLinks(db, orgId, links),
  ]);
  return rows.map((r, i) => {
    const input = inputs[i];
    const { tracking, flags } = assess(r, points.get(r.id) ?? [], ctx.today);
    const { state, reason, ...progress } = tracking;
    return {
      id: r.id,
      ...input,
      owner: input.owner,
      aiSystems: input.aiSystemIds.flatMap((id) => {
        const t = target({ type: 'ai-system', id });
        return t ? [{ id, name: t.label, archived: t.archived }] : [];
      }),
      state,
      stateReason: reason,
      progress,
      flags,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const objectiveRegister: RegisterDefinition<'objectives', ObjectiveInput, Objective, Ctx> = {
  table: 'objectives',
  entityType: 'objective',
  noun: 'AI objective',
  async context() {
    return { today: todayUtc() };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToInput);
  },
  toColumns: objectiveColumns,
  present: presentObjectives,
  async prepare(tx, orgId, input) {
    const errors: FieldError[] = targetErrors(input).map((e) => ({ ...e, field: `body.${e.field}` }));
    const owner = await resolvePeople(tx, orgId, [{ field: 'body.owner', person: input.owner }]);
    errors.push(...owner.errors);
    const links = input.aiSystemIds.map((id) => ({ type: 'ai-system', id }));
    const linkErrors = await checkLinks(tx, orgId, links, 'body.aiSystemIds');
    // the ids are a list of strings, not of objects: name the item itself
    errors.push(...linkErrors.map((e) => ({ ...e, field: e.field.replace(/\.id$/, '') })));
    return { value: { ...input, owner: owner.errors.length ? input.owner : owner.people[0] }, errors };
  },
  list: {
    sorts: {
      title: { expression: (eb) => eb.ref('objectives.title_key'), value: (r) => r.title_key },
      dueDate: {
        expression: (eb) => sql`coalesce(${eb.ref('objectives.due_date')}, ${NO_DUE_DATE})`,
        value: (r) => r.due_date ?? NO_DUE_DATE,
      },
      updatedAt: { expression: (eb) => eb.ref('objectives.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: 'dueDate',
    filter(query, q, ctx) {
      let out = query;
      if (typeof q.q === 'string' && q.q) out = out.where('title_key', 'like', `%${fold(q.q)}%`);
      if (typeof q.status === 'string') out = out.where('status', '=', q.status as ObjectiveInput['status']);
      if (q.overdue === true) out = out.where('status', '=', 'open').where('due_date', '<', ctx.today);
      if (typeof q.ownerUserId === 'string') out = out.where('owner_user_id', '=', q.ownerUserId);
      return out;
    },
  },
};
