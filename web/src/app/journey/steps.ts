// The 14 steps of the certification journey, in the order an organization
// walks them (scope first, surveillance last), each with the page that does it.

export interface JourneyStep {
  number: number;
  slug: string;
  title: string;
  /** what the step is about, in a sentence */
  summary: string;
  /** the record the step produces */
  output: string;
  /** the step's page, under /orgs/:orgId/ */
  path: string;
}

export const JOURNEY_STEPS: JourneyStep[] = [
  {
    number: 1,
    slug: 'scope',
    title: 'Define scope',
    summary:
      'Decide which AI systems, products, services, departments and sites the AI management system covers, and what is outside it.',
    output: 'Approved scope statement',
    path: 'scope',
  },
  {
    number: 2,
    slug: 'gap-assessment',
    title: 'Gap assessment',
    summary: 'Compare current AI governance practice against the requirements of ISO/IEC 42001.',
    output: 'Gap report and action plan',
    path: 'gap-assessment',
  },
  {
    number: 3,
    slug: 'ai-system-inventory',
    title: 'AI system inventory',
    summary: 'List the AI systems in scope with owners, purpose, data used, suppliers, risk level and monitoring.',
    output: 'AI system inventory',
    path: 'inventory',
  },
  {
    number: 4,
    slug: 'documentation',
    title: 'Documentation',
    summary: 'Write the AI policy, objectives, risk method, controls and the records the standard requires.',
    output: 'AIMS documents',
    path: 'documents',
  },
  {
    number: 5,
    slug: 'controls',
    title: 'Implement controls',
    summary: 'Put AI governance controls into practice and keep the evidence that they work.',
    output: 'Operational evidence',
    path: 'evidence/coverage',
  },
  {
    number: 6,
    slug: 'training',
    title: 'Train teams',
    summary: 'Make sure the teams involved know the scope, the AI policy, how to report risks and what evidence to keep.',
    output: 'Training records',
    path: 'training',
  },
  {
    number: 7,
    slug: 'internal-audit',
    title: 'Internal audit',
    summary: 'Check whether the AI management system is implemented and ready for the external audit.',
    output: 'Internal audit report',
    path: 'internal-audits',
  },
  {
    number: 8,
    slug: 'management-review',
    title: 'Management review',
    summary: 'Leadership reviews performance, risks, resources and improvements of the AI management system.',
    output: 'Management review minutes',
    path: 'management-reviews',
  },
  {
    number: 9,
    slug: 'certification-body',
    title: 'Choose certification body',
    summary: 'Choose the certification body and check accreditation, certificate verification and audit timeline.',
    output: 'Chosen certification route',
    path: 'certification-bodies',
  },
  {
    number: 10,
    slug: 'stage-1-audit',
    title: 'Stage 1 audit',
    summary: 'The certification body reviews readiness and documentation before the main audit.',
    output: 'Stage 1 audit report',
    path: 'certification-audits',
  },
  {
    number: 11,
    slug: 'stage-2-audit',
    title: 'Stage 2 audit',
    summary: 'The main certification audit: interviews, document review, evidence sampling and process testing.',
    output: 'Stage 2 audit report',
    path: 'certification-audits',
  },
  {
    number: 12,
    slug: 'corrective-actions',
    title: 'Corrective actions',
    summary: 'Review each nonconformity found, identify its cause, correct it and show evidence that it is addressed.',
    output: 'Accepted corrective actions',
    path: 'nonconformities',
  },
  {
    number: 13,
    slug: 'certification-decision',
    title: 'Certification decision',
    summary: 'The certification body reviews the audit results and decides whether to issue the certificate.',
    output: 'Certificate',
    path: 'certificates',
  },
  {
    number: 14,
    slug: 'surveillance',
    title: 'Surveillance',
    summary: 'Keep the AI management system working and improving through the surveillance audits of the certification cycle.',
    output: 'Surveillance audit reports',
    path: 'surveillance',
  },
];

export function stepPath(orgId: string, step: JourneyStep): string {
  return `/orgs/${orgId}/${step.path}`;
}
