import { ANNEX_A, CLAUSES } from '../../catalogue/index.js';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, type LinkRef, personColumns, resolveLinks, resolvePeople, toPerson } from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { adjustCounts } from './evidence.counts.js';
import { filesOf } from './evidence.files.js';
import * as repo from './evidence.repository.js';
import { AREA_LABELS, defaultArea, evidenceFlags, evidenceNumber, evidenceState, urlError } from './evidence.rules.js';
import type { Evidence, EvidenceInput, EvidenceListQuery } from './evidence.schemas.js';

// The evidence register on the register kit: numbered EV-0001, checked
// against the catalogue, the organization's files, records and members, its
// links kept in evidence_links with the item's dates for coverage.

interface Ctx {
  today: string;
  orgId: string;
}

const clauseTitles = new Map(CLAUSES.map((c) => [c.id, c.title]));
const annexTitles = new Map(ANNEX_A.map((c) => [c.id, c.title]));

function rowToInput(r: Row<'evidence'>, links: repo.EvidenceLinks): EvidenceInput {
  return {
    title: r.title,
    description: r.description,
    kind: r.kind,
    fileId: r.file_id,
    url: r.url,
    record: r.record_kind && r.record_id ? { kind: r.record_kind as never, id: r.record_id } : null,
    collectedOn: r.collected_on,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    validUntil: r.valid_until,
    owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
    area: r.area,
    ...links,
    numberSeq: Number(r.number_seq),
  };
}

function toColumns(input: EvidenceInput) {
  if (input.numberSeq === undefined) throw new Error('an item is stored only after prepare numbered it');
  const owner = personColumns(input.owner);
  return {
    number_seq: input.numberSeq,
    title: input.title,
    title_key: fold(input.title),
    description: input.description,
    kind: input.kind,
    file_id: input.kind === 'file' ? input.fileId : null,
    url: input.kind === 'link' ? input.url : null,
    record_kind: input.kind === 'record' ? (input.record?.kind ?? null) : null,
    record_id: input.kind === 'record' ? (input.record?.id ?? null) : null,
    collected_on: input.collectedOn,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    valid_until: input.validUntil,
    owner_user_id: owner.user_id,
    owner_name: owner.name,
    owner_email: owner.email,
    area: input.area,
    link_count: input.requirementIds.length + input.controlIds.length + input.aiSystemIds.length + input.riskIds.length,
  };
}

/** Field errors of plain id lists (body.aiSystemIds.0), from checkLinks' object paths. */
async function idListErrors(db: Executor, orgId: string, type: string, ids: string[], at: string) {
  const errors = await checkLinks(
    db,
    orgId,
    ids.map((id) => ({ type, id })),
    at,
  );
  return errors.map((e) => ({ ...e, field: e.field.replace(/\.id$/, '') }));
}

/** The one source an item's kind names, and nothing of the others. */
async function sourceErrors(db: Executor, orgId: string, input: EvidenceInput): Promise<FieldError[]> {
  if (input.kind === 'file') {
    if (!input.fileId) return [{ field: 'body.fileId', message: 'is required for evidence of kind file (upload it to /files)' }];
    const files = await filesOf(db, orgId, [input.fileId]);
    return files.has(input.fileId) ? [] : [{ field: 'body.fileId', message: 'is not a stored file of this organization' }];
  }
  if (input.kind === 'link') {
    if (!input.url) return [{ field: 'body.url', message: 'is required for evidence of kind link' }];
    const e = urlError(input.url);
    return e ? [{ field: 'body.url', message: e }] : [];
  }
  if (!input.record) return [{ field: 'body.record', message: 'is required for evidence of kind record' }];
  try {
    return await checkLinks(db, orgId, [{ type: input.record.kind, id: input.record.id }], 'body.record', 'id').then((es) =>
      es.map((e) => ({ ...e, field: 'body.record.id' })),
    );
  } catch {
    // a kind no module of this instance registered
    return [{ field: 'body.record.kind', message: 'is not a kind of record this instance keeps' }];
  }
}

async function prepareEvidence(tx: Executor, orgId: string, given: EvidenceInput, ctx: Ctx, id: string) {
  const errors: FieldError[] = [];
  // A create may leave out when it was collected (today) and its area (from the first link).
  const input: EvidenceInput = {
    ...given,
    collectedOn: given.collectedOn ?? ctx.today,
    area: given.area ?? defaultArea(given.requirementIds, given.controlIds),
  };
  input.requirementIds.forEach((rid, i) => {
    if (!clauseTitles.has(rid))
      errors.push({ field: `body.requirementIds.${i}`, message: 'is not a management-system clause (4.1 … 10.2)' });
  });
  // Annex A ids are checked against the catalogue here; the rest must be own controls in the SoA.
  const own: { id: string; i: number }[] = [];
  input.controlIds.forEach((cid, i) => {
    if (/^A\.\d/.test(cid)) {
      if (!annexTitles.has(cid))
        errors.push({ field: `body.controlIds.${i}`, message: 'is not an Annex A control of the catalogue' });
    } else own.push({ id: cid, i });
  });
  const ownErrors = await checkLinks(
    tx,
    orgId,
    own.map((o) => ({ type: 'control', id: o.id })),
    'x',
  );
  for (const e of ownErrors) {
    const n = Number(e.field.split('.')[1]);
    errors.push({ field: `body.controlIds.${own[n].i}`, message: e.message });
  }
  if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo)
    errors.push({ field: 'body.periodTo', message: 'must not be before periodFrom' });
  if (input.validUntil && input.validUntil < input.collectedOn)
    errors.push({ field: 'body.validUntil', message: 'must not be before collectedOn' });
  const [source, people, systems, risks] = await Promise.all([
    sourceErrors(tx, orgId, input),
    resolvePeople(tx, orgId, [{ field: 'body.owner', person: input.owner }]),
    idListErrors(tx, orgId, 'ai-system', input.aiSystemIds, 'body.aiSystemIds'),
    idListErrors(tx, orgId, 'risk', input.riskIds, 'body.riskIds'),
  ]);
  errors.push(...source, ...people.errors, ...systems, ...risks);
  if (errors.length) return { value: input, errors };
  const stored = await findRow(tx, evidenceRegister, orgId, id);
  const value: EvidenceInput = {
    ...input,
    owner: people.people[0],
    numberSeq: stored ? Number(stored.number_seq) : await repo.nextNumber(tx, orgId),
  };
  return { value, errors };
}

async function presentEvidence(db: Executor, orgId: string, rows: Row<'evidence'>[], ctx: Ctx): Promise<Evidence[]> {
  const links = await repo.linksOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const refs: LinkRef[] = [];
  for (const r of rows) {
    const l = links.get(r.id);
    if (r.record_kind && r.record_id) refs.push({ type: r.record_kind, id: r.record_id });
    for (const id of l?.aiSystemIds ?? []) refs.push({ type: 'ai-system', id });
    for (const id of l?.riskIds ?? []) refs.push({ type: 'risk', id });
    for (const id of l?.controlIds ?? []) if (!annexTitles.has(id)) refs.push({ type: 'control', id });
  }
  const [target, files] = await Promise.all([
    resolveLinks(db, orgId, refs).catch(() => () => undefined),
    filesOf(
      db,
      orgId,
      rows.flatMap((r) => (r.file_id ? [r.file_id] : [])),
    ),
  ]);
  const linked = (type: string) => (id: string) => {
    const t = target({ type, id });
    return { id, name: t?.label ?? '(not found)', archived: t?.archived ?? true };
  };
  return rows.map((r) => {
    const input = rowToInput(r, links.get(r.id) ?? { requirementIds: [], controlIds: [], aiSystemIds: [], riskIds: [] });
    const file = r.file_id ? (files.get(r.file_id) ?? null) : null;
    const record = input.record ? target({ type: input.record.kind, id: input.record.id }) : undefined;
    return {
      id: r.id,
      number: evidenceNumber(Number(r.number_seq)),
      title: r.title,
      description: r.description,
      kind: r.kind,
      file,
      url: r.url,
      record: input.record
        ? { ...input.record, label: record?.label ?? '(not found)', archived: record?.archived ?? true }
        : null,
      collectedOn: r.collected_on,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      validUntil: r.valid_until,
      owner: input.owner,
      area: r.area,
      areaLabel: AREA_LABELS[r.area],
      requirementIds: input.requirementIds,
      controlIds: input.controlIds,
      requirements: input.requirementIds.map((id) => ({ id, title: clauseTitles.get(id) ?? id })),
      controls: input.controlIds.map((id) => ({ id, title: annexTitles.get(id) ?? linked('control')(id).name })),
      aiSystems: input.aiSystemIds.map(linked('ai-system')),
      risks: input.riskIds.map(linked('risk')),
      state: evidenceState(r.valid_until, ctx.today),
      flags: evidenceFlags(
        { validUntil: r.valid_until, linkCount: Number(r.link_count), fileMissing: r.kind === 'file' && !file },
        ctx.today,
      ),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export const evidenceRegister: RegisterDefinition<'evidence', EvidenceInput, Evidence, Ctx> = {
  table: 'evidence',
  entityType: 'evidence',
  noun: 'evidence item',
  async context(_db, orgId) {
    return { today: todayUtc(), orgId };
  },
  async toInput(db, orgId, rows) {
    const links = await repo.linksOf(
      db,
      orgId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => rowToInput(r, links.get(r.id) as repo.EvidenceLinks));
  },
  toColumns,
  present: presentEvidence,
  auditView(id, input) {
    const { numberSeq, ...fields } = input;
    return { id, number: numberSeq === undefined ? null : evidenceNumber(numberSeq), ...fields };
  },
  prepare: prepareEvidence,
  async afterWrite(tx, orgId, id, input, before) {
    await repo.writeLinks(tx, orgId, id, input, { validUntil: input.validUntil, collectedOn: input.collectedOn }, !before);
    await adjustCounts(tx, orgId, before, input);
  },
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('evidence.number_seq'), value: (r) => Number(r.number_seq) },
      title: { expression: (eb) => eb.ref('evidence.title_key'), value: (r) => r.title_key },
      collectedOn: { expression: (eb) => eb.ref('evidence.collected_on'), value: (r) => r.collected_on },
      validUntil: { expression: () => repo.validUntilSort, value: (r) => r.valid_until ?? '9999-12-31' },
      updatedAt: { expression: (eb) => eb.ref('evidence.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: '-number',
    filter(query, q, ctx) {
      return repo.filterEvidence(query, q as Partial<EvidenceListQuery>, ctx.orgId, ctx.today);
    },
  },
};
