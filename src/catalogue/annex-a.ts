import type { Requirement, RequirementEntry } from './catalogue.schemas.js';

// The 38 Annex A controls of ISO/IEC 42001 in their 9 control objectives
// (A.2 to A.10; A.6 splits into A.6.1 and A.6.2). Ids and short titles are the
// standard's; intent, questions and evidence are OpenAIMS's own words.

export const ANNEX_A_GROUPS: readonly { id: string; title: string }[] = [
  { id: 'A.2', title: 'Policies related to AI' },
  { id: 'A.3', title: 'Internal organization' },
  { id: 'A.4', title: 'Resources for AI systems' },
  { id: 'A.5', title: 'Assessing impacts of AI systems' },
  { id: 'A.6', title: 'AI system life cycle' },
  { id: 'A.7', title: 'Data for AI systems' },
  { id: 'A.8', title: 'Information for interested parties of AI systems' },
  { id: 'A.9', title: 'Use of AI systems' },
  { id: 'A.10', title: 'Third-party and customer relationships' },
];

export const ANNEX_A_SUBGROUPS: readonly { id: string; title: string }[] = [
  { id: 'A.6.1', title: 'Management guidance for AI system development' },
  { id: 'A.6.2', title: 'AI system life cycle' },
];

const ENTRIES: RequirementEntry[] = [
  // A.2 Policies related to AI
  {
    id: 'A.2.2',
    title: 'AI policy',
    intent:
      'Make the AI policy a working tool: tied to business strategy and risk appetite, and concrete enough that a team can tell whether a planned AI use fits it.',
    questions: [
      'Could a product manager tell from the policy whether a proposed AI feature is allowed?',
      'Does the policy reflect the company’s risk appetite and its AI roles?',
    ],
    evidence: ['Approved AI policy', 'Decisions or tickets that cite the policy'],
    module: 'policies',
    documentedInformation: ['The documented AI policy'],
    reviewAreas: ['policy-objectives'],
  },
  {
    id: 'A.2.3',
    title: 'Alignment with other organizational policies',
    intent:
      'Make the AI policy fit with existing policies (security, privacy, HR, procurement) and update those where AI changes what they say.',
    questions: [
      'Which existing policies touch AI: security, privacy, acceptable use, procurement?',
      'Have conflicts or gaps between them and the AI policy been resolved?',
    ],
    evidence: ['Notes of the policy alignment review', 'Cross-references added to related policies'],
    module: 'policies',
    documentedInformation: [],
    reviewAreas: ['policy-objectives'],
  },
  {
    id: 'A.2.4',
    title: 'Review of the AI policy',
    intent: 'Review the AI policy on a schedule and after big changes, so it stays right for the company.',
    questions: [
      'When was the AI policy last reviewed, and by whom?',
      'What triggers a review outside the schedule, such as a new regulation or a new AI product?',
    ],
    evidence: ['Review history of the policy', 'Management review item on the policy'],
    module: 'policies',
    documentedInformation: [],
    reviewAreas: ['policy-objectives', 'management-review'],
  },
  // A.3 Internal organization
  {
    id: 'A.3.2',
    title: 'AI roles and responsibilities',
    intent:
      'Define and assign the AI-specific duties across the life cycle: risk review, approval of use, data stewardship, human oversight and incident response.',
    questions: [
      'Who approves new AI use cases, and who reviews their risks?',
      'Are data, privacy, security and legal responsibilities for AI clear?',
      'Do the people holding these roles know and accept them?',
    ],
    evidence: ['AI roles matrix', 'Named owners for each AI system'],
    module: 'roles',
    documentedInformation: [],
    reviewAreas: ['roles'],
  },
  {
    id: 'A.3.3',
    title: 'Reporting of concerns',
    intent:
      'Give staff a safe way to raise concerns about the company’s AI systems, without fear of retaliation, and follow each concern up.',
    questions: [
      'How can an employee raise a concern about an AI feature, anonymously if needed?',
      'Who receives concerns, and how fast are they handled?',
      'Have concerns been raised, and what happened to them?',
    ],
    evidence: ['Concern-reporting procedure and channel', 'Log of concerns received and their outcomes'],
    module: 'incidents',
    documentedInformation: [],
    reviewAreas: ['incidents', 'roles'],
  },
  // A.4 Resources for AI systems
  {
    id: 'A.4.2',
    title: 'Resource documentation',
    intent: 'For each AI system, know and record what it depends on: data, tools, computing and people.',
    questions: [
      'Does each inventory entry list the data, models, tools and infrastructure it uses?',
      'Can shared resources, such as one LLM API key or a common feature store, be traced to the systems that use them?',
    ],
    evidence: ['Inventory entries with resource fields completed', 'Architecture or dependency diagrams'],
    module: 'inventory',
    documentedInformation: ['A record of the resources each AI system depends on'],
    reviewAreas: ['inventory'],
  },
  {
    id: 'A.4.3',
    title: 'Data resources',
    intent: 'Record which data each AI system uses (sources, categories, sensitivity) as part of its resource picture.',
    questions: [
      'Which datasets does each AI system use for training, fine-tuning, evaluation and prompts?',
      'Is personal or customer data flagged as such?',
    ],
    evidence: ['Data inventory linked to AI systems', 'Datasheets for the main datasets'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['inventory', 'data-governance'],
  },
  {
    id: 'A.4.4',
    title: 'Tooling resources',
    intent:
      'Record the tools used to build and run each AI system (ML frameworks, labelling tools, evaluation suites, prompt management) and their versions.',
    questions: ['Which frameworks, libraries and platforms does each AI system rely on?', 'Who approves new AI tooling?'],
    evidence: ['Tooling list per AI system', 'Software or ML bill of materials'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['inventory', 'lifecycle'],
  },
  {
    id: 'A.4.5',
    title: 'System and computing resources',
    intent:
      'Record where each AI system runs and what computing it uses (cloud regions, GPUs, external model APIs), including capacity and cost limits.',
    questions: [
      'Where does each AI system run, and which external model endpoints does it call?',
      'Are capacity, rate limits and cost ceilings known?',
    ],
    evidence: ['Hosting and compute details in the inventory', 'Cloud or API usage reports'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['inventory'],
  },
  {
    id: 'A.4.6',
    title: 'Human resources',
    intent:
      'Record the people and skills each AI system needs across its life, such as ML engineers, reviewers and domain experts.',
    questions: [
      'Which roles and skills are needed to build, run and oversee each AI system?',
      'Does any critical AI system depend on one person with no backup?',
    ],
    evidence: ['Staffing per AI system', 'Skills matrix'],
    module: 'roles',
    documentedInformation: [],
    reviewAreas: ['roles', 'inventory'],
  },
  // A.5 Assessing impacts of AI systems
  {
    id: 'A.5.2',
    title: 'AI system impact assessment process',
    intent:
      'Make the impact assessment part of the product process: a trigger at feature intake, a template, a reviewer outside the building team, and a place where results are kept.',
    questions: [
      'Where in the product process is the impact assessment triggered?',
      'Who reviews assessments, and are they independent of the team building the feature?',
    ],
    evidence: ['Impact assessment procedure', 'Feature intake form or ticket template with the trigger'],
    module: 'impact-assessment',
    documentedInformation: [],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: 'A.5.3',
    title: 'Documentation of AI system impact assessments',
    intent: 'Keep impact assessment results on file for a set period and make them available to those who need them.',
    questions: [
      'Where are completed impact assessments stored, and for how long?',
      'Can you retrieve the assessment of a system retired last year?',
    ],
    evidence: ['Stored impact assessments with versions', 'Retention rule for assessments'],
    module: 'impact-assessment',
    documentedInformation: ['Impact assessment results, kept for a set period'],
    reviewAreas: ['risk-assessment', 'audit-evidence'],
  },
  {
    id: 'A.5.4',
    title: 'Assessing AI system impact on individuals or groups of individuals',
    intent:
      'Look at how an AI system could affect particular people or groups (fairness, privacy, safety, access to services), with extra care for vulnerable groups.',
    questions: [
      'Which groups could be treated differently by the system’s outputs?',
      'Were fairness and privacy effects tested, not only discussed?',
      'How can an affected person contest an outcome or get help?',
    ],
    evidence: ['Impact assessment sections on individuals and groups', 'Fairness or bias test results'],
    module: 'impact-assessment',
    documentedInformation: [],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: 'A.5.5',
    title: 'Assessing societal impacts of AI systems',
    intent:
      'Consider wider effects beyond individual users (environment, public trust, jobs, misleading content) in proportion to the system’s reach.',
    questions: [
      'Were broader effects such as energy use, job displacement or spread of misleading content considered?',
      'Is the depth of this analysis proportionate to how widely the system is used?',
    ],
    evidence: ['Societal impact section of the assessment', 'Decisions taken in response'],
    module: 'impact-assessment',
    documentedInformation: [],
    reviewAreas: ['risk-assessment'],
  },
  // A.6 AI system life cycle — A.6.1 Management guidance for AI system development
  {
    id: 'A.6.1.2',
    title: 'Objectives for responsible development of AI system',
    intent:
      'Set concrete goals for building AI responsibly (bias thresholds, explainability, human review points) and build them into how teams work.',
    questions: [
      'Which responsible-development objectives apply to the engineering teams?',
      'Where do they show up: requirements, definition of done, release gates?',
    ],
    evidence: ['Documented responsible-development objectives', 'Release criteria that refer to them'],
    module: 'objectives',
    documentedInformation: [],
    reviewAreas: ['policy-objectives', 'lifecycle'],
  },
  {
    id: 'A.6.1.3',
    title: 'Processes for responsible AI system design and development',
    intent:
      'Write down how AI systems are designed and built: stages, reviews, testing expectations, approvals and the records each step leaves.',
    questions: [
      'Is the AI development process written down, including changes to models and prompts?',
      'Which reviews are mandatory before release?',
      'Does it also cover AI built on low-code tools or vendor platforms?',
    ],
    evidence: ['AI development procedure', 'Pull requests or tickets showing the reviews happened'],
    module: 'documents',
    documentedInformation: [],
    reviewAreas: ['lifecycle'],
  },
  // A.6.2 AI system life cycle
  {
    id: 'A.6.2.2',
    title: 'AI system requirements and specification',
    intent:
      'Before building a new AI system or a significant change, write down what it must and must not do: purpose, performance targets, limits and oversight points.',
    questions: [
      'Do AI features have written requirements with accuracy targets and known limits?',
      'Are requirements coming from the risk and impact assessments included?',
    ],
    evidence: ['Specifications or product briefs for AI features', 'Trace from risks to requirements'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['lifecycle'],
  },
  {
    id: 'A.6.2.3',
    title: 'Documentation of AI system design and development',
    intent:
      'Record the design choices for each AI system (model or vendor, architecture, training approach, prompts, evaluation plan) and why they were made.',
    questions: [
      'Why was this model or vendor chosen over the alternatives?',
      'Is the design recorded well enough for a new engineer to understand it?',
    ],
    evidence: ['Design documents or architecture decision records', 'Model selection notes'],
    module: 'documents',
    documentedInformation: ['Design and development records for each AI system'],
    reviewAreas: ['lifecycle', 'audit-evidence'],
  },
  {
    id: 'A.6.2.4',
    title: 'AI system verification and validation',
    intent:
      'Test that each AI system meets its requirements and works for its intended use, before release and after significant changes, with set test data and pass criteria.',
    questions: [
      'Which evaluation sets and acceptance thresholds are used?',
      'Are the tests rerun after model, prompt or data changes?',
      'Who signs off the results?',
    ],
    evidence: ['Evaluation reports with metrics and thresholds', 'Sign-off of release tests'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['lifecycle'],
  },
  {
    id: 'A.6.2.5',
    title: 'AI system deployment',
    intent:
      'Plan and approve each release of an AI system into production, with rollout steps, a way back, and the checks that must pass first.',
    questions: [
      'Who approves putting an AI system or a new model version into production?',
      'Is there a rollback plan and a staged rollout?',
    ],
    evidence: ['Deployment plan and approval record', 'Release notes'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['lifecycle'],
  },
  {
    id: 'A.6.2.6',
    title: 'AI system operation and monitoring',
    intent: 'Run AI systems in production with watch kept on performance, drift, errors and misuse, and act on what that shows.',
    questions: [
      'Which production metrics are watched for each AI system, and who gets the alerts?',
      'How would you notice drift or a drop in output quality?',
      'What happens when a threshold is crossed?',
    ],
    evidence: ['Monitoring dashboards and alert rules', 'Records of actions taken on alerts'],
    module: 'monitoring',
    documentedInformation: [],
    reviewAreas: ['monitoring', 'lifecycle'],
  },
  {
    id: 'A.6.2.7',
    title: 'AI system technical documentation',
    intent:
      'Keep the technical documentation each audience needs (users, customers, auditors, authorities) describing the system, its limits and how to run it.',
    questions: [
      'Does each in-scope AI system have technical documentation?',
      'Does it state intended use and known limitations?',
      'Is it updated when the system changes?',
    ],
    evidence: ['Technical documentation or model cards', 'Version history matching releases'],
    module: 'documents',
    documentedInformation: ['Technical documentation for each AI system'],
    reviewAreas: ['lifecycle', 'audit-evidence'],
  },
  {
    id: 'A.6.2.8',
    title: 'AI system recording of event logs',
    intent:
      'Decide which events each AI system logs (inputs, outputs, decisions, errors) and for how long, and make sure logging is actually on.',
    questions: [
      'What does each AI system log, and in which life-cycle phases?',
      'Are logs kept long enough to investigate an incident, while respecting privacy?',
    ],
    evidence: ['Logging specification', 'Sample log records', 'Log retention settings'],
    module: 'monitoring',
    documentedInformation: ['Event logs of AI systems, kept for the decided period'],
    reviewAreas: ['monitoring', 'audit-evidence'],
  },
  // A.7 Data for AI systems
  {
    id: 'A.7.2',
    title: 'Data for development and enhancement of AI system',
    intent:
      'Manage the data used to build and improve AI systems through a defined process that covers rights of use, privacy, security and fitness for purpose.',
    questions: [
      'Is there a data management process for training, fine-tuning and evaluation data?',
      'Are the rights to use customer data for model improvement checked before use?',
    ],
    evidence: ['AI data management procedure', 'Approvals of datasets for training use'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['data-governance'],
  },
  {
    id: 'A.7.3',
    title: 'Acquisition of data',
    intent:
      'Know where AI data comes from and on what terms (collected, bought, scraped or supplied by customers) and that you may use it.',
    questions: [
      'For each dataset, what is the source and the licence or legal basis?',
      'Are third-party datasets checked before use?',
    ],
    evidence: ['Data acquisition records with licence or legal basis', 'Data agreements with vendors'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['data-governance', 'suppliers'],
  },
  {
    id: 'A.7.4',
    title: 'Quality of data for AI systems',
    intent: 'Define what good-enough data means for each AI system (complete, accurate, representative) and check it.',
    questions: [
      'Which data quality checks run before training or evaluation?',
      'Is representation of the relevant groups checked?',
    ],
    evidence: ['Data quality criteria', 'Results of data quality checks'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['data-governance'],
  },
  {
    id: 'A.7.5',
    title: 'Data provenance',
    intent: 'Be able to trace data used by AI systems back to where it came from and through every change made to it.',
    questions: ['Can you trace a training set back to its sources and versions?', 'Are transformations recorded?'],
    evidence: ['Dataset lineage records', 'Data version control history'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['data-governance'],
  },
  {
    id: 'A.7.6',
    title: 'Data preparation',
    intent: 'Define how data is cleaned, labelled, filtered and transformed for AI use, and record the methods chosen.',
    questions: [
      'How is data labelled, and who checks label quality?',
      'Which cleaning and filtering steps are applied, and can they be repeated?',
    ],
    evidence: ['Data preparation procedure or pipeline code', 'Labelling guidelines and QA results'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['data-governance', 'lifecycle'],
  },
  // A.8 Information for interested parties of AI systems
  {
    id: 'A.8.2',
    title: 'System documentation and information for users',
    intent:
      'Give users of each AI system what they need to know: that AI is involved, what it is for, its limits and how to use it safely.',
    questions: [
      'Do users know when they are dealing with AI or seeing AI output?',
      'Is there user-facing documentation of purpose and limitations?',
    ],
    evidence: ['User documentation and help pages', 'In-product AI notices'],
    module: 'documents',
    documentedInformation: ['User-facing information for each AI system'],
    reviewAreas: ['lifecycle'],
  },
  {
    id: 'A.8.3',
    title: 'External reporting',
    intent:
      'Let people outside the company (customers, end users, researchers) report problems or harm caused by your AI systems, and handle those reports.',
    questions: ['How can a customer or a member of the public report an AI problem?', 'Are reports logged and triaged?'],
    evidence: ['Public reporting channel (form or address)', 'Log of reports and responses'],
    module: 'incidents',
    documentedInformation: [],
    reviewAreas: ['incidents'],
  },
  {
    id: 'A.8.4',
    title: 'Communication of incidents',
    intent:
      'Plan how AI incidents are communicated to affected customers, users and, where required, authorities: who tells whom, how fast and through which channel.',
    questions: [
      'Is there a plan for telling customers about an AI incident, with timelines?',
      'Are contractual and legal notification duties listed?',
    ],
    evidence: ['Incident communication plan', 'Notifications sent for past incidents'],
    module: 'incidents',
    documentedInformation: [],
    reviewAreas: ['incidents'],
  },
  {
    id: 'A.8.5',
    title: 'Information for interested parties',
    intent:
      'Keep a list of what you have promised or are obliged to tell customers, partners and authorities about your AI systems, and deliver it on time.',
    questions: [
      'Which contracts or laws require you to share AI information, e.g. model changes or AI sub-processors?',
      'Who makes sure those notices go out?',
    ],
    evidence: ['Register of information duties', 'Notices sent or trust-centre updates'],
    module: 'documents',
    documentedInformation: [],
    reviewAreas: ['audit-evidence'],
  },
  // A.9 Use of AI systems
  {
    id: 'A.9.2',
    title: 'Processes for responsible use of AI systems',
    intent: 'Define how the company uses AI systems responsibly, including the third-party AI tools staff use in daily work.',
    questions: [
      'Are there acceptable-use rules for AI tools such as chat and code assistants?',
      'How are new AI tools requested and approved?',
    ],
    evidence: ['AI acceptable-use policy', 'List of approved AI tools'],
    module: 'policies',
    documentedInformation: [],
    reviewAreas: ['lifecycle', 'policy-objectives'],
  },
  {
    id: 'A.9.3',
    title: 'Objectives for responsible use of AI system',
    intent: 'Set goals that steer how the company uses AI, such as human review of AI-drafted customer replies.',
    questions: ['Which objectives govern how staff use AI outputs?', 'How is progress on them measured?'],
    evidence: ['Documented responsible-use objectives', 'Measurements against them'],
    module: 'objectives',
    documentedInformation: [],
    reviewAreas: ['policy-objectives'],
  },
  {
    id: 'A.9.4',
    title: 'Intended use of the AI system',
    intent:
      'State what each AI system is meant to be used for, make sure it is used that way, and watch for use beyond that purpose.',
    questions: [
      'Is the intended use recorded for each AI system in the inventory?',
      'How would you notice a customer or a team using it for something else?',
    ],
    evidence: ['Intended use recorded in the inventory', 'Usage monitoring or contract terms that limit use'],
    module: 'inventory',
    documentedInformation: [],
    reviewAreas: ['inventory', 'lifecycle'],
  },
  // A.10 Third-party and customer relationships
  {
    id: 'A.10.2',
    title: 'Allocating responsibilities',
    intent:
      'Make clear who is responsible for what across the AI supply chain (you, model vendors, partners, customers) for each AI system.',
    questions: [
      'For each AI system, which duties sit with the model vendor, with you and with the customer?',
      'Are these written into contracts or a shared-responsibility table?',
    ],
    evidence: ['Shared-responsibility matrix', 'Contract clauses assigning AI duties'],
    module: 'suppliers',
    documentedInformation: [],
    reviewAreas: ['suppliers'],
  },
  {
    id: 'A.10.3',
    title: 'Suppliers',
    intent:
      'Check that AI vendors (model APIs, data providers, AI-enabled SaaS) meet your responsible-AI expectations, and check again when they change.',
    questions: [
      'Which vendors provide AI models, data or AI-enabled services in scope?',
      'Did an AI-specific review cover training on your data, model change notice and sub-processors?',
      'How do you learn that a vendor changed its model or terms?',
    ],
    evidence: ['Supplier register with AI review results', 'Vendor questionnaires and contracts', 'Re-review records'],
    module: 'suppliers',
    documentedInformation: [],
    reviewAreas: ['suppliers'],
  },
  {
    id: 'A.10.4',
    title: 'Customers',
    intent:
      'Make sure the AI you provide matches what customers need and were told: contract commitments, documentation and help with their own compliance duties.',
    questions: [
      'What AI commitments appear in customer contracts and data processing terms?',
      'Can customers get the information they need for their own risk assessments?',
    ],
    evidence: ['Customer AI terms or addendum', 'Answers to customer AI questionnaires'],
    module: 'documents',
    documentedInformation: [],
    reviewAreas: ['suppliers'],
  },
];

export const ANNEX_A: Requirement[] = ENTRIES.map((e) => {
  const parts = e.id.split('.');
  const group = `${parts[0]}.${parts[1]}`;
  const groupTitle = ANNEX_A_GROUPS.find((g) => g.id === group)?.title;
  if (!groupTitle) throw new Error(`control ${e.id} has no objective`);
  // Only A.6 has sub-objectives: its controls have four id parts.
  const sub = parts.length === 4 ? ANNEX_A_SUBGROUPS.find((s) => s.id === `${group}.${parts[2]}`) : undefined;
  if (parts.length === 4 && !sub) throw new Error(`control ${e.id} has no sub-objective`);
  const { id, title, ...guidance } = e;
  const subgroup = sub?.id ?? null;
  return { id, title, kind: 'annex-a', group, groupTitle, subgroup, subgroupTitle: sub?.title ?? null, ...guidance };
});
