import { sql } from 'kysely';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { orgRowsIn } from '../../platform/db/statement-cache.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, personColumns, resolveLinks, resolvePeople, toPerson } from '../../platform/refs/index.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { getStoredFiles } from '../../platform/storage/index.js';
import { addDays, addMonths, EXPIRING_DAYS, recordState, trainingNumber, urlError } from './training.rules.js';
import type { RecordInput, TrainingRecord } from './training.schemas.js';

// Completion records on the register kit: who completed which topic when,
// until when it counts (the topic's refresher unless given), and what shows it.

interface Ctx {
  today: string;
}

function rowToInput(r: Row<'training_records'>): RecordInput {
  return {
    person: toPerson(r.person_user_id, r.person_name, r.person_email) ?? { userId: null, name: '' },
    topicId: r.topic_id,
    completedOn: r.completed_on,
    // a derived expiry is recomputed when the record changes; a given one is kept
    expiresOn: Number(r.expires_given) ? r.expires_on : undefined,
    derivedExpiry: r.expires_on,
    evidenceId: r.evidence_id,
    evidenceUrl: r.evidence_url,
    fileId: r.file_id,
    notes: r.notes,
  } as RecordInput;
}

const finalExpiry = (i: RecordInput) => (i.expiresOn !== undefined ? i.expiresOn : (i.derivedExpiry ?? null));

function toColumns(input: RecordInput) {
  const person = personColumns(input.person);
  return {
    topic_id: input.topicId,
    person_user_id: person.user_id,
    person_name: person.name,
    person_email: person.email,
    completed_on: input.completedOn,
    expires_on: finalExpiry(input),
    expires_given: input.expiresOn !== undefined ? 1 : 0,
    evidence_id: input.evidenceId,
    evidence_url: input.evidenceUrl,
    file_id: input.fileId,
    notes: input.notes,
  };
}

// Every page of training records reads their topics.
const topicsIn = orgRowsIn('training_topics', 'id');

export async function topicsById(db: Executor, orgId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, Row<'training_topics'>>();
  const rows = await topicsIn(db, orgId, unique);
  return new Map(rows.map((r) => [r.id, r]));
}

/** The checks every completion passes, from the form and from an import alike. */
export async function prepareRecord(tx: Executor, orgId: string, input: RecordInput, ctx: Ctx, id: string) {
  const errors: FieldError[] = [];
  const [topics, stored] = await Promise.all([
    topicsById(tx, orgId, [input.topicId]),
    tx.selectFrom('training_records').select('topic_id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  ]);
  const topic = topics.get(input.topicId);
  if (!topic) errors.push({ field: 'body.topicId', message: 'is not a training topic of this organization' });
  else if (topic.archived_at && stored?.topic_id !== input.topicId)
    errors.push({ field: 'body.topicId', message: 'is an archived training topic; restore it first' });
  if (input.completedOn > ctx.today) errors.push({ field: 'body.completedOn', message: 'must not be in the future' });
  if (input.expiresOn && input.expiresOn < input.completedOn)
    errors.push({ field: 'body.expiresOn', message: 'must not be before completedOn' });
  const given = (['evidenceId', 'evidenceUrl', 'fileId'] as const).filter((k) => input[k]);
  if (given.length > 1)
    errors.push({ field: `body.${given[1]}`, message: `give one kind of evidence: ${given[0]} is already given` });
  if (input.evidenceUrl) {
    const e = urlError(input.evidenceUrl);
    if (e) errors.push({ field: 'body.evidenceUrl', message: e });
  }
  if (input.evidenceId) {
    const e = await checkLinks(tx, orgId, [{ type: 'evidence', id: input.evidenceId }], 'x');
    if (e.length) errors.push({ field: 'body.evidenceId', message: e[0].message });
  }
  if (input.fileId && !(await getStoredFiles(tx, orgId, [input.fileId])).has(input.fileId))
    errors.push({ field: 'body.fileId', message: 'is not a stored file of this organization' });
  const people = await resolvePeople(tx, orgId, [{ field: 'body.person', person: input.person }]);
  errors.push(...people.errors);
  if (errors.length || !topic) return { value: input, errors };
  const months = topic.refresher_months === null ? null : Number(topic.refresher_months);
  const value: RecordInput = {
    ...input,
    person: people.people[0] ?? input.person,
    derivedExpiry: months ? addMonths(input.completedOn, months) : null,
  };
  return { value, errors };
}

async function presentRecords(db: Executor, orgId: string, rows: Row<'training_records'>[], ctx: Ctx): Promise<TrainingRecord[]> {
  const evidenceRefs = rows.flatMap((r) => (r.evidence_id ? [{ type: 'evidence', id: r.evidence_id }] : []));
  const [topics, target, files] = await Promise.all([
    topicsById(
      db,
      orgId,
      rows.map((r) => r.topic_id),
    ),
    evidenceRefs.length ? resolveLinks(db, orgId, evidenceRefs) : Promise.resolve(() => undefined),
    getStoredFiles(
      db,
      orgId,
      rows.flatMap((r) => (r.file_id ? [r.file_id] : [])),
    ),
  ]);
  return rows.map((r) => {
    const t = topics.get(r.topic_id);
    const ev = r.evidence_id ? target({ type: 'evidence', id: r.evidence_id }) : undefined;
    const file = r.file_id ? files.get(r.file_id) : undefined;
    return {
      id: r.id,
      person: toPerson(r.person_user_id, r.person_name, r.person_email) ?? { userId: null, name: '' },
      topicId: r.topic_id,
      topic: t
        ? { id: t.id, number: trainingNumber(Number(t.number_seq)), title: t.title, archived: t.archived_at !== null }
        : { id: r.topic_id, number: '', title: '(not found)', archived: true },
      completedOn: r.completed_on,
      expiresOn: r.expires_on,
      expiresOnGiven: Number(r.expires_given) === 1,
      state: recordState(r.expires_on, ctx.today),
      evidenceId: r.evidence_id,
      evidence: r.evidence_id ? { id: r.evidence_id, name: ev?.label ?? '(not found)', archived: ev?.archived ?? true } : null,
      evidenceUrl: r.evidence_url,
      fileId: r.file_id,
      file: r.file_id ? { id: r.file_id, name: file?.name ?? '(not found)' } : null,
      notes: r.notes,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

const expiresSort = sql<string>`coalesce(expires_on, '9999-12-31')`;

export const recordRegister: RegisterDefinition<'training_records', RecordInput, TrainingRecord, Ctx> = {
  table: 'training_records',
  entityType: 'training_record',
  noun: 'training record',
  async context() {
    return { today: todayUtc() };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToInput);
  },
  toColumns,
  present: presentRecords,
  auditView(id, input) {
    const { derivedExpiry: _d, ...fields } = input;
    return { id, ...fields, expiresOn: finalExpiry(input) };
  },
  prepare: prepareRecord,
  list: {
    sorts: {
      completedOn: { expression: (eb) => eb.ref('training_records.completed_on'), value: (r) => r.completed_on },
      expiresOn: { expression: () => expiresSort, value: (r) => r.expires_on ?? '9999-12-31' },
      updatedAt: { expression: (eb) => eb.ref('training_records.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-completedOn',
    filter(query, q, ctx) {
      let out = query;
      if (typeof q.topicId === 'string') out = out.where('topic_id', '=', q.topicId);
      if (typeof q.userId === 'string') out = out.where('person_user_id', '=', q.userId);
      const soon = addDays(ctx.today, EXPIRING_DAYS);
      if (q.state === 'expired') out = out.where('expires_on', '<', ctx.today);
      if (q.state === 'expiring') out = out.where('expires_on', '>=', ctx.today).where('expires_on', '<=', soon);
      if (q.state === 'valid') out = out.where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>', soon)]));
      return out;
    },
  },
};
