import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, resolveLinks } from '../../platform/refs/index.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { topicsById } from './training.records.js';
import { teamKey, trainingNumber } from './training.rules.js';
import type { Criterion, CriterionInput } from './training.schemas.js';
import { idsColumn } from './training.tables.js';

// Competence criteria (7.2): what the holder of a governance role, or a
// member of a team, must be able to do, and the topics that build it. A
// person's required topics are those whose audience covers them plus those
// their roles' and team's criteria require.

function rowToInput(r: Row<'training_criteria'>): CriterionInput {
  return {
    appliesTo: r.applies_kind === 'role' ? { kind: 'role', roleId: r.role_id ?? '' } : { kind: 'team', team: r.team ?? '' },
    criterion: r.criterion,
    requiredTopicIds: idsColumn.read(r.required_topic_ids),
  };
}

function toColumns(input: CriterionInput) {
  const a = input.appliesTo;
  return {
    applies_kind: a.kind,
    role_id: a.kind === 'role' ? a.roleId : null,
    team: a.kind === 'team' ? a.team.trim().replace(/\s+/g, ' ') : null,
    criterion: input.criterion,
    required_topic_ids: idsColumn.write(input.requiredTopicIds),
  };
}

async function prepare(tx: Executor, orgId: string, input: CriterionInput) {
  const errors: FieldError[] = [];
  if (input.appliesTo.kind === 'role') {
    const e = await checkLinks(tx, orgId, [{ type: 'role', id: input.appliesTo.roleId }], 'x');
    if (e.length) errors.push({ field: 'body.appliesTo.roleId', message: e[0].message });
  }
  const topics = await topicsById(tx, orgId, input.requiredTopicIds);
  input.requiredTopicIds.forEach((id, i) => {
    const t = topics.get(id);
    if (!t) errors.push({ field: `body.requiredTopicIds.${i}`, message: 'is not a training topic of this organization' });
    else if (t.archived_at) errors.push({ field: `body.requiredTopicIds.${i}`, message: 'is an archived training topic' });
  });
  return { value: input, errors };
}

async function present(db: Executor, orgId: string, rows: Row<'training_criteria'>[]): Promise<Criterion[]> {
  const inputs = rows.map(rowToInput);
  const roleRefs = inputs.flatMap((i) => (i.appliesTo.kind === 'role' ? [{ type: 'role', id: i.appliesTo.roleId }] : []));
  const [target, topics] = await Promise.all([
    roleRefs.length ? resolveLinks(db, orgId, roleRefs) : Promise.resolve(() => undefined),
    topicsById(
      db,
      orgId,
      inputs.flatMap((i) => i.requiredTopicIds),
    ),
  ]);
  return rows.map((r, n) => {
    const i = inputs[n];
    const a = i.appliesTo;
    return {
      id: r.id,
      appliesTo: a,
      appliesToLabel: a.kind === 'role' ? (target({ type: 'role', id: a.roleId })?.label ?? '(role not found)') : a.team,
      criterion: i.criterion,
      requiredTopicIds: i.requiredTopicIds,
      requiredTopics: i.requiredTopicIds.map((id) => {
        const t = topics.get(id);
        return t
          ? { id, number: trainingNumber(Number(t.number_seq)), title: t.title, archived: t.archived_at !== null }
          : { id, number: '', title: '(not found)', archived: true };
      }),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const criterionRegister: RegisterDefinition<'training_criteria', CriterionInput, Criterion, undefined> = {
  table: 'training_criteria',
  entityType: 'competence_criterion',
  noun: 'competence criterion',
  async context() {
    return undefined;
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToInput);
  },
  toColumns,
  present: (db, orgId, rows) => present(db, orgId, rows),
  prepare: (tx, orgId, input) => prepare(tx, orgId, input),
  list: {
    sorts: { createdAt: { expression: (eb) => eb.ref('training_criteria.created_at'), value: (r) => r.created_at } },
    defaultSort: 'createdAt',
    filter(query, q) {
      let out = query;
      if (typeof q.roleId === 'string') out = out.where('applies_kind', '=', 'role').where('role_id', '=', q.roleId);
      if (typeof q.team === 'string' && q.team) {
        const key = teamKey(q.team);
        out = out.where('applies_kind', '=', 'team').where((eb) => eb(eb.fn('lower', ['team']), '=', key));
      }
      return out;
    },
  },
};
