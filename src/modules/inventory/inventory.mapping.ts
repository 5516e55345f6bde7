import { fold } from '../../platform/text.js';
import type { Row } from '../../platform/db/tables.js';
import type { AiSystemInput, Owner } from './inventory.schemas.js';

// Row <-> API shape of an AI system, written once for the service, the
// imports and the exports.

const json = <T>(s: string): T => JSON.parse(s) as T;

function owner(userId: string | null, name: string | null): Owner | null {
  return userId || name ? { userId, name: name ?? '' } : null;
}

export function rowToInput(r: Row<'ai_systems'>, suppliers: { supplierId: string; dependency: string }[]): AiSystemInput {
  return {
    externalId: r.external_id,
    name: r.name,
    kind: r.kind as AiSystemInput['kind'],
    businessOwner: owner(r.business_owner_user_id, r.business_owner_name),
    technicalOwner: owner(r.technical_owner_user_id, r.technical_owner_name),
    purpose: r.purpose,
    userImpact: json(r.user_impact),
    dataCategories: json(r.data_categories),
    dataSource: r.data_source,
    dataSensitivity: r.data_sensitivity as AiSystemInput['dataSensitivity'],
    suppliers: suppliers.map((s) => ({
      supplierId: s.supplierId,
      dependency: s.dependency as AiSystemInput['suppliers'][number]['dependency'],
    })),
    riskLevel: r.risk_level,
    monitoringMethod: r.monitoring_method,
    aiRole: r.ai_role as AiSystemInput['aiRole'],
    lifecycleStage: r.lifecycle_stage as AiSystemInput['lifecycleStage'],
    inScope: r.in_scope === null ? null : r.in_scope === 1,
    intendedUse: r.intended_use,
    foreseeableMisuse: r.foreseeable_misuse,
    humanOversight: r.human_oversight,
    deploymentDate: r.deployment_date,
    lastReviewDate: r.last_review_date,
    tags: json(r.tags),
  };
}

/** The stored columns of an input (supplier links live in their own table). */
export function inputToColumns(i: AiSystemInput) {
  return {
    external_id: i.externalId,
    name: i.name,
    name_key: fold(i.name),
    kind: i.kind,
    business_owner_user_id: i.businessOwner?.userId ?? null,
    business_owner_name: i.businessOwner?.name || null,
    technical_owner_user_id: i.technicalOwner?.userId ?? null,
    technical_owner_name: i.technicalOwner?.name || null,
    purpose: i.purpose,
    user_impact: JSON.stringify(i.userImpact),
    data_categories: JSON.stringify(i.dataCategories),
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
    tags: JSON.stringify(i.tags),
  };
}
