import { newKey } from '../../../shared/keys';
import { DEPENDENCY_LABELS } from '../../suppliers';
import type { AiSystem, AiSystemInput } from '../hooks/useAiSystems';
import type { AiRole, AiSystemKind, DataSensitivity, Dependency, LifecycleStage, UserImpact } from '../labels';
import { type OwnerDraft, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';

// An AI system as the form edits it: strings where the user types, a client
// key per supplier row. toAiSystemInput turns it back into the API body.

export interface SupplierLinkDraft {
  key: string;
  supplierId: string | null;
  /** the supplier's name when the record was loaded, so the picker can show it before the list arrives */
  name: string;
  dependency: Dependency;
}

export interface AiSystemDraft {
  name: string;
  businessOwner: OwnerDraft;
  technicalOwner: OwnerDraft;
  purpose: string;
  userImpact: UserImpact[];
  dataCategories: string[];
  dataSource: string;
  dataSensitivity: DataSensitivity | null;
  suppliers: SupplierLinkDraft[];
  riskLevel: string | null;
  monitoringMethod: string;
  kind: AiSystemKind | null;
  aiRole: AiRole | null;
  lifecycleStage: LifecycleStage | null;
  inScope: 'yes' | 'no' | 'undecided';
  intendedUse: string;
  foreseeableMisuse: string;
  humanOversight: string;
  deploymentDate: string;
  lastReviewDate: string;
  tags: string[];
  externalId: string;
}

export const emptySupplierLink = (): SupplierLinkDraft => ({ key: newKey(), supplierId: null, name: '', dependency: 'api' });

export function toAiSystemDraft(s: AiSystem | null): AiSystemDraft {
  return {
    name: s?.name ?? '',
    businessOwner: toOwnerDraft(s?.businessOwner),
    technicalOwner: toOwnerDraft(s?.technicalOwner),
    purpose: s?.purpose ?? '',
    userImpact: (s?.userImpact ?? []) as UserImpact[],
    dataCategories: s?.dataCategories ?? [],
    dataSource: s?.dataSource ?? '',
    dataSensitivity: (s?.dataSensitivity ?? null) as DataSensitivity | null,
    suppliers: (s?.suppliers ?? []).map((l) => ({
      key: newKey(),
      supplierId: l.supplierId,
      name: l.name,
      dependency: l.dependency as Dependency,
    })),
    riskLevel: s?.riskLevel ?? null,
    monitoringMethod: s?.monitoringMethod ?? '',
    kind: (s?.kind ?? null) as AiSystemKind | null,
    aiRole: (s?.aiRole ?? null) as AiRole | null,
    lifecycleStage: (s?.lifecycleStage ?? null) as LifecycleStage | null,
    inScope: s?.inScope === true ? 'yes' : s?.inScope === false ? 'no' : 'undecided',
    intendedUse: s?.intendedUse ?? '',
    foreseeableMisuse: s?.foreseeableMisuse ?? '',
    humanOversight: s?.humanOversight ?? '',
    deploymentDate: s?.deploymentDate ?? '',
    lastReviewDate: s?.lastReviewDate ?? '',
    tags: s?.tags ?? [],
    externalId: s?.externalId ?? '',
  };
}

/** Errors the form finds before asking the server, keyed like the server's. */
export function localErrors(d: AiSystemDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.name.trim()) out.name = 'Give the AI system a name.';
  d.suppliers.forEach((s, i) => {
    if (!s.supplierId) out[`suppliers.${i}.supplierId`] = 'Choose a supplier, or remove this row.';
  });
  return out;
}

export function toAiSystemInput(d: AiSystemDraft): AiSystemInput {
  return {
    name: d.name.trim(),
    businessOwner: toOwnerInput(d.businessOwner),
    technicalOwner: toOwnerInput(d.technicalOwner),
    purpose: d.purpose.trim(),
    userImpact: d.userImpact,
    dataCategories: d.dataCategories.map((c) => c.trim()).filter(Boolean),
    dataSource: d.dataSource.trim(),
    dataSensitivity: d.dataSensitivity,
    suppliers: d.suppliers
      .filter((s): s is SupplierLinkDraft & { supplierId: string } => !!s.supplierId)
      .map((s) => ({ supplierId: s.supplierId, dependency: s.dependency })),
    riskLevel: d.riskLevel,
    monitoringMethod: d.monitoringMethod.trim(),
    kind: d.kind,
    aiRole: d.aiRole,
    lifecycleStage: d.lifecycleStage,
    inScope: d.inScope === 'yes' ? true : d.inScope === 'no' ? false : null,
    intendedUse: d.intendedUse.trim(),
    foreseeableMisuse: d.foreseeableMisuse.trim(),
    humanOversight: d.humanOversight.trim(),
    deploymentDate: d.deploymentDate || null,
    lastReviewDate: d.lastReviewDate || null,
    tags: d.tags.map((t) => t.trim()).filter(Boolean),
    externalId: d.externalId.trim() || null,
  };
}

const ownerText = (o: OwnerDraft) => (o.name.trim() ? `${o.name.trim()}${o.email.trim() ? ` <${o.email.trim()}>` : ''}` : null);

/**
 * The values the conflict dialog compares, field by field: what the API
 * stores, with people and suppliers by name rather than by id.
 */
export function conflictView(d: AiSystemDraft): Record<string, unknown> {
  return {
    ...toAiSystemInput(d),
    businessOwner: ownerText(d.businessOwner),
    technicalOwner: ownerText(d.technicalOwner),
    suppliers: d.suppliers
      .filter((s) => s.supplierId)
      .map((s) => `${s.name || s.supplierId} (${DEPENDENCY_LABELS[s.dependency]})`),
  };
}
