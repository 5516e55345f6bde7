import { uuidv7 } from 'uuidv7';
import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError } from '../../platform/http/errors.js';
import { checkLinks, personColumns, resolveLinks, resolvePeople, toPerson } from '../../platform/refs/index.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { aiSystemsById } from '../inventory/index.js';
import type { RiskMethodContent } from '../risks/index.js';
import { assessmentMethod, levelScale, ratingErrors } from './impact-assessments.method.js';
import { findAssessmentsOfSystem } from './impact-assessments.repository.js';
import { basisOf, highestResidual, type LevelScale, rate, reassessmentReasons } from './impact-assessments.rules.js';
import type { AssessmentInput, ImpactAssessment } from './impact-assessments.schemas.js';
import { basisColumn, impactsColumn, listColumn, raisedRisksColumn } from './impact-assessments.tables.js';

// The impact assessment register on the register kit: one row per
// assessment, drafts editable, approved ones frozen (a change is a
// reassessment: a new draft that replaces the approved one when approved).

export interface AssessmentContext {
  today: string;
  method: RiskMethodContent;
  scale: LevelScale;
}

export function rowToInput(r: Row<'impact_assessments'>): AssessmentInput {
  return {
    aiSystemId: r.ai_system_id,
    intendedPurpose: r.intended_purpose,
    contextOfUse: r.context_of_use,
    affectedIndividuals: listColumn.read(r.affected_individuals),
    affectedGroups: listColumn.read(r.affected_groups),
    affectedSocieties: listColumn.read(r.affected_societies),
    impacts: impactsColumn.read(r.impacts),
    foreseeableMisuse: r.foreseeable_misuse,
    assessor: toPerson(r.assessor_user_id, r.assessor_name, r.assessor_email),
    nextReviewDate: r.next_review_date,
    basis: basisColumn.read(r.basis),
    supersedesId: r.supersedes_id,
  };
}

function toColumns(i: AssessmentInput) {
  const assessor = personColumns(i.assessor);
  return {
    ai_system_id: i.aiSystemId,
    intended_purpose: i.intendedPurpose ?? '',
    context_of_use: i.contextOfUse ?? '',
    affected_individuals: listColumn.write(i.affectedIndividuals),
    affected_groups: listColumn.write(i.affectedGroups),
    affected_societies: listColumn.write(i.affectedSocieties),
    impacts: impactsColumn.write(i.impacts.map((x) => ({ ...x, id: x.id ?? uuidv7() }))),
    foreseeable_misuse: i.foreseeableMisuse ?? '',
    assessor_user_id: assessor.user_id,
    assessor_name: assessor.name,
    assessor_email: assessor.email,
    next_review_date: i.nextReviewDate,
    basis: basisColumn.write(i.basis ?? basisOf(EMPTY_FACTS)),
    supersedes_id: i.supersedesId ?? null,
  };
}

const EMPTY_FACTS = {
  lifecycleStage: null,
  purpose: '',
  intendedUse: '',
  userImpact: [],
  dataCategories: [],
  dataSource: '',
  dataSensitivity: null,
  riskLevel: null,
  suppliers: [],
};

/** Rows as API items: levels from the method, the system's name, and whether the system has moved on. */
export async function presentAssessments(
  db: Executor,
  orgId: string,
  rows: Row<'impact_assessments'>[],
  ctx: AssessmentContext,
): Promise<ImpactAssessment[]> {
  const label = await resolveLinks(
    db,
    orgId,
    rows.map((r) => ({ type: 'ai-system', id: r.ai_system_id })),
  );
  // only an approved assessment in force can fall behind its system
  const inForce = rows.filter((r) => r.status === 'approved' && !r.archived_at);
  const systems = await aiSystemsById(
    db,
    orgId,
    inForce.map((r) => r.ai_system_id),
  );
  return rows.map((r) => {
    const input = rowToInput(r);
    const raised = raisedRisksColumn.read(r.raised_risks);
    const impacts = impactsColumn.read(r.impacts).map((i) => ({
      ...i,
      level: rate(ctx.scale, i.likelihood, i.severity),
      residualLevel: rate(ctx.scale, i.residualLikelihood, i.residualSeverity),
      riskId: raised[i.id] ?? null,
    }));
    const top = highestResidual(impacts, ctx.scale);
    const system = systems.get(r.ai_system_id);
    const reasons =
      r.status === 'approved' && !r.archived_at
        ? reassessmentReasons(
            input.basis ?? basisOf(EMPTY_FACTS),
            system && !system.archivedAt ? system : null,
            r.next_review_date,
            ctx.today,
          )
        : [];
    return {
      id: r.id,
      name: label({ type: 'ai-system', id: r.ai_system_id })?.label ?? 'Unknown AI system',
      aiSystemId: r.ai_system_id,
      status: r.status,
      intendedPurpose: r.intended_purpose,
      contextOfUse: r.context_of_use,
      affectedIndividuals: input.affectedIndividuals,
      affectedGroups: input.affectedGroups,
      affectedSocieties: input.affectedSocieties,
      impacts,
      foreseeableMisuse: r.foreseeable_misuse,
      assessor: input.assessor,
      nextReviewDate: r.next_review_date,
      approval: r.approved_at ? { userId: r.approved_by, name: r.approved_by_name ?? '', at: r.approved_at } : null,
      highestResidual: top ? { id: top.id, name: top.name, aboveThreshold: top.aboveThreshold } : null,
      basis: input.basis ?? basisOf(EMPTY_FACTS),
      reassessment: { needed: reasons.length > 0, reasons },
      supersedesId: r.supersedes_id,
      supersededAt: r.superseded_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

export async function assessmentContext(db: Executor, orgId: string): Promise<AssessmentContext> {
  const method = await assessmentMethod(db, orgId);
  return { today: todayUtc(), method, scale: levelScale(method) };
}

/**
 * What zod cannot check: the AI system is this organization's, the assessor a
 * member, ratings on the method's scales, impact ids unique. A new
 * assessment takes purpose, context and misuse from the approved one it will
 * replace, else from the inventory; every save records the system's facts as
 * its basis.
 */
async function prepare(tx: Executor, orgId: string, input: AssessmentInput, ctx: AssessmentContext) {
  const creating = input.basis === undefined;
  const errors: FieldError[] = (
    await checkLinks(tx, orgId, [{ type: 'ai-system', id: input.aiSystemId }], 'body.aiSystemId')
  ).map((e) => ({ ...e, field: 'body.aiSystemId' }));
  const system = (await aiSystemsById(tx, orgId, [input.aiSystemId])).get(input.aiSystemId);
  if (system?.archivedAt && creating) errors.push({ field: 'body.aiSystemId', message: 'is archived; restore it to assess it' });
  const { people, errors: personErrors } = await resolvePeople(tx, orgId, [{ field: 'body.assessor', person: input.assessor }]);
  errors.push(...personErrors, ...ratingErrors(ctx.method, input.impacts, 'body.impacts'));
  const seen = new Set<string>();
  input.impacts.forEach((i, n) => {
    if (i.id && seen.has(i.id)) errors.push({ field: `body.impacts.${n}.id`, message: 'must not repeat an impact' });
    if (i.id) seen.add(i.id);
  });
  if (errors.length || !system) return { value: input, errors };

  let value: AssessmentInput = {
    ...input,
    assessor: people[0],
    impacts: input.impacts.map((i) => ({ ...i, id: i.id ?? uuidv7() })),
  };
  if (creating) {
    const others = await findAssessmentsOfSystem(tx, orgId, input.aiSystemId);
    const draft = others.find((a) => a.status === 'draft' && !a.archived_at);
    if (draft) {
      throw conflict('This AI system already has a draft impact assessment; continue that one.', [
        { field: 'body.aiSystemId', message: `has the draft impact assessment ${draft.id}` },
      ]);
    }
    const previous = others.find((a) => a.status === 'approved' && !a.archived_at);
    value = {
      ...value,
      intendedPurpose: input.intendedPurpose ?? previous?.intended_purpose ?? system.purpose,
      contextOfUse: input.contextOfUse ?? previous?.context_of_use ?? system.intendedUse,
      foreseeableMisuse: input.foreseeableMisuse ?? previous?.foreseeable_misuse ?? system.foreseeableMisuse,
      supersedesId: previous?.id ?? null,
    };
  }
  return { value: { ...value, basis: basisOf(system) }, errors };
}

export const impactAssessmentRegister: RegisterDefinition<
  'impact_assessments',
  AssessmentInput,
  ImpactAssessment,
  AssessmentContext
> = {
  table: 'impact_assessments',
  entityType: 'impact_assessment',
  noun: 'impact assessment',
  context: assessmentContext,
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToInput);
  },
  toColumns,
  present: presentAssessments,
  prepare: (tx, orgId, input, ctx) => prepare(tx, orgId, input, ctx),
  editBlocked(row) {
    if (row.archived_at) return 'This impact assessment is archived; restore it before editing.';
    if (row.status === 'approved') {
      return 'This impact assessment is approved and stays as approved; start a reassessment to change it.';
    }
    if (row.status === 'superseded') return 'This impact assessment was superseded by a later one and is kept as history.';
    return null;
  },
  list: {
    sorts: {
      updatedAt: { expression: (eb) => eb.ref('impact_assessments.updated_at'), value: (r) => r.updated_at },
      createdAt: { expression: (eb) => eb.ref('impact_assessments.created_at'), value: (r) => r.created_at },
    },
    defaultSort: '-updatedAt',
    filter(query, q) {
      let out = query;
      if (typeof q.aiSystemId === 'string') out = out.where('ai_system_id', '=', q.aiSystemId);
      if (typeof q.status === 'string') out = out.where('status', '=', q.status as Row<'impact_assessments'>['status']);
      else if (q.includeSuperseded !== true) out = out.where('status', '!=', 'superseded');
      return out;
    },
  },
};
