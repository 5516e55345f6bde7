// The 14 steps of the certification journey as the home page reports them.
// The ids are the web app's step slugs (web/src/app/journey/steps.ts; a test
// keeps the two lists equal).

export const JOURNEY_STEPS = [
  { id: 'scope', title: 'Define scope' },
  { id: 'gap-assessment', title: 'Gap assessment' },
  { id: 'ai-system-inventory', title: 'AI system inventory' },
  { id: 'documentation', title: 'Documentation' },
  { id: 'controls', title: 'Implement controls' },
  { id: 'training', title: 'Train teams' },
  { id: 'internal-audit', title: 'Internal audit' },
  { id: 'management-review', title: 'Management review' },
  { id: 'certification-body', title: 'Choose certification body' },
  { id: 'stage-1-audit', title: 'Stage 1 audit' },
  { id: 'stage-2-audit', title: 'Stage 2 audit' },
  { id: 'corrective-actions', title: 'Corrective actions' },
  { id: 'certification-decision', title: 'Certification decision' },
  { id: 'surveillance', title: 'Surveillance' },
] as const;

export type StepId = (typeof JOURNEY_STEPS)[number]['id'];
