import type { Requirement } from './hooks/useCatalogue';

// The catalogue's own order: clauses 4 … 10, then Annex A objectives A.2 … A.10.

export interface RequirementGroup {
  /** '4' … '10' or 'A.2' … 'A.10' */
  id: string;
  title: string;
  kind: Requirement['kind'];
  requirements: Requirement[];
}

export function groupRequirements(requirements: Requirement[]): RequirementGroup[] {
  const groups: RequirementGroup[] = [];
  for (const r of requirements) {
    let g = groups.find((x) => x.id === r.group);
    if (!g) {
      g = { id: r.group, title: r.groupTitle, kind: r.kind, requirements: [] };
      groups.push(g);
    }
    g.requirements.push(r);
  }
  return groups;
}

/** "Clause 4" or "A.6", as a reader names the group. */
export function groupLabel(g: { id: string; kind: Requirement['kind'] }): string {
  return g.kind === 'clause' ? `Clause ${g.id}` : g.id;
}

/** Where a requirement's evidence lives in OpenAIMS. */
export const MODULE_LABELS: Record<Requirement['module'], string> = {
  scope: 'Scope',
  'gap-assessment': 'Gap assessment',
  inventory: 'AI system inventory',
  suppliers: 'Suppliers',
  risk: 'Risk register',
  'impact-assessment': 'Impact assessments',
  soa: 'Statement of Applicability',
  objectives: 'AI objectives',
  policies: 'Policies',
  documents: 'Documents',
  roles: 'Roles and responsibilities',
  training: 'Training',
  monitoring: 'Monitoring',
  incidents: 'Incidents',
  'internal-audit': 'Internal audit',
  'management-review': 'Management review',
  nonconformity: 'Nonconformities',
  certification: 'Certification',
};
