import { sql } from 'kysely';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, personColumns, resolvePeople, toPerson } from '../../platform/refs/index.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { currentDocuments, type PresentContext, presentDocuments } from './documents.present.js';
import * as repo from './documents.repository.js';
import { addDays, filterDocuments } from './documents.filters.js';
import type { Document, DocumentInput } from './documents.schemas.js';
import { audienceColumn, roleIdsColumn } from './documents.tables.js';

// The document register on the register kit: its columns, its rules, its
// list filters. Versions, approval and acknowledgements are beside it.

export type DocumentRecord = DocumentInput & { numberSeq?: number };

export function rowToInput(r: Row<'documents'>): DocumentRecord {
  const owner = toPerson(r.owner_user_id, r.owner_name, r.owner_email);
  return {
    title: r.title,
    docType: r.doc_type,
    category: r.category,
    owner: owner ? { userId: owner.userId, name: owner.name, ...(owner.email ? { email: owner.email } : {}) } : null,
    reviewIntervalMonths: Number(r.review_interval_months),
    nextReviewDate: r.next_review_date,
    requiresAcknowledgement: Number(r.requires_acknowledgement) === 1,
    audience: audienceColumn.read(r.audience),
    namedRoleIds: roleIdsColumn.read(r.named_role_ids),
    numberSeq: Number(r.number_seq),
  };
}

export function documentColumns(input: DocumentRecord) {
  const owner = personColumns(input.owner);
  return {
    ...(input.numberSeq ? { number_seq: input.numberSeq } : {}),
    title: input.title,
    title_key: fold(input.title),
    doc_type: input.docType,
    category: input.category,
    owner_user_id: owner.user_id,
    owner_name: owner.name,
    owner_email: owner.email,
    review_interval_months: input.reviewIntervalMonths,
    next_review_date: input.nextReviewDate,
    requires_acknowledgement: input.requiresAcknowledgement ? 1 : 0,
    audience: audienceColumn.write(input.audience),
    named_role_ids: roleIdsColumn.write(input.namedRoleIds),
  };
}

/** Role links checked against the roles register (link kind 'role'). */
async function roleErrors(db: Executor, orgId: string, ids: string[], at: string, known: Set<string>): Promise<FieldError[]> {
  const errors = await checkLinks(
    db,
    orgId,
    ids.map((id) => ({ type: 'role', id })),
    at,
    '',
  );
  // field is "<at>.<i>." (no id field); a role already named is not re-judged
  return errors
    .map((e) => ({ ...e, field: e.field.replace(/\.$/, '') }))
    .filter((e) => !known.has(ids[Number(e.field.slice(at.length + 1))]));
}

/**
 * What zod cannot check: members and roles against this organization. A
 * person or role the document already names is not checked again, so a
 * document whose owner left (flagged owner-left) can still be edited, to
 * name the new owner among other things.
 */
async function prepareDocument(tx: Executor, orgId: string, input: DocumentRecord, _ctx: PresentContext, id: string) {
  const stored = await tx
    .selectFrom('documents')
    .select(['number_seq', 'owner_user_id', 'named_role_ids', 'audience'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  const storedRoles = new Set(
    stored ? [...roleIdsColumn.read(stored.named_role_ids), ...audienceRoles(audienceColumn.read(stored.audience))] : [],
  );
  const errors: FieldError[] = [];
  if (input.requiresAcknowledgement && input.category !== 'policy')
    errors.push({ field: 'body.requiresAcknowledgement', message: 'only a policy can require acknowledgement' });
  const keepOwner = !!input.owner?.userId && input.owner.userId === stored?.owner_user_id;
  const people = keepOwner
    ? { people: [input.owner], errors: [] }
    : await resolvePeople(tx, orgId, [{ field: 'body.owner', person: input.owner }]);
  errors.push(...people.errors);
  errors.push(...(await roleErrors(tx, orgId, input.namedRoleIds, 'body.namedRoleIds', storedRoles)));
  errors.push(...(await roleErrors(tx, orgId, audienceRoles(input.audience), 'body.audience.roleIds', storedRoles)));
  if (errors.length) return { value: input, errors };
  const owner = people.people[0];
  return {
    value: {
      ...input,
      owner: owner ? { userId: owner.userId, name: owner.name, ...(owner.email ? { email: owner.email } : {}) } : null,
      numberSeq: stored ? Number(stored.number_seq) : await repo.nextNumber(tx, orgId),
    },
    errors,
  };
}

const audienceRoles = (a: DocumentInput['audience']) => ('roleIds' in a ? a.roleIds : []);

const reviewDate = sql<string>`coalesce(next_review_date, '9999-12-31')`;

export const documentRegister: RegisterDefinition<'documents', DocumentRecord, Document, PresentContext> = {
  table: 'documents',
  entityType: 'document',
  noun: 'document',
  async context(db, orgId, query) {
    const today = todayUtc();
    const ctx = { today, soon: addDays(today, 30) };
    if (query?.flagged !== true) return ctx;
    // a flag (a vacant role named in the text, a role audience's acknowledgements) is judged on the presented rows
    const flaggedIds = (await currentDocuments(db, orgId, ctx)).filter((d) => d.flags.length > 0).map((d) => d.id);
    return { ...ctx, flaggedIds };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToInput);
  },
  toColumns: documentColumns,
  present: presentDocuments,
  auditView: (id, input) => {
    const { numberSeq: _n, ...fields } = input;
    return { id, ...fields };
  },
  prepare: prepareDocument,
  async afterWrite(tx, orgId, id, input, before) {
    // A date a person sets is kept by the next approval (documents.rules reviewDateAfterApproval).
    const setByPerson = before ? before.nextReviewDate !== input.nextReviewDate : input.nextReviewDate !== null;
    if (setByPerson)
      await tx
        .updateTable('documents')
        .set({ next_review_explicit: input.nextReviewDate ? 1 : 0 })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
  },
  editBlocked(row) {
    if (row.archived_at) return 'This document is archived; restore it before editing.';
    if (row.retired_at) return 'This document is retired; it is kept as it was and cannot be changed.';
    return null;
  },
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('documents.number_seq'), value: (r) => Number(r.number_seq) },
      title: { expression: (eb) => eb.ref('documents.title_key'), value: (r) => r.title_key },
      // documents without a review date sort after every date
      nextReviewDate: { expression: () => reviewDate, value: (r) => r.next_review_date ?? '9999-12-31' },
      updatedAt: { expression: (eb) => eb.ref('documents.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: 'number',
    filter: (query, q, ctx) => filterDocuments(query, q, ctx),
  },
};
