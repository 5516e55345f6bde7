import type { Requirement, RequirementEntry } from './catalogue.schemas.js';

// The 32 assessable management-system requirements of ISO/IEC 42001 (clauses
// 4 to 10). Ids and short titles are the standard's; every other word is
// OpenAIMS's own practical guidance, never the standard's text.

/** The harmonized-structure headings of clauses 4 to 10. */
export const CLAUSE_GROUPS: readonly { id: string; title: string }[] = [
  { id: '4', title: 'Context of the organization' },
  { id: '5', title: 'Leadership' },
  { id: '6', title: 'Planning' },
  { id: '7', title: 'Support' },
  { id: '8', title: 'Operation' },
  { id: '9', title: 'Performance evaluation' },
  { id: '10', title: 'Improvement' },
];

const ENTRIES: RequirementEntry[] = [
  {
    id: '4.1',
    title: 'Understanding the organization and its context',
    intent:
      'Know which business facts and outside pressures shape how you build, buy and use AI, so the AIMS is built around the company you actually are.',
    questions: [
      'Which AI roles does the company play (provider, developer, user), and for which products?',
      'Which outside pressures matter most now: buyer questionnaires, the EU AI Act, privacy law, model vendors’ terms?',
      'When was this list of issues last revisited, and by whom?',
    ],
    evidence: [
      'A short context note listing internal and external issues, with owner and date',
      'Organization profile showing AI roles and target markets',
      'Minutes or a ticket from the last time the issues were revisited',
    ],
    module: 'scope',
    documentedInformation: [],
    reviewAreas: ['inventory', 'policy-objectives'],
  },
  {
    id: '4.2',
    title: 'Understanding the needs and expectations of interested parties',
    intent:
      'Name the people and organizations that care how you use AI (customers, their end users, staff, vendors, regulators) and decide which of their expectations the AIMS will meet.',
    questions: [
      'Who is affected by each customer-facing AI feature, including people who never log in?',
      'Which expectations (contract clauses, security questionnaires, legal duties) has the company chosen to address?',
      'How does a new expectation, such as an enterprise buyer’s AI addendum, reach the register?',
    ],
    evidence: [
      'Interested-party register with the expectations taken on',
      'Customer AI questionnaires or contract clauses that fed the register',
    ],
    module: 'scope',
    documentedInformation: [],
    reviewAreas: ['policy-objectives'],
  },
  {
    id: '4.3',
    title: 'Determining the scope of the AI management system',
    intent:
      'Draw a clear boundary around the AI systems, products, teams and sites the AIMS covers, say what is left out and why, and keep it in line with what you actually run.',
    questions: [
      'Which AI systems, products and sites are in scope, and what is excluded with which reason?',
      'Does every in-scope system appear in the AI inventory, and does the inventory hold systems the scope misses?',
      'Are third-party AI tools used by staff inside or outside the boundary?',
      'Who approved the current scope statement, and when?',
    ],
    evidence: [
      'Approved, versioned scope statement',
      'Cross-check of the scope against the AI system inventory',
      'Written reason for each exclusion',
    ],
    module: 'scope',
    documentedInformation: ['The AIMS scope statement, kept current'],
    reviewAreas: ['inventory', 'audit-evidence'],
  },
  {
    id: '4.4',
    title: 'AI management system',
    intent:
      'Show that AI governance runs as a joined-up system: each process has an owner, inputs and outputs, and the processes feed one another instead of living as one-off documents.',
    questions: [
      'Can you show on one page which AIMS processes exist, who owns each and how they connect?',
      'Which processes are shared with an ISMS or quality system, and where do they differ for AI?',
      'What has changed in the AIMS since the last review, and why?',
    ],
    evidence: [
      'Process map or AIMS overview naming owners',
      'Traces between processes, e.g. a risk finding that became an objective or an audit topic',
    ],
    module: 'documents',
    documentedInformation: [],
    reviewAreas: ['audit-evidence'],
  },
  {
    id: '5.1',
    title: 'Leadership and commitment',
    intent:
      'Top management visibly owns AI governance: it sets direction, funds the work and takes part in decisions instead of leaving everything to one specialist.',
    questions: [
      'Which executive is accountable for the AIMS, and how often do they engage with it?',
      'Is AI governance part of normal decisions such as product launches and vendor choices?',
      'What did leadership commit for this year (people, budget, tools), and was it delivered?',
    ],
    evidence: [
      'Approved budget or headcount for AI governance',
      'Leadership meeting minutes with AI governance decisions',
      'Records of leadership accepting a risk or changing an AI launch',
    ],
    module: 'management-review',
    documentedInformation: [],
    reviewAreas: ['roles', 'management-review'],
  },
  {
    id: '5.2',
    title: 'AI policy',
    intent:
      'Have a short AI policy, approved by leadership, that sets the direction and commitments for AI work, is known to staff and can be shared with others where appropriate.',
    questions: [
      'Who approved the AI policy, and when was it last reviewed?',
      'Does the policy give a basis for the AI objectives you actually track?',
      'How do staff, and where relevant customers, get to see it?',
    ],
    evidence: [
      'Approved AI policy with version and date',
      'Intranet page or onboarding step where staff find it',
      'Link between policy statements and the current AI objectives',
    ],
    module: 'policies',
    documentedInformation: ['The AI policy'],
    reviewAreas: ['policy-objectives'],
  },
  {
    id: '5.3',
    title: 'Roles, responsibilities and authorities',
    intent:
      'Put named people on the AI governance duties (running the AIMS, approving AI use, reporting how it performs to leadership) and make sure they know it.',
    questions: [
      'Who owns the AIMS day to day, and who reports its performance to leadership?',
      'Does each in-scope AI system have a named business owner and technical owner?',
      'Are the roles written down and confirmed by the people holding them?',
    ],
    evidence: [
      'RACI or role descriptions for AI governance',
      'Owner fields completed in the AI inventory',
      'Appointment emails or signed acknowledgements',
    ],
    module: 'roles',
    documentedInformation: [],
    reviewAreas: ['roles'],
  },
  {
    id: '6.1.1',
    title: 'Actions to address risks and opportunities: general',
    intent:
      'Before running AI risk work, decide what counts as acceptable AI risk for the company, and plan actions on the risks and opportunities that affect the AIMS as a whole.',
    questions: [
      'Are AI risk criteria (likelihood, impact, acceptance thresholds) defined and approved?',
      'Which risks and opportunities for the AIMS itself are known, e.g. losing the one ML lead or a buyer asking for certification?',
      'How are these actions built into plans and checked for effect?',
    ],
    evidence: ['Approved AI risk criteria', 'List of AIMS-level risks and opportunities with planned actions'],
    module: 'risk',
    documentedInformation: ['Planned actions on the risks and opportunities for the AIMS'],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: '6.1.2',
    title: 'AI risk assessment (process)',
    intent:
      'Define a repeatable way to find, analyse and rate AI risks, so two teams looking at the same system reach comparable results.',
    questions: [
      'Does the written method cover AI risk sources such as bias, misuse, data quality, security and weak human oversight?',
      'Does it say who assesses, when (new system, major change, on a schedule) and how scores are worked out?',
      'Do results from different teams use the same scale?',
    ],
    evidence: ['AI risk assessment method', 'Risk scale and criteria as used in the risk register'],
    module: 'risk',
    documentedInformation: ['The AI risk assessment process'],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: '6.1.3',
    title: 'AI risk treatment (process, Statement of Applicability)',
    intent:
      'Decide how each AI risk is handled, check the chosen controls against Annex A so nothing needed is missed, and record which controls apply and why in a Statement of Applicability.',
    questions: [
      'Does each significant risk have a chosen treatment and an owner?',
      'Were the chosen controls compared with Annex A?',
      'Does the Statement of Applicability give a reason and a status for every control, included or excluded?',
      'Who accepted the remaining risk?',
    ],
    evidence: [
      'Statement of Applicability with justifications',
      'Risk treatment plan with owners and dates',
      'Risk owners’ sign-off of residual risk',
    ],
    module: 'soa',
    documentedInformation: ['The AI risk treatment process', 'The Statement of Applicability', 'The AI risk treatment plan'],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: '6.1.4',
    title: 'AI system impact assessment (process)',
    intent:
      'Set up a way to judge how an AI system could affect individuals, groups and society, not only the company, and feed the results into risk decisions.',
    questions: [
      'What triggers an impact assessment: every new AI feature, only customer-facing ones, or a risk tier?',
      'Does the method consider people who are affected but never use the system?',
      'How do the results reach the risk assessment?',
    ],
    evidence: ['Impact assessment procedure and template', 'Trigger criteria tied to the AI inventory'],
    module: 'impact-assessment',
    documentedInformation: ['The AI system impact assessment process', 'Impact assessment results'],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: '6.2',
    title: 'AI objectives and planning to achieve them',
    intent: 'Set a few measurable AI objectives, decide who delivers each, by when and with what, and track them.',
    questions: [
      'What are this year’s AI objectives, and how is each measured?',
      'Do the objectives follow from the AI policy and the risk results?',
      'Who owns each objective, and where does it stand today?',
    ],
    evidence: ['Objectives register with targets, owners and deadlines', 'Progress reports or dashboard snapshots'],
    module: 'objectives',
    documentedInformation: ['The AI objectives'],
    reviewAreas: ['policy-objectives'],
  },
  {
    id: '6.3',
    title: 'Planning of changes',
    intent:
      'Change the AIMS on purpose: when scope, processes or roles change, plan the change and think through its effects first.',
    questions: [
      'How was the last significant AIMS change (e.g. a new product line brought into scope) planned?',
      'Who decides on AIMS changes, and how are they announced?',
    ],
    evidence: ['Change record for AIMS-level changes with the reason', 'Version history of the scope and process documents'],
    module: 'objectives',
    documentedInformation: [],
    reviewAreas: ['management-review'],
  },
  {
    id: '7.1',
    title: 'Resources',
    intent: 'Give the AIMS the people, time, tools and budget it needs, and notice when it runs short.',
    questions: [
      'How many hours a month do the AIMS owner and risk reviewers really have for this work?',
      'Are the tools for inventory, risk and evidence funded and maintained?',
      'Were resource gaps raised at the last management review?',
    ],
    evidence: ['Budget or resource plan for AI governance', 'Management review record of resource needs'],
    module: 'roles',
    documentedInformation: [],
    reviewAreas: ['roles', 'management-review'],
  },
  {
    id: '7.2',
    title: 'Competence',
    intent:
      'Decide what skills the people doing AI governance and AI engineering need, close gaps through training or hiring, and keep proof.',
    questions: [
      'What competence is expected of AI risk reviewers, ML engineers and product owners?',
      'How are gaps found and closed?',
      'Can you show evidence of competence for a person the auditor picks?',
    ],
    evidence: [
      'Competence requirements per role',
      'Training records, certificates or CVs',
      'Skills gap review with follow-up actions',
    ],
    module: 'training',
    documentedInformation: ['Evidence of competence for the people doing AIMS work'],
    reviewAreas: ['roles'],
  },
  {
    id: '7.3',
    title: 'Awareness',
    intent:
      'Everyone working for the company knows the AI policy, how their own work affects AI risk, and what follows if they ignore the rules.',
    questions: [
      'Do new hires meet the AI policy and AI acceptable-use rules during onboarding?',
      'Could an engineer or support agent picked at random say how to report an AI concern?',
      'How is awareness refreshed when the rules change?',
    ],
    evidence: ['Onboarding checklist that includes the AI policy', 'Attendance or e-learning completion for AI awareness'],
    module: 'training',
    documentedInformation: [],
    reviewAreas: ['roles'],
  },
  {
    id: '7.4',
    title: 'Communication',
    intent:
      'Have a simple plan for who hears about AI governance matters and through which channel, inside the company and outside, so messages stay consistent.',
    questions: [
      'Is there a communication plan covering staff, customers and vendors for AI topics?',
      'Who may speak to customers or regulators about an AI incident?',
      'How do sales and security teams answer AI questions in buyer reviews?',
    ],
    evidence: [
      'Communication plan',
      'Approved standard answers for buyer AI questionnaires',
      'Internal announcements about the AI policy or its changes',
    ],
    module: 'documents',
    documentedInformation: [],
    reviewAreas: ['roles'],
  },
  {
    id: '7.5.1',
    title: 'Documented information: general',
    intent:
      'Keep the documents and records the standard asks for, plus the ones you decide you need, sized to the company rather than to the audit.',
    questions: [
      'Is there a list of AIMS documents and records, with owners?',
      'Does every required item exist, including the records of risk, audit and review?',
      'Is any document written only for the auditor and unused by the teams?',
    ],
    evidence: ['Document register', 'Sample of required records, present and current'],
    module: 'documents',
    documentedInformation: [],
    reviewAreas: ['audit-evidence'],
  },
  {
    id: '7.5.2',
    title: 'Creating and updating documented information',
    intent:
      'Each AIMS document carries an owner, version and date, follows a common format, and is reviewed and approved before use.',
    questions: ['Does every AIMS document show owner, version, date and approver?', 'How is a draft reviewed and approved?'],
    evidence: ['Document template with metadata fields', 'Approval history of a sampled document'],
    module: 'documents',
    documentedInformation: [],
    reviewAreas: ['audit-evidence'],
  },
  {
    id: '7.5.3',
    title: 'Control of documented information',
    intent:
      'The current version of each document reaches those who need it, is protected from unwanted change or loss, and old versions are kept or removed on purpose.',
    questions: [
      'Where do staff find the current AI policy and procedures, and who can edit them?',
      'How long are AIMS records kept, and how are they protected?',
      'Are outside documents (vendor model cards, regulator guidance) tracked?',
    ],
    evidence: [
      'Access rights on the document store',
      'Retention rules for AIMS records',
      'Version history showing superseded documents',
    ],
    module: 'documents',
    documentedInformation: ['AIMS documents and records under version, access and retention control'],
    reviewAreas: ['audit-evidence'],
  },
  {
    id: '8.1',
    title: 'Operational planning and control',
    intent:
      'Run day-to-day AI work (building, buying, releasing and operating AI systems) under the controls you planned, including work done by outside providers.',
    questions: [
      'Which gates must an AI feature pass before release, and who signs them off?',
      'How are changes to models, prompts or AI vendors controlled?',
      'How do you keep control of steps that an AI vendor performs for you?',
      'Can you show a recent release that went through the gates?',
    ],
    evidence: ['Release checklists or change tickets for AI features', 'Deployment approvals', 'Checks made on vendor-run steps'],
    module: 'inventory',
    documentedInformation: ['Records showing that AI processes ran as planned'],
    reviewAreas: ['lifecycle', 'suppliers'],
  },
  {
    id: '8.2',
    title: 'AI risk assessment (performed)',
    intent: 'Actually run AI risk assessments on schedule and whenever something significant changes, and keep the results.',
    questions: [
      'When was each in-scope AI system last risk-assessed?',
      'Did the last major change (new model, new data source) trigger a reassessment?',
      'Are any in-scope systems still without a risk rating?',
    ],
    evidence: ['Risk register entries per AI system with dates', 'Reassessments linked to change records'],
    module: 'risk',
    documentedInformation: ['AI risk assessment results'],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: '8.3',
    title: 'AI risk treatment (performed)',
    intent: 'Carry out the treatment plan, check that each treatment works, and update the plan when new risks show up.',
    questions: [
      'Which planned treatments are overdue?',
      'How do you check that a treatment actually lowered the risk?',
      'Do newly found risks go back through assessment and treatment?',
    ],
    evidence: ['Treatment plan status with completion evidence', 'Residual risk re-ratings after treatment'],
    module: 'risk',
    documentedInformation: ['AI risk treatment results'],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: '8.4',
    title: 'AI system impact assessment (performed)',
    intent: 'Carry out impact assessments for AI systems as planned and after significant changes, and keep the results.',
    questions: [
      'Which in-scope systems have a current impact assessment?',
      'Did it consider affected groups such as your customers’ end users or job applicants?',
      'Which kinds of change trigger a new assessment?',
    ],
    evidence: ['Completed impact assessments with dates and reviewers', 'Link from each assessment to its AI system and risks'],
    module: 'impact-assessment',
    documentedInformation: ['AI system impact assessment results'],
    reviewAreas: ['risk-assessment'],
  },
  {
    id: '9.1',
    title: 'Monitoring, measurement, analysis and evaluation',
    intent:
      'Decide what to measure about the AIMS and about AI system behaviour, how often, who looks at the numbers and what they conclude.',
    questions: [
      'Which metrics show whether the AIMS works (systems risk-rated, overdue treatments, incidents)?',
      'Which metrics show whether AI systems behave as intended (accuracy, drift, complaints)?',
      'Who analyses the results, and where do the conclusions go?',
    ],
    evidence: [
      'Metric definitions with owner and frequency',
      'Dated monitoring dashboards or reports',
      'Analysis notes that fed the management review',
    ],
    module: 'monitoring',
    documentedInformation: ['Monitoring and measurement results'],
    reviewAreas: ['monitoring'],
  },
  {
    id: '9.2.1',
    title: 'Internal audit: general',
    intent:
      'Check at planned intervals whether the AIMS follows your own rules and the standard and actually works, using auditors who do not audit their own work.',
    questions: [
      'When was the AIMS last audited internally, and against which criteria?',
      'Was each auditor independent of the area audited?',
      'Were the findings reported to the managers responsible?',
    ],
    evidence: ['Internal audit report', 'Record of the auditor’s independence and competence'],
    module: 'internal-audit',
    documentedInformation: [],
    reviewAreas: ['internal-audit'],
  },
  {
    id: '9.2.2',
    title: 'Internal audit programme',
    intent:
      'Plan audits across the cycle so every part of the AIMS is covered, with more attention to risky areas and past findings.',
    questions: [
      'Does the programme cover all clauses and applicable controls over the cycle?',
      'How were the scope, criteria and frequency of each audit chosen?',
      'Are results kept and findings followed up?',
    ],
    evidence: ['Audit programme or schedule', 'Audit plans, checklists and reports', 'Follow-up of audit findings'],
    module: 'internal-audit',
    documentedInformation: ['The internal audit programme', 'Internal audit results'],
    reviewAreas: ['internal-audit'],
  },
  {
    id: '9.3.1',
    title: 'Management review: general',
    intent:
      'Leadership sits down at planned intervals to judge whether the AIMS still fits the business and does its job, and decides what to change.',
    questions: [
      'When did leadership last review the AIMS, and who attended?',
      'Is the review scheduled, e.g. yearly and before the certification audit?',
    ],
    evidence: ['Management review calendar', 'Attendance list of the last review'],
    module: 'management-review',
    documentedInformation: [],
    reviewAreas: ['management-review'],
  },
  {
    id: '9.3.2',
    title: 'Management review inputs',
    intent:
      'Bring leadership a review pack built from real data (open actions, risk and incident trends, audit findings, metrics, what changed) so decisions rest on facts.',
    questions: [
      'Did the last pack report on actions from the previous review?',
      'Did it include audit findings, incidents, risk changes and metric results?',
      'Did it cover changes in suppliers and AI technology?',
    ],
    evidence: ['Management review agenda and input pack', 'Metric and audit summaries attached to the pack'],
    module: 'management-review',
    documentedInformation: [],
    reviewAreas: ['management-review'],
  },
  {
    id: '9.3.3',
    title: 'Management review results',
    intent: 'Record what leadership decided (improvements, AIMS changes, resources) and follow those decisions through.',
    questions: [
      'What decisions and actions came out of the last review?',
      'Is each action tracked with an owner and a due date?',
    ],
    evidence: ['Management review minutes with decisions', 'Action list with status'],
    module: 'management-review',
    documentedInformation: ['Management review results'],
    reviewAreas: ['management-review'],
  },
  {
    id: '10.1',
    title: 'Continual improvement',
    intent:
      'Keep making the AIMS fit better and work better over time, using audits, incidents, metrics and feedback as sources.',
    questions: [
      'Which improvements were made to the AIMS in the last year, and where did they come from?',
      'Is there an improvement log that leadership sees?',
    ],
    evidence: ['Improvement log', 'Comparison of two gap assessments or metric periods'],
    module: 'nonconformity',
    documentedInformation: [],
    reviewAreas: ['monitoring', 'management-review'],
  },
  {
    id: '10.2',
    title: 'Nonconformity and corrective action',
    intent:
      'When something goes wrong, fix it, find the root cause, act so it does not happen again, and check that the fix worked.',
    questions: [
      'How are nonconformities from audits, incidents or complaints recorded?',
      'Is root cause analysis done, and is effectiveness checked later?',
      'Are any corrective actions overdue?',
    ],
    evidence: [
      'Nonconformity and corrective action register',
      'Root cause analysis for a sampled finding',
      'Effectiveness check records',
    ],
    module: 'nonconformity',
    documentedInformation: ['What went wrong, the actions taken and the results of each corrective action'],
    reviewAreas: ['incidents', 'internal-audit'],
  },
];

export const CLAUSES: Requirement[] = ENTRIES.map((e) => {
  const group = e.id.split('.')[0];
  const groupTitle = CLAUSE_GROUPS.find((g) => g.id === group)?.title;
  if (!groupTitle) throw new Error(`clause ${e.id} has no group`);
  const { id, title, ...guidance } = e;
  return { id, title, kind: 'clause', group, groupTitle, subgroup: null, subgroupTitle: null, ...guidance };
});
