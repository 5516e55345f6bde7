import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, type LinkRef, resolveLinks } from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { parseTrainingNumber, teamKey, trainingNumber } from './training.rules.js';
import type { Topic, TopicInput } from './training.schemas.js';
import { idsColumn } from './training.tables.js';

// The training topics register on the register kit: numbered TRN-001, an
// audience (everyone, holders of governance roles, or teams), a refresher
// period, and optionally the document it teaches.

export function topicInput(r: Row<'training_topics'>): TopicInput {
  return {
    title: r.title,
    description: r.description,
    audience: { kind: r.audience_kind, roleIds: idsColumn.read(r.audience_role_ids), teams: idsColumn.read(r.audience_teams) },
    refresherMonths: r.refresher_months === null ? null : Number(r.refresher_months),
    documentId: r.document_id,
    numberSeq: Number(r.number_seq),
    seedKey: r.seed_key,
  };
}

export function topicColumns(input: TopicInput) {
  if (input.numberSeq === undefined) throw new Error('a topic is stored only after prepare numbered it');
  const a = input.audience;
  return {
    number_seq: input.numberSeq,
    seed_key: input.seedKey ?? null,
    title: input.title,
    title_key: fold(input.title),
    description: input.description,
    audience_kind: a.kind,
    audience_role_ids: idsColumn.write(a.kind === 'roles' ? a.roleIds : []),
    audience_teams: idsColumn.write(a.kind === 'teams' ? a.teams : []),
    refresher_months: input.refresherMonths,
    document_id: input.documentId,
  };
}

/**
 * Serialises the organization's topic writes on PostgreSQL (SQLite's write
 * transactions already do): two creates cannot take one number, nor two
 * topics one title. Re-entrant within a transaction.
 */
async function lockTopics(tx: Executor, orgId: string) {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('training.number'), hashtext(${orgId}))`.execute(tx);
}

export async function nextTopicNumber(tx: Executor, orgId: string): Promise<number> {
  await lockTopics(tx, orgId);
  const row = await tx
    .selectFrom('training_topics')
    .select((eb) => eb.fn.max('number_seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

async function prepareTopic(tx: Executor, orgId: string, input: TopicInput, _ctx: unknown, id: string) {
  const errors: FieldError[] = [];
  const a = input.audience;
  if (a.kind === 'roles' && a.roleIds.length === 0)
    errors.push({ field: 'body.audience.roleIds', message: 'must name at least one governance role for an audience by role' });
  if (a.kind === 'teams' && a.teams.length === 0)
    errors.push({ field: 'body.audience.teams', message: 'must name at least one team for an audience by team' });
  const teams = a.teams.map(teamKey);
  if (new Set(teams).size !== teams.length) errors.push({ field: 'body.audience.teams', message: 'must not repeat a team' });
  if (a.kind === 'roles')
    errors.push(
      ...(
        await checkLinks(
          tx,
          orgId,
          a.roleIds.map((rid) => ({ type: 'role', id: rid })),
          'x',
        )
      ).map((e) => ({ ...e, field: `body.audience.roleIds.${e.field.split('.')[1]}` })),
    );
  if (input.documentId) {
    const docErrors = await checkLinks(tx, orgId, [{ type: 'document', id: input.documentId }], 'x');
    if (docErrors.length) errors.push({ field: 'body.documentId', message: docErrors[0].message });
  }
  // one active topic per title, so an import's "exact title" names one topic
  await lockTopics(tx, orgId);
  const same = await tx
    .selectFrom('training_topics')
    .select('id')
    .where('org_id', '=', orgId)
    .where('title_key', '=', fold(input.title))
    .where('archived_at', 'is', null)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (same) errors.push({ field: 'body.title', message: 'is already the title of another training topic' });
  if (errors.length) return { value: input, errors };
  const stored = await findRow(tx, topicRegister, orgId, id);
  return {
    value: {
      ...input,
      audience: { kind: a.kind, roleIds: a.kind === 'roles' ? a.roleIds : [], teams: a.kind === 'teams' ? a.teams : [] },
      numberSeq: stored ? Number(stored.number_seq) : (input.numberSeq ?? (await nextTopicNumber(tx, orgId))),
      seedKey: stored ? stored.seed_key : (input.seedKey ?? null),
    },
    errors,
  };
}

export function audienceLabel(a: TopicInput['audience'], roleName: (id: string) => string): string {
  if (a.kind === 'all') return 'Everyone';
  if (a.kind === 'roles') return `Roles: ${a.roleIds.map(roleName).join(', ')}`;
  return `Teams: ${a.teams.join(', ')}`;
}

async function presentTopics(db: Executor, orgId: string, rows: Row<'training_topics'>[]): Promise<Topic[]> {
  const inputs = rows.map(topicInput);
  const refs: LinkRef[] = [];
  for (const i of inputs) {
    for (const id of i.audience.roleIds) refs.push({ type: 'role', id });
    if (i.documentId) refs.push({ type: 'document', id: i.documentId });
  }
  const target = refs.length ? await resolveLinks(db, orgId, refs) : () => undefined;
  const linked = (type: string, id: string) => {
    const t = target({ type, id });
    return { id, name: t?.label ?? '(not found)', archived: t?.archived ?? true };
  };
  return rows.map((r, n) => {
    const i = inputs[n];
    return {
      id: r.id,
      number: trainingNumber(Number(r.number_seq)),
      title: r.title,
      description: r.description,
      audience: { ...i.audience, roles: i.audience.roleIds.map((id) => linked('role', id)) },
      audienceLabel: audienceLabel(i.audience, (id) => linked('role', id).name),
      refresherMonths: i.refresherMonths,
      documentId: r.document_id,
      document: r.document_id ? linked('document', r.document_id) : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const topicRegister: RegisterDefinition<'training_topics', TopicInput, Topic, undefined> = {
  table: 'training_topics',
  entityType: 'training_topic',
  noun: 'training topic',
  async context() {
    return undefined;
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(topicInput);
  },
  toColumns: topicColumns,
  present: (db, orgId, rows) => presentTopics(db, orgId, rows),
  auditView(id, input) {
    const { numberSeq, seedKey: _s, ...fields } = input;
    return { id, number: numberSeq === undefined ? null : trainingNumber(numberSeq), ...fields };
  },
  prepare: prepareTopic,
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('training_topics.number_seq'), value: (r) => Number(r.number_seq) },
      title: { expression: (eb) => eb.ref('training_topics.title_key'), value: (r) => r.title_key },
      updatedAt: { expression: (eb) => eb.ref('training_topics.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: 'number',
    filter(query, q) {
      if (typeof q.q !== 'string' || !q.q) return query;
      const n = parseTrainingNumber(q.q);
      if (n !== null) return query.where('number_seq', '=', n);
      return query.where('title_key', 'like', `%${fold(q.q)}%`);
    },
  },
};
