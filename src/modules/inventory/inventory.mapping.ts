import { fold } from '../../platform/text.js';
import type { Row } from '../../platform/db/tables.js';
import { personColumns, toPerson } from '../../platform/refs/index.js';
import { missingMask } from './inventory.rules.js';
import type { AiSystemInput } from './inventory.schemas.js';
import { stringListColumn, userImpactColumn } from './inventory.tables.js';

const prefixed = <P extends string>(prefix: P, cols: ReturnType<typeof personColumns>) =>
  ({
    [`${prefix}user_id`]: cols.user_id,
    [`${prefix}name`]: cols.name,
    [`${prefix}email`]: cols.email,
  }) as { [K in keyof typeof cols as `${P}${K}`]: (typeof cols)[K] };

// Row <-> API shape of an AI system, written once for the service, the
// imports and the exports.

export function rowToInput(
  r: Row<'ai_systems'>,
  suppliers: { supplierId: string; dependency: Row<'ai_system_suppliers'>['dependency'] }[],
): AiSystemInput {
  return {
    externalId: r.external_id,
    name: r.name,
    kind: r.kind,
    businessOwner: toPerson(r.business_owner_user_id, r.business_owner_name, r.business_owner_email),
    technicalOwner: toPerson(r.technical_owner_user_id, r.technical_owner_name, r.technical_owner_email),
    purpose: r.purpose,
    userImpact: userImpactColumn.read(r.user_impact),
    dataCategories: stringListColumn.read(r.data_categories),
    dataSource: r.data_source,
    dataSensitivity: r.data_sensitivity,
    suppliers: suppliers.map((s) => ({ supplierId: s.supplierId, dependency: s.dependency })),
    riskLevel: r.risk_level,
    monitoringMethod: r.monitoring_method,
    aiRole: r.ai_role,
    lifecycleStage: r.lifecycle_stage,
    inScope: r.in_scope === null ? null : r.in_scope === 1,
    intendedUse: r.intended_use,
    foreseeableMisuse: r.foreseeable_misuse,
    humanOversight: r.human_oversight,
    deploymentDate: r.deployment_date,
    lastReviewDate: r.last_review_date,
    tags: stringListColumn.read(r.tags),
  };
}

/** The stored columns of an input (supplier links live in their own table). */
export function inputToColumns(i: AiSystemInput) {
  const nameKey = fold(i.name);
  return {
    external_id: i.externalId,
    name: i.name,
    name_key: nameKey,
    missing_mask: missingMask(i),
    kind: i.kind,
    ...prefixed('business_owner_', personColumns(i.businessOwner)),
    ...prefixed('technical_owner_', personColumns(i.technicalOwner)),
    purpose: i.purpose,
    user_impact: userImpactColumn.write(i.userImpact),
    data_categories: stringListColumn.write(i.dataCategories),
    data_source: i.dataSource,
    data_sensitivity: i.dataSensitivity,
    risk_level: i.riskLevel,
    monitoring_method: i.monitoringMethod,
    ai_role: i.aiRole,
    lifecycle_stage: i.lifecycleStage,
    in_scope: i.inScope === null ? null : i.inScope ? 1 : 0,
    intended_use: i.intendedUse,
    foreseeable_misuse: i.foreseeableMisuse,
    human_oversight: i.humanOversight,
    deployment_date: i.deploymentDate,
    last_review_date: i.lastReviewDate,
    tags: stringListColumn.write(i.tags),
  };
}
