// The editor's sections in the order of the questions a certification body
// asks about scope, then the context it rests on (4.2, 4.1). A check or a
// field error is shown with the section whose fields it names.

export interface ScopeSection {
  id: string;
  title: string;
  fields: string[];
}

export const SCOPE_SECTIONS: ScopeSection[] = [
  { id: 'scope-boundary', title: 'Boundary of the AI management system', fields: ['boundaryStatement'] },
  { id: 'scope-ai-systems', title: 'Which AI systems are covered?', fields: ['aiSystems'] },
  {
    id: 'scope-products',
    title: 'Which products, services, departments and sites are included?',
    fields: ['productsAndServices', 'departments', 'siteIds'],
  },
  { id: 'scope-internal-tools', title: 'Are internal AI tools included?', fields: ['internalAiTools'] },
  { id: 'scope-customer-facing', title: 'Are customer-facing AI features included?', fields: ['customerFacingAiFeatures'] },
  { id: 'scope-third-party', title: 'Are third-party AI systems and vendors included?', fields: ['thirdPartyAiSystems'] },
  { id: 'scope-countries', title: 'Which countries or business units are covered?', fields: ['countriesOrBusinessUnits'] },
  { id: 'scope-exclusions', title: 'What is outside the scope, and why?', fields: ['exclusions'] },
  { id: 'scope-parties', title: 'Interested parties and their requirements (4.2)', fields: ['interestedParties'] },
  { id: 'scope-issues', title: 'Internal and external issues (4.1)', fields: ['issues'] },
];

/** The section a check's or error's field path ("exclusions.0.justification") belongs to. */
export function sectionOf(field: string): ScopeSection | undefined {
  const top = field.replace(/^content\./, '').split('.')[0];
  return SCOPE_SECTIONS.find((s) => s.fields.includes(top));
}

export const FIELD_LABELS: Record<string, string> = {
  boundaryStatement: 'Boundary statement',
  aiSystems: 'AI systems',
  productsAndServices: 'Products and services',
  departments: 'Departments and teams',
  siteIds: 'Sites',
  'internalAiTools.included': 'Internal AI tools',
  'internalAiTools.notes': 'Internal AI tools: notes',
  'customerFacingAiFeatures.included': 'Customer-facing AI features',
  'customerFacingAiFeatures.notes': 'Customer-facing AI features: notes',
  'thirdPartyAiSystems.included': 'Third-party AI systems',
  'thirdPartyAiSystems.notes': 'Third-party AI systems: notes',
  'thirdPartyAiSystems.vendors': 'Third-party vendors',
  countriesOrBusinessUnits: 'Countries and business units',
  exclusions: 'Exclusions',
  interestedParties: 'Interested parties',
  issues: 'Internal and external issues',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
