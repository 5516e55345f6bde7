import { type OwnerDraft, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import type { AssessmentPatch, ImpactAssessment, ImpactScales } from '../hooks/useImpactAssessments';
import type { ImpactCategory } from '../labels';

// The wizard's working copy of an assessment: plain form state, turned into
// the API's body on save.

export interface ImpactDraft {
  /** React key; the server's id once saved */
  key: string;
  id?: string;
  category: ImpactCategory;
  label: string;
  description: string;
  likelihood: number | null;
  severity: number | null;
  mitigations: string;
  residualLikelihood: number | null;
  residualSeverity: number | null;
}

export interface AssessmentDraft {
  aiSystemId: string | null;
  intendedPurpose: string;
  contextOfUse: string;
  affectedIndividuals: string[];
  affectedGroups: string[];
  affectedSocieties: string[];
  impacts: ImpactDraft[];
  foreseeableMisuse: string;
  assessor: OwnerDraft;
  nextReviewDate: string;
}

let counter = 0;
const newKey = () => `new-${++counter}`;

export const emptyImpact = (): ImpactDraft => ({
  key: newKey(),
  category: 'fairness',
  label: '',
  description: '',
  likelihood: null,
  severity: null,
  mitigations: '',
  residualLikelihood: null,
  residualSeverity: null,
});

export function emptyDraft(aiSystemId: string | null, assessor: OwnerDraft): AssessmentDraft {
  return {
    aiSystemId,
    intendedPurpose: '',
    contextOfUse: '',
    affectedIndividuals: [],
    affectedGroups: [],
    affectedSocieties: [],
    impacts: [],
    foreseeableMisuse: '',
    assessor,
    nextReviewDate: '',
  };
}

/** The working copy of a stored assessment (a draft to edit, or an approved one a reassessment starts from). */
export function draftOf(a: ImpactAssessment): AssessmentDraft {
  return {
    aiSystemId: a.aiSystemId,
    intendedPurpose: a.intendedPurpose,
    contextOfUse: a.contextOfUse,
    affectedIndividuals: a.affectedIndividuals,
    affectedGroups: a.affectedGroups,
    affectedSocieties: a.affectedSocieties,
    impacts: a.impacts.map((i) => ({
      key: i.id,
      id: i.id,
      category: i.category,
      label: i.label,
      description: i.description,
      likelihood: i.likelihood,
      severity: i.severity,
      mitigations: i.mitigations,
      residualLikelihood: i.residualLikelihood,
      residualSeverity: i.residualSeverity,
    })),
    foreseeableMisuse: a.foreseeableMisuse,
    assessor: toOwnerDraft(a.assessor),
    nextReviewDate: a.nextReviewDate ?? '',
  };
}

/** The API body of the working copy (all fields but the AI system, which a create adds). */
export function bodyOf(d: AssessmentDraft): Required<AssessmentPatch> {
  return {
    intendedPurpose: d.intendedPurpose,
    contextOfUse: d.contextOfUse,
    affectedIndividuals: d.affectedIndividuals,
    affectedGroups: d.affectedGroups,
    affectedSocieties: d.affectedSocieties,
    impacts: d.impacts.map(({ key: _key, id, ...i }) => ({ ...(id ? { id } : {}), ...i, label: i.label.trim() })),
    foreseeableMisuse: d.foreseeableMisuse,
    assessor: toOwnerInput(d.assessor),
    nextReviewDate: d.nextReviewDate || null,
  };
}

export interface Level {
  id: string;
  name: string;
  aboveThreshold: boolean;
}

/** The method's level of a pair, null while either is unset. */
export function levelOf(scales: ImpactScales | undefined, l: number | null, s: number | null): Level | null {
  if (!scales || l === null || s === null) return null;
  const id = scales.matrix[l - 1]?.[s - 1];
  return scales.levels.find((x) => x.id === id) ?? null;
}

/** Impact rows whose residual level is above the acceptance threshold: each raises a risk on approval. */
export function aboveThreshold(scales: ImpactScales | undefined, impacts: ImpactDraft[]): ImpactDraft[] {
  return impacts.filter((i) => levelOf(scales, i.residualLikelihood, i.residualSeverity)?.aboveThreshold);
}
