import { roleInOrg } from '../../platform/auth/access.js';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkLinks, personColumns, resolveLinks, resolvePeople, toPerson } from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import type { RiskMethodContent } from './risk-method.rules.js';
import { effectiveRiskMethod } from './risk-method.service.js';
import * as repo from './risks.repository.js';
import {
  acceptanceRoleError,
  currentLevel,
  defaultReviewDate,
  riskFlags,
  riskNumber,
  scoreRisk,
  statusErrors,
  thresholdRank,
} from './risks.rules.js';
import type { Risk, RiskListQuery, RiskRecord } from './risks.schemas.js';
import { idList } from './risks.tables.js';

// The risk register on the register kit: scored with the organization's
// effective risk method on every save, checked against the method, the
// inventory, the suppliers and the members; the kit does the rest.

export interface RiskContext {
  today: string;
  method: RiskMethodContent;
  methodVersion: number | null;
  methodStatus: string;
}

export async function riskContext(db: Executor, orgId: string): Promise<RiskContext> {
  const m = await effectiveRiskMethod(db, orgId);
  return { today: todayUtc(), method: m.content, methodVersion: m.version, methodStatus: m.status };
}

function rowToRecord(r: Row<'risks'>, aiSystemIds: string[]): RiskRecord {
  const owner = toPerson(r.owner_user_id, r.owner_name, r.owner_email);
  const acceptedBy = toPerson(r.accepted_by_user_id, r.accepted_by_name, r.accepted_by_email);
  return {
    title: r.title,
    aiSystemIds,
    supplierIds: idList.read(r.supplier_ids),
    sourceCategory: r.source_category,
    cause: r.cause,
    event: r.event,
    consequence: r.consequence,
    owner: owner && { ...owner, userId: owner.userId },
    inherentLikelihood: r.inherent_likelihood,
    inherentImpact: r.inherent_impact,
    treatmentOption: r.treatment_option,
    residualLikelihood: r.residual_likelihood,
    residualImpact: r.residual_impact,
    acceptance: acceptedBy && r.accepted_at ? { acceptedBy, acceptedAt: r.accepted_at, reason: r.acceptance_reason ?? '' } : null,
    nextReviewDate: r.next_review_date,
    status: r.status,
    computed: {
      numberSeq: r.number_seq,
      inherentLevel: r.inherent_level,
      inherentRank: r.inherent_rank,
      residualLevel: r.residual_level,
      residualRank: r.residual_rank,
      currentRank: r.current_rank,
    },
  };
}

function toColumns(input: RiskRecord) {
  const c = input.computed;
  if (!c) throw new Error('a risk is stored only after the method scored it (prepare)');
  const owner = personColumns(input.owner);
  const acceptedBy = personColumns(input.acceptance?.acceptedBy);
  return {
    number_seq: c.numberSeq,
    title: input.title,
    title_key: fold(input.title),
    source_category: input.sourceCategory,
    cause: input.cause,
    event: input.event,
    consequence: input.consequence,
    owner_user_id: owner.user_id,
    owner_name: owner.name,
    owner_email: owner.email,
    inherent_likelihood: input.inherentLikelihood,
    inherent_impact: input.inherentImpact,
    inherent_level: c.inherentLevel,
    inherent_rank: c.inherentRank,
    treatment_option: input.treatmentOption,
    residual_likelihood: input.residualLikelihood,
    residual_impact: input.residualImpact,
    residual_level: c.residualLevel,
    residual_rank: c.residualRank,
    current_rank: c.currentRank,
    supplier_ids: idList.write(input.supplierIds),
    accepted_by_user_id: acceptedBy.user_id,
    accepted_by_name: acceptedBy.name,
    accepted_by_email: acceptedBy.email,
    accepted_at: input.acceptance?.acceptedAt ?? null,
    acceptance_reason: input.acceptance?.reason ?? null,
    next_review_date: input.nextReviewDate,
    status: input.status,
  };
}

/** Field errors of links to records that are not this organization's (plain id lists: body.aiSystemIds.0). */
async function linkErrors(db: Executor, orgId: string, type: string, ids: string[], at: string) {
  const errors = await checkLinks(
    db,
    orgId,
    ids.map((id) => ({ type, id })),
    at,
  );
  return errors.map((e) => ({ ...e, field: e.field.replace(/\.id$/, '') }));
}

/** Everything zod cannot check, on the whole record; returns it scored and with people's current names. */
async function prepareRisk(tx: Executor, orgId: string, input: RiskRecord, ctx: RiskContext, id: string) {
  const errors: FieldError[] = [];
  const m = ctx.method;
  const stored = await findRow(tx, riskRegister, orgId, id);
  const score = scoreRisk(m, input);
  errors.push(...score.errors);
  const changedSource = !stored || stored.source_category !== input.sourceCategory;
  if (changedSource && !m.riskSources.some((s) => s.id === input.sourceCategory && s.inUse)) {
    const inUse = m.riskSources.filter((s) => s.inUse).map((s) => s.id);
    errors.push({
      field: 'body.sourceCategory',
      message: `is not a risk source in use in the risk method (one of: ${inUse.join(', ') || 'none in use'})`,
    });
  }
  if (input.acceptance && !input.acceptance.acceptedBy.userId)
    errors.push({
      field: 'body.acceptance.acceptedBy.userId',
      message: 'must be a member: an acceptance is checked against their role',
    });
  if (input.acceptance && input.acceptance.acceptedAt > ctx.today)
    errors.push({ field: 'body.acceptance.acceptedAt', message: 'cannot be in the future' });
  errors.push(...statusErrors(input));
  const [people, systems, suppliers] = await Promise.all([
    resolvePeople(tx, orgId, [
      { field: 'body.owner', person: input.owner },
      { field: 'body.acceptance.acceptedBy', person: input.acceptance?.acceptedBy },
    ]),
    linkErrors(tx, orgId, 'ai-system', input.aiSystemIds, 'body.aiSystemIds'),
    linkErrors(tx, orgId, 'supplier', input.supplierIds, 'body.supplierIds'),
  ]);
  errors.push(...people.errors, ...systems, ...suppliers);
  if (errors.length || !score.value) return { value: input, errors };

  // Who may accept is checked when the acceptance or the level it accepts changes.
  const level = currentLevel(score.value);
  const acceptance = input.acceptance && people.people[1] ? { ...input.acceptance, acceptedBy: people.people[1] } : null;
  const storedLevel = stored && (stored.residual_level ?? stored.inherent_level);
  const sameAcceptance =
    stored &&
    acceptance &&
    stored.accepted_by_user_id === acceptance.acceptedBy.userId &&
    stored.accepted_at === acceptance.acceptedAt &&
    storedLevel === level;
  if (acceptance && !sameAcceptance) {
    const role = await roleInOrg(tx, acceptance.acceptedBy.userId as string, orgId);
    const message = acceptanceRoleError(m, level, role);
    if (message) return { value: input, errors: [{ field: 'body.acceptance.acceptedBy', message }] };
  }
  const numberSeq = stored ? stored.number_seq : await repo.nextNumber(tx, orgId);
  const value: RiskRecord = {
    ...input,
    aiSystemIds: [...input.aiSystemIds].sort(),
    owner: people.people[0] ? { ...people.people[0], userId: people.people[0].userId } : null,
    acceptance,
    nextReviewDate: stored
      ? input.nextReviewDate
      : (input.nextReviewDate ?? defaultReviewDate(ctx.today, m.reviewIntervalMonths)),
    computed: { numberSeq, ...score.value },
  };
  return { value, errors };
}

const levelName = (m: RiskMethodContent, id: string | null) => (id ? (m.levels.find((l) => l.id === id)?.name ?? id) : null);

async function presentRisks(db: Executor, orgId: string, rows: Row<'risks'>[], ctx: RiskContext): Promise<Risk[]> {
  const ids = rows.map((r) => r.id);
  const [links, counts] = await Promise.all([repo.aiSystemLinks(db, orgId, ids), repo.actionCounts(db, orgId, ids)]);
  const refs = rows.flatMap((r) => [
    ...(links.get(r.id) ?? []).map((id) => ({ type: 'ai-system', id })),
    ...idList.read(r.supplier_ids).map((id) => ({ type: 'supplier', id })),
  ]);
  const target = await resolveLinks(db, orgId, refs);
  const linked = (type: string) => (id: string) => {
    const t = target({ type, id });
    return { id, name: t?.label ?? '(not found)', archived: t?.archived ?? true };
  };
  const m = ctx.method;
  return rows.map((r) => {
    const rec = rowToRecord(r, links.get(r.id) ?? []);
    const count = counts.get(r.id) ?? { total: 0, open: 0 };
    const source = m.riskSources.find((s) => s.id === r.source_category);
    const flags = riskFlags(
      m,
      {
        inherentLevel: r.inherent_level,
        residualLevel: r.residual_level,
        accepted: !!r.accepted_at,
        actionCount: count.total,
        nextReviewDate: r.next_review_date,
        status: r.status,
      },
      ctx.today,
    );
    return {
      id: r.id,
      number: riskNumber(r.number_seq),
      title: rec.title,
      aiSystems: rec.aiSystemIds.map(linked('ai-system')),
      suppliers: rec.supplierIds.map(linked('supplier')),
      sourceCategory: rec.sourceCategory,
      sourceCategoryName: source?.name ?? null,
      cause: rec.cause,
      event: rec.event,
      consequence: rec.consequence,
      owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
      inherentLikelihood: r.inherent_likelihood,
      inherentImpact: r.inherent_impact,
      inherentLevel: r.inherent_level,
      inherentLevelName: levelName(m, r.inherent_level) ?? r.inherent_level,
      treatmentOption: r.treatment_option,
      residualLikelihood: r.residual_likelihood,
      residualImpact: r.residual_impact,
      residualLevel: r.residual_level,
      residualLevelName: levelName(m, r.residual_level),
      aboveThreshold: r.current_rank > thresholdRank(m),
      acceptance: rec.acceptance && {
        acceptedBy: toPerson(r.accepted_by_user_id, r.accepted_by_name, r.accepted_by_email) ?? { userId: null, name: '' },
        acceptedAt: rec.acceptance.acceptedAt,
        reason: rec.acceptance.reason,
      },
      nextReviewDate: r.next_review_date,
      status: r.status,
      actionCount: count.total,
      openActionCount: count.open,
      flags,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

/** What the audit log keeps: the fields, the number and the levels the method gave. */
function auditView(id: string, input: RiskRecord) {
  const { computed, ...fields } = input;
  return {
    id,
    number: computed ? riskNumber(computed.numberSeq) : null,
    ...fields,
    inherentLevel: computed?.inherentLevel ?? null,
    residualLevel: computed?.residualLevel ?? null,
  };
}

export const riskRegister: RegisterDefinition<'risks', RiskRecord, Risk, RiskContext> = {
  table: 'risks',
  entityType: 'risk',
  noun: 'risk',
  context: riskContext,
  async toInput(db, orgId, rows) {
    const links = await repo.aiSystemLinks(
      db,
      orgId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => rowToRecord(r, links.get(r.id) ?? []));
  },
  toColumns,
  present: presentRisks,
  auditView,
  prepare: prepareRisk,
  async afterWrite(tx, orgId, id, input, before) {
    if (!before || before.aiSystemIds.join() !== input.aiSystemIds.join())
      await repo.writeAiSystemLinks(tx, orgId, id, input.aiSystemIds, !before);
  },
  list: {
    sorts: {
      number: { expression: (eb) => eb.ref('risks.number_seq'), value: (r) => r.number_seq },
      title: { expression: (eb) => eb.ref('risks.title_key'), value: (r) => r.title_key },
      // the register table's Name column (number and title) sorts by title
      name: { expression: (eb) => eb.ref('risks.title_key'), value: (r) => r.title_key },
      inherentLevel: { expression: (eb) => eb.ref('risks.inherent_rank'), value: (r) => r.inherent_rank },
      residualLevel: { expression: (eb) => eb.ref('risks.residual_rank'), value: (r) => r.residual_rank },
      // Risks without a review date sort after every date.
      nextReviewDate: {
        expression: () => repo.reviewDate,
        value: (r) => r.next_review_date ?? '9999-12-31',
      },
      updatedAt: { expression: (eb) => eb.ref('risks.updated_at'), value: (r) => r.updated_at },
      createdAt: { expression: (eb) => eb.ref('risks.created_at'), value: (r) => r.created_at },
    },
    defaultSort: 'number',
    filter(query, q, ctx) {
      return repo.filterRisks(query, q as Partial<RiskListQuery>, ctx.today, thresholdRank(ctx.method));
    },
  },
};
