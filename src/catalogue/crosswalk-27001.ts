import type { Crosswalk, CrosswalkLink, CrosswalkTarget, IsmsProcess } from './catalogue.schemas.js';
import { DISCLAIMER } from './disclaimer.js';

// ISO/IEC 27001:2022 -> ISO/IEC 42001. Clauses 4 to 10 share the harmonized
// structure, so an ISMS holder reuses processes it already runs. Each process
// names the 42001 requirements it partly covers and the AI-specific part still
// to do: the gap assessment pre-fills those as partially implemented.
//
// A pre-fill says only what an ISMS really gives: documented information,
// internal audit, management review, corrective action and improvement,
// competence, awareness, communication, and the Annex A controls whose ISMS
// counterpart exists (suppliers, incidents). The AI-specific artefacts (AI
// policy 5.2, AI risk criteria 6.1.1, AI objectives 6.2, AI risk assessment
// and treatment 6.1.2, 6.1.3, 8.2, 8.3 with the Statement of Applicability,
// the AI system impact assessment 6.1.4, 8.4 and A.5) are never pre-filled:
// an ISMS has nothing of them, so pre-filling them would show progress that
// was not made. NEVER_PREFILLED lists them; the catalogue test holds to it.

const TARGETS: CrosswalkTarget[] = [
  { id: '4.1', title: 'Understanding the organization and its context' },
  { id: '4.2', title: 'Understanding the needs and expectations of interested parties' },
  { id: '4.3', title: 'Determining the scope of the information security management system' },
  { id: '4.4', title: 'Information security management system' },
  { id: '5.1', title: 'Leadership and commitment' },
  { id: '5.2', title: 'Policy' },
  { id: '5.3', title: 'Organizational roles, responsibilities and authorities' },
  { id: '6.1.1', title: 'Actions to address risks and opportunities: general' },
  { id: '6.1.2', title: 'Information security risk assessment' },
  { id: '6.1.3', title: 'Information security risk treatment' },
  { id: '6.2', title: 'Information security objectives and planning to achieve them' },
  { id: '6.3', title: 'Planning of changes' },
  { id: '7.1', title: 'Resources' },
  { id: '7.2', title: 'Competence' },
  { id: '7.3', title: 'Awareness' },
  { id: '7.4', title: 'Communication' },
  { id: '7.5.1', title: 'Documented information: general' },
  { id: '7.5.2', title: 'Creating and updating documented information' },
  { id: '7.5.3', title: 'Control of documented information' },
  { id: '8.1', title: 'Operational planning and control' },
  { id: '8.2', title: 'Information security risk assessment (performed)' },
  { id: '8.3', title: 'Information security risk treatment (performed)' },
  { id: '9.1', title: 'Monitoring, measurement, analysis and evaluation' },
  { id: '9.2.1', title: 'Internal audit: general' },
  { id: '9.2.2', title: 'Internal audit programme' },
  { id: '9.3.1', title: 'Management review: general' },
  { id: '9.3.2', title: 'Management review inputs' },
  { id: '9.3.3', title: 'Management review results' },
  { id: '10.1', title: 'Continual improvement' },
  { id: '10.2', title: 'Nonconformity and corrective action' },
  // Annex A controls other ISO/IEC 42001 items reuse ("A." keeps them apart from the clauses)
  { id: 'A.5.1', title: 'Policies for information security' },
  { id: 'A.5.9', title: 'Inventory of information and other associated assets' },
  { id: 'A.5.19', title: 'Information security in supplier relationships' },
  { id: 'A.5.20', title: 'Addressing information security within supplier agreements' },
  { id: 'A.5.21', title: 'Managing information security in the ICT supply chain' },
  { id: 'A.5.22', title: 'Monitoring, review and change management of supplier services' },
  { id: 'A.5.23', title: 'Information security for use of cloud services' },
  { id: 'A.5.24', title: 'Information security incident management planning and preparation' },
  { id: 'A.5.25', title: 'Assessment and decision on information security events' },
  { id: 'A.5.26', title: 'Response to information security incidents' },
  { id: 'A.5.27', title: 'Learning from information security incidents' },
  { id: 'A.6.8', title: 'Information security event reporting' },
  { id: 'A.8.15', title: 'Logging' },
  { id: 'A.8.25', title: 'Secure development life cycle' },
  { id: 'A.8.29', title: 'Security testing in development and acceptance' },
  { id: 'A.8.32', title: 'Change management' },
];

/**
 * The ISO/IEC 42001 requirements an ISMS gives nothing for: AI policy, AI
 * risk criteria, method, assessment and treatment (with the Statement of
 * Applicability), AI objectives, the AI system impact assessment and its
 * Annex A objective A.5. No ISMS process ever pre-fills them.
 */
export const NEVER_PREFILLED: readonly string[] = [
  '5.2',
  '6.1.1',
  '6.1.2',
  '6.1.3',
  '6.1.4',
  '6.2',
  '8.2',
  '8.3',
  '8.4',
  'A.5.2',
  'A.5.3',
  'A.5.4',
  'A.5.5',
];

export const ISMS_PROCESSES: IsmsProcess[] = [
  {
    id: 'security-governance',
    title: 'Security governance',
    summary:
      'Competence records, awareness training and the communication plan of the ISMS. Context, scope, leadership, policy and objectives are not pre-filled: their AI content is new work.',
    prefills: [
      {
        requirementId: '7.2',
        aiSpecificPart: 'define AI competences (ML engineering, AI risk, impact assessment) and keep evidence',
      },
      { requirementId: '7.3', aiSpecificPart: 'add the AI policy and AI acceptable-use rules to awareness training' },
      { requirementId: '7.4', aiSpecificPart: 'add AI topics and AI incident messages to the communication plan' },
    ],
  },
  {
    id: 'risk-management',
    title: 'Risk management',
    summary:
      'A security risk method, register and Statement of Applicability. It pre-fills nothing: AI risk criteria, the AI risk method, AI risk treatment against Annex A and the impact assessment are AI-specific work; the security method is a template to start from.',
    prefills: [],
  },
  {
    id: 'document-control',
    title: 'Document control',
    summary: 'A document register, templates, approval, versioning, access and retention rules.',
    prefills: [
      {
        requirementId: '7.5.1',
        aiSpecificPart: 'add AI documents (AI policy, impact assessments, model documentation) to the register',
      },
      { requirementId: '7.5.2', aiSpecificPart: 'record the AI system and model version on AI documents' },
      {
        requirementId: '7.5.3',
        aiSpecificPart: 'apply retention and access rules to AI records such as event logs and assessments',
      },
    ],
  },
  {
    id: 'supplier-controls',
    title: 'Supplier controls',
    summary: 'Supplier security reviews, contract clauses and periodic re-review of vendors.',
    prefills: [
      {
        requirementId: 'A.10.2',
        aiSpecificPart: 'split duties for models, data and AI outputs with each AI vendor and customer',
      },
      {
        requirementId: 'A.10.3',
        aiSpecificPart: 'add AI questions: training on your data, notice of model changes, evaluation evidence',
      },
    ],
  },
  {
    id: 'incident-handling',
    title: 'Incident handling',
    summary: 'Event reporting, incident triage, response, notification and lessons learned for security incidents.',
    prefills: [
      { requirementId: 'A.3.3', aiSpecificPart: 'accept concerns about AI behaviour and ethics, not only security events' },
      { requirementId: 'A.8.3', aiSpecificPart: 'let users and the public report harmful or wrong AI output' },
      {
        requirementId: 'A.8.4',
        aiSpecificPart: 'define what counts as an AI incident (harmful output, bias, drift) and who tells customers',
      },
    ],
  },
  {
    id: 'internal-audit',
    title: 'Internal audit',
    summary: 'An audit programme, trained auditors, audit reports and follow-up of findings.',
    prefills: [
      { requirementId: '9.2.1', aiSpecificPart: 'use auditors with AI knowledge and add ISO/IEC 42001 to the audit criteria' },
      { requirementId: '9.2.2', aiSpecificPart: 'add AIMS clauses and Annex A controls to the programme and sample AI systems' },
    ],
  },
  {
    id: 'management-review',
    title: 'Management review',
    summary: 'Scheduled leadership reviews with a fixed agenda, minutes and tracked actions.',
    prefills: [
      { requirementId: '9.3.1', aiSpecificPart: 'review the AIMS with the executive accountable for AI' },
      {
        requirementId: '9.3.2',
        aiSpecificPart: 'add AI inputs: AI risk and impact results, AI incidents, AI metrics, vendor model changes',
      },
      { requirementId: '9.3.3', aiSpecificPart: 'record decisions and actions on the AIMS separately so they can be traced' },
    ],
  },
  {
    id: 'corrective-action',
    title: 'Corrective action',
    summary: 'A nonconformity register, root cause analysis, corrective actions and effectiveness checks.',
    prefills: [
      { requirementId: '10.1', aiSpecificPart: 'log AIMS improvements and feed them from AI monitoring and incidents' },
      {
        requirementId: '10.2',
        aiSpecificPart: 'take in AI findings and incidents; root causes may lie in data, models or prompts',
      },
    ],
  },
];

const LINKS: CrosswalkLink[] = [
  {
    from: '4.1',
    to: '4.1',
    rationale: 'The context review runs the same way; AI issues are added to it.',
  },
  {
    from: '4.2',
    to: '4.2',
    rationale: 'The interested-party register can be extended with AI stakeholders.',
  },
  {
    from: '4.3',
    to: '4.3',
    rationale: 'Same scoping method and approval; the boundary is drawn around AI systems.',
  },
  {
    from: '4.4',
    to: '4.4',
    rationale: 'An ISMS is already a running management system the AIMS can join.',
  },
  { from: '5.1', to: '5.1', rationale: 'The same leadership forum can own AI governance.' },
  {
    from: '5.2',
    to: '5.2',
    rationale: 'The policy format and approval route carry over; the AI content is new.',
  },
  { from: '5.3', to: '5.3', rationale: 'The RACI approach carries over; AI roles are added.' },
  {
    from: '6.1.1',
    to: '6.1.1',
    rationale: 'Planning for risks and opportunities works the same way.',
  },
  {
    from: '6.1.2',
    to: '6.1.2',
    rationale: 'The risk method, scale and register can host AI risks once AI risk sources are added.',
  },
  {
    from: '6.1.3',
    to: '6.1.3',
    rationale: 'Treatment planning and the Statement of Applicability format are reused, against a different control set.',
  },
  { from: '6.2', to: '6.2', rationale: 'Objective tracking can hold AI objectives too.' },
  { from: '6.3', to: '6.3', rationale: 'Change planning for the management system is shared.' },
  {
    from: '7.1',
    to: '7.1',
    rationale: 'Resource planning is shared; AI work needs its own line.',
  },
  { from: '7.2', to: '7.2', process: 'security-governance', rationale: 'The competence records system is reused for AI roles.' },
  { from: '7.3', to: '7.3', process: 'security-governance', rationale: 'Awareness training can carry an AI module.' },
  { from: '7.4', to: '7.4', process: 'security-governance', rationale: 'The communication plan gains AI topics.' },
  { from: '7.5.1', to: '7.5.1', process: 'document-control', rationale: 'The document register takes the AI documents.' },
  { from: '7.5.2', to: '7.5.2', process: 'document-control', rationale: 'Templates and approval flow are reused unchanged.' },
  {
    from: '7.5.3',
    to: '7.5.3',
    process: 'document-control',
    rationale: 'The same document store, access and retention rules apply.',
  },
  {
    from: '8.1',
    to: '8.1',
    rationale: 'Change and release control exists; AI evaluation and release gates are added.',
  },
  {
    from: '8.2',
    to: '8.2',
    rationale: 'Scheduled and change-triggered assessments run in the same cycle.',
  },
  { from: '8.3', to: '8.3', rationale: 'Treatment tracking is reused for AI treatments.' },
  { from: '9.1', to: '9.1', rationale: 'The metrics framework can hold AI and AIMS metrics.' },
  { from: '9.2.1', to: '9.2.1', process: 'internal-audit', rationale: 'The audit process and reporting are reused.' },
  { from: '9.2.2', to: '9.2.2', process: 'internal-audit', rationale: 'One audit programme can cover both systems.' },
  { from: '9.3.1', to: '9.3.1', process: 'management-review', rationale: 'One management review can cover both systems.' },
  { from: '9.3.2', to: '9.3.2', process: 'management-review', rationale: 'The input pack gains AI inputs.' },
  { from: '9.3.3', to: '9.3.3', process: 'management-review', rationale: 'Decisions and actions are recorded the same way.' },
  { from: '10.1', to: '10.1', process: 'corrective-action', rationale: 'The improvement log is shared.' },
  {
    from: '10.2',
    to: '10.2',
    process: 'corrective-action',
    rationale: 'The nonconformity register and root-cause method are reused.',
  },
  {
    from: 'A.10.3',
    to: '8.1',
    process: 'supplier-controls',
    rationale: 'Control of externally provided processes already covers vendors; AI vendors need AI questions.',
  },
  {
    from: 'A.10.2',
    to: '8.1',
    process: 'supplier-controls',
    rationale: 'Vendor contracts already assign security duties; AI duties are added.',
  },
  // Annex A of ISO/IEC 42001 -> the ISO/IEC 27001 Annex A controls it reuses
  {
    from: 'A.2.3',
    to: 'A.5.1',
    rationale: 'The topic-specific policy set is where the AI policy must fit without contradiction.',
  },
  {
    from: 'A.3.3',
    to: 'A.6.8',
    process: 'incident-handling',
    rationale: 'The channel for reporting security events can take concerns about AI as well.',
  },
  {
    from: 'A.4.4',
    to: 'A.5.9',
    rationale: 'The asset inventory can record the tools used to build and run each AI system.',
  },
  {
    from: 'A.4.5',
    to: 'A.5.9',
    rationale: 'The asset inventory already lists hosts and cloud services an AI system runs on.',
  },
  {
    from: 'A.6.1.3',
    to: 'A.8.25',
    rationale: 'The secure development rules give the frame that responsible AI design rules extend.',
  },
  {
    from: 'A.6.2.4',
    to: 'A.8.29',
    rationale: 'Acceptance testing exists; AI evaluation against accuracy and fairness targets is added.',
  },
  {
    from: 'A.6.2.5',
    to: 'A.8.32',
    rationale: 'Change management already approves releases; a model release passes the same gate.',
  },
  { from: 'A.6.2.8', to: 'A.8.15', rationale: 'Logging rules and log protection extend to AI system events.' },
  {
    from: 'A.8.3',
    to: 'A.5.25',
    process: 'incident-handling',
    rationale: 'Reported events are triaged the same way; reports of harmful AI output join the queue.',
  },
  {
    from: 'A.8.3',
    to: 'A.6.8',
    process: 'incident-handling',
    rationale: 'The event reporting route is reused; outside users of AI need a way in.',
  },
  {
    from: 'A.8.4',
    to: 'A.5.24',
    process: 'incident-handling',
    rationale: 'The incident plan gains AI incident types, their triggers and who must be told.',
  },
  {
    from: 'A.8.4',
    to: 'A.5.26',
    process: 'incident-handling',
    rationale: 'Incident response, including notifying customers, runs the same way for AI incidents.',
  },
  {
    from: 'A.8.4',
    to: 'A.5.27',
    process: 'incident-handling',
    rationale: 'Lessons from AI incidents feed the same post-incident review.',
  },
  {
    from: 'A.10.2',
    to: 'A.5.19',
    process: 'supplier-controls',
    rationale: 'Supplier relationship rules exist; duties for models, data and outputs are added.',
  },
  {
    from: 'A.10.2',
    to: 'A.5.20',
    process: 'supplier-controls',
    rationale: 'Supplier agreements already carry security clauses; AI duties become clauses too.',
  },
  {
    from: 'A.10.3',
    to: 'A.5.19',
    process: 'supplier-controls',
    rationale: 'The supplier review process takes AI vendors, with AI questions added.',
  },
  {
    from: 'A.10.3',
    to: 'A.5.21',
    process: 'supplier-controls',
    rationale: 'Supply-chain rules reach the model and data providers behind a vendor.',
  },
  {
    from: 'A.10.3',
    to: 'A.5.22',
    process: 'supplier-controls',
    rationale: 'Periodic supplier re-review catches vendor model changes as service changes.',
  },
  {
    from: 'A.10.3',
    to: 'A.5.23',
    process: 'supplier-controls',
    rationale: 'Hosted model APIs are cloud services and follow the cloud service rules.',
  },
];

export const CROSSWALK_ISO27001: Crosswalk = {
  id: 'iso27001-2022',
  title: 'ISO/IEC 27001:2022 to ISO/IEC 42001',
  source: 'ISO/IEC 27001:2022',
  disclaimer: `${DISCLAIMER}. It shows which ISMS processes an organization can reuse; the AI-specific parts are still to do.`,
  targets: TARGETS,
  links: LINKS,
  processes: [...ISMS_PROCESSES],
};
