import type { Crosswalk, CrosswalkLink, CrosswalkTarget } from './catalogue.schemas.js';
import { DISCLAIMER } from './disclaimer.js';

// NIST AI RMF 1.0 categories -> ISO/IEC 42001. NIST publishes its own
// crosswalk at subcategory level; we follow its structure (functions and
// categories) but link at category level, with category names and rationales
// in our own words.

const TARGETS: CrosswalkTarget[] = [
  { id: 'GOVERN 1', title: 'AI risk policies, processes and procedures' },
  { id: 'GOVERN 2', title: 'Accountability, roles and training' },
  { id: 'GOVERN 3', title: 'Diverse teams in AI risk decisions' },
  { id: 'GOVERN 4', title: 'A culture that talks openly about AI risk' },
  { id: 'GOVERN 5', title: 'Engagement with external and affected parties' },
  { id: 'GOVERN 6', title: 'Third-party software, data and supply-chain risk' },
  { id: 'MAP 1', title: 'Context and intended purpose' },
  { id: 'MAP 2', title: 'Categorizing the AI system and its tasks' },
  { id: 'MAP 3', title: 'Capabilities, benefits and costs' },
  { id: 'MAP 4', title: 'Risks of components, including third-party ones' },
  { id: 'MAP 5', title: 'Impacts on people, groups and society' },
  { id: 'MEASURE 1', title: 'Choosing methods and metrics' },
  { id: 'MEASURE 2', title: 'Evaluating trustworthiness' },
  { id: 'MEASURE 3', title: 'Tracking risks over time' },
  { id: 'MEASURE 4', title: 'Checking that measurement works' },
  { id: 'MANAGE 1', title: 'Prioritizing and responding to risks' },
  { id: 'MANAGE 2', title: 'Increasing benefits and limiting harm' },
  { id: 'MANAGE 3', title: 'Managing third-party risk' },
  { id: 'MANAGE 4', title: 'Response, recovery and communication after deployment' },
];

const LINKS: CrosswalkLink[] = [
  // GOVERN
  { from: '5.2', to: 'GOVERN 1', rationale: 'The AI policy is where the AI risk practices of GOVERN 1 are set down.' },
  { from: 'A.2.2', to: 'GOVERN 1', rationale: 'A policy teams can apply is the basis for consistent risk practice.' },
  { from: '6.1.2', to: 'GOVERN 1', rationale: 'A written risk method is the core process GOVERN 1 expects.' },
  { from: '4.4', to: 'GOVERN 1', rationale: 'Connected AIMS processes are the governance structure itself.' },
  { from: '5.1', to: 'GOVERN 2', rationale: 'Executive accountability for AI is central to both.' },
  { from: '5.3', to: 'GOVERN 2', rationale: 'Named roles and authorities for AI governance.' },
  { from: 'A.3.2', to: 'GOVERN 2', rationale: 'AI-specific duties assigned across the life cycle.' },
  { from: '7.2', to: 'GOVERN 2', rationale: 'Competence and training of people doing AI work.' },
  {
    from: 'A.4.6',
    to: 'GOVERN 3',
    rationale: 'Recording the people and skills each system needs shows who takes part in decisions.',
  },
  { from: '7.1', to: 'GOVERN 3', rationale: 'Staffing AI governance with the right mix of people is a resource decision.' },
  { from: '7.3', to: 'GOVERN 4', rationale: 'Staff who know the AI policy and their part in AI risk.' },
  { from: 'A.3.3', to: 'GOVERN 4', rationale: 'A safe channel for concerns is a sign of an open risk culture.' },
  { from: '7.4', to: 'GOVERN 4', rationale: 'Planned communication keeps AI risk visible inside the company.' },
  { from: '4.2', to: 'GOVERN 5', rationale: 'Knowing interested parties is the start of engaging them.' },
  { from: 'A.8.3', to: 'GOVERN 5', rationale: 'Outside parties can report problems back.' },
  { from: 'A.8.5', to: 'GOVERN 5', rationale: 'Information owed to outside parties is delivered.' },
  { from: 'A.10.3', to: 'GOVERN 6', rationale: 'AI vendor reviews cover third-party models, data and services.' },
  { from: 'A.10.2', to: 'GOVERN 6', rationale: 'Duties are split clearly along the AI supply chain.' },
  { from: 'A.7.3', to: 'GOVERN 6', rationale: 'Third-party data is acquired on known terms.' },
  // MAP
  { from: '4.1', to: 'MAP 1', rationale: 'Business context and AI roles frame each system.' },
  { from: 'A.9.4', to: 'MAP 1', rationale: 'Intended use is recorded for each system.' },
  { from: 'A.6.2.2', to: 'MAP 1', rationale: 'Requirements state purpose, limits and operating context.' },
  { from: 'A.4.2', to: 'MAP 2', rationale: 'Documented resources describe what the system is built from.' },
  { from: 'A.6.2.3', to: 'MAP 2', rationale: 'Design records explain the chosen method and its known limits.' },
  { from: '6.2', to: 'MAP 3', rationale: 'AI objectives state the benefits the company is after.' },
  { from: 'A.6.1.2', to: 'MAP 3', rationale: 'Responsible-development objectives weigh benefits against harms.' },
  { from: 'A.9.3', to: 'MAP 3', rationale: 'Responsible-use objectives frame expected use.' },
  { from: '8.2', to: 'MAP 4', rationale: 'Risk assessments of each system, including its components.' },
  { from: 'A.4.4', to: 'MAP 4', rationale: 'Known tooling makes component risks visible.' },
  { from: 'A.10.3', to: 'MAP 4', rationale: 'Vendor reviews bring third-party component risk into view.' },
  { from: '6.1.4', to: 'MAP 5', rationale: 'An impact assessment method covering people and society.' },
  { from: '8.4', to: 'MAP 5', rationale: 'Impact assessments carried out per system.' },
  { from: 'A.5.4', to: 'MAP 5', rationale: 'Effects on individuals and groups.' },
  { from: 'A.5.5', to: 'MAP 5', rationale: 'Wider effects on society.' },
  // MEASURE
  { from: '9.1', to: 'MEASURE 1', rationale: 'Deciding what to measure, how and how often.' },
  { from: 'A.6.2.4', to: 'MEASURE 1', rationale: 'Evaluation sets and pass criteria are chosen per system.' },
  { from: 'A.6.2.4', to: 'MEASURE 2', rationale: 'Testing before release checks the system against its requirements.' },
  { from: 'A.7.4', to: 'MEASURE 2', rationale: 'Data quality checks underpin trustworthy results.' },
  { from: 'A.5.4', to: 'MEASURE 2', rationale: 'Fairness and privacy effects are tested, not assumed.' },
  { from: 'A.6.2.6', to: 'MEASURE 3', rationale: 'Production monitoring tracks drift and emerging risk.' },
  { from: '8.2', to: 'MEASURE 3', rationale: 'Reassessment after changes keeps risk ratings current.' },
  { from: 'A.8.3', to: 'MEASURE 3', rationale: 'Outside reports reveal risks the metrics miss.' },
  { from: '9.3.2', to: 'MEASURE 4', rationale: 'Leadership reviews whether the metrics tell them enough.' },
  { from: '9.2.2', to: 'MEASURE 4', rationale: 'Audits test whether monitoring works as intended.' },
  // MANAGE
  { from: '6.1.3', to: 'MANAGE 1', rationale: 'Each risk gets a treatment decision and an owner.' },
  { from: '8.3', to: 'MANAGE 1', rationale: 'Treatments are carried out and checked.' },
  { from: '6.1.3', to: 'MANAGE 2', rationale: 'Choosing controls is how harm is limited while keeping the benefit.' },
  { from: 'A.6.2.5', to: 'MANAGE 2', rationale: 'Release approval and rollback limit harm at deployment.' },
  { from: 'A.9.2', to: 'MANAGE 2', rationale: 'Responsible-use rules steer how the system is used.' },
  { from: 'A.10.3', to: 'MANAGE 3', rationale: 'AI vendors are reviewed and re-reviewed.' },
  { from: 'A.10.2', to: 'MANAGE 3', rationale: 'Responsibilities with vendors are agreed in writing.' },
  { from: 'A.6.2.6', to: 'MANAGE 4', rationale: 'Monitoring after deployment leads to action.' },
  { from: 'A.8.4', to: 'MANAGE 4', rationale: 'Incidents are communicated to those affected.' },
  { from: '10.2', to: 'MANAGE 4', rationale: 'Corrective action closes the loop after an incident.' },
  { from: '10.1', to: 'MANAGE 4', rationale: 'Lessons feed continual improvement.' },
];

export const CROSSWALK_NIST_AI_RMF: Crosswalk = {
  id: 'nist-ai-rmf-1.0',
  title: 'NIST AI RMF 1.0 to ISO/IEC 42001',
  source: 'NIST AI Risk Management Framework 1.0',
  disclaimer: `${DISCLAIMER}. It follows the structure of NIST's public AI RMF to ISO/IEC 42001 crosswalk (functions and categories), but the links are drawn at category level and the category names and rationales are OpenAIMS's own words.`,
  targets: TARGETS,
  links: LINKS,
};
