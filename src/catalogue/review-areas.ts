import type { ReviewArea } from './catalogue.schemas.js';

// The twelve areas a gap assessment reports on, in the order a reviewer walks
// them. Titles follow the seed's list; each requirement rolls up into one or
// more of them (see reviewAreas on each entry).

export const REVIEW_AREAS: ReviewArea[] = [
  {
    id: 'policy-objectives',
    title: 'AI policy and objectives',
    description: 'An approved AI policy that teams can apply, and measurable AI objectives someone owns.',
  },
  {
    id: 'inventory',
    title: 'AI system inventory',
    description: 'Every AI system in scope is listed with owners, purpose, data, resources and intended use.',
  },
  {
    id: 'risk-assessment',
    title: 'AI risk assessment process',
    description:
      'A repeatable AI risk and impact method, applied to each system, with treatments and a Statement of Applicability.',
  },
  {
    id: 'roles',
    title: 'AI roles and responsibilities',
    description: 'Named people own AI governance, are competent for it, have the time for it and know how to raise concerns.',
  },
  {
    id: 'lifecycle',
    title: 'AI life-cycle controls',
    description: 'AI systems pass defined gates from requirements through testing, release, operation and change.',
  },
  {
    id: 'data-governance',
    title: 'Data governance',
    description: 'Data used by AI systems has a known source, the right to use it, checked quality and traceable preparation.',
  },
  {
    id: 'monitoring',
    title: 'Model or system monitoring',
    description: 'AI systems and the AIMS itself are measured in operation, and the results lead to action.',
  },
  {
    id: 'suppliers',
    title: 'Supplier and vendor controls',
    description: 'AI vendors are reviewed for AI-specific risks, and responsibilities with vendors and customers are clear.',
  },
  {
    id: 'incidents',
    title: 'Incident handling',
    description: 'AI incidents and concerns are reported, handled, communicated and learned from.',
  },
  {
    id: 'internal-audit',
    title: 'Internal audit readiness',
    description: 'An internal audit programme covers the AIMS and its findings are followed up.',
  },
  {
    id: 'management-review',
    title: 'Management review readiness',
    description: 'Leadership reviews the AIMS with real inputs and its decisions are tracked to done.',
  },
  {
    id: 'audit-evidence',
    title: 'Evidence available for external audit',
    description: 'The documents and records an auditor samples exist, are current and can be found quickly.',
  },
];
