import type { Crosswalk, CrosswalkLink, CrosswalkTarget, IsmsProcess } from './catalogue.schemas.js';
import { DISCLAIMER } from './disclaimer.js';

// ISO/IEC 27001:2022 -> ISO/IEC 42001. Clauses 4 to 10 share the harmonized
// structure, so an ISMS holder reuses processes it already runs. Each process
// names the 42001 requirements it partly covers and the AI-specific part still
// to do: the gap assessment pre-fills those as partially implemented.

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
];

export const ISMS_PROCESSES: IsmsProcess[] = [
  {
    id: 'security-governance',
    title: 'Security governance',
    summary:
      'Context and scope, leadership, policy, roles, objectives, resources, competence, awareness, communication, operational control and metrics of the ISMS.',
    prefills: [
      { requirementId: '4.1', aiSpecificPart: 'add AI issues: your AI roles, AI regulation and buyers’ AI expectations' },
      { requirementId: '4.2', aiSpecificPart: 'add people affected by AI outputs and their AI-specific expectations' },
      { requirementId: '4.3', aiSpecificPart: 'bound the scope by AI systems and AI roles, not only by information assets' },
      {
        requirementId: '4.4',
        aiSpecificPart: 'add the AI processes (impact assessment, AI life cycle) to the integrated system',
      },
      { requirementId: '5.1', aiSpecificPart: 'name an executive accountable for AI and show leadership decisions on AI' },
      { requirementId: '5.2', aiSpecificPart: 'write an AI policy; the security policy does not cover building or using AI' },
      { requirementId: '5.3', aiSpecificPart: 'assign AI duties: AI risk owner, impact reviewer, owner of each AI system' },
      { requirementId: '6.2', aiSpecificPart: 'set AI objectives beside the security objectives' },
      { requirementId: '6.3', aiSpecificPart: 'include AI scope and AI process changes in change planning' },
      { requirementId: '7.1', aiSpecificPart: 'budget time and tools for AI governance work' },
      {
        requirementId: '7.2',
        aiSpecificPart: 'define AI competences (ML engineering, AI risk, impact assessment) and keep evidence',
      },
      { requirementId: '7.3', aiSpecificPart: 'add the AI policy and AI acceptable-use rules to awareness training' },
      { requirementId: '7.4', aiSpecificPart: 'add AI topics and AI incident messages to the communication plan' },
      {
        requirementId: '8.1',
        aiSpecificPart: 'add AI life-cycle gates (evaluation, release approval, monitoring) to operational control',
      },
      { requirementId: '9.1', aiSpecificPart: 'add AI system metrics such as drift, accuracy and complaints, and AIMS metrics' },
    ],
  },
  {
    id: 'risk-management',
    title: 'Risk management',
    summary: 'A risk method, risk register, treatment plans and a Statement of Applicability for information security.',
    prefills: [
      { requirementId: '6.1.1', aiSpecificPart: 'set AI risk criteria and list risks and opportunities for the AIMS itself' },
      {
        requirementId: '6.1.2',
        aiSpecificPart: 'add AI risk sources (bias, misuse, data quality, opacity, weak human oversight) to the method',
      },
      {
        requirementId: '6.1.3',
        aiSpecificPart: 'compare treatments with ISO/IEC 42001 Annex A and write an AI Statement of Applicability',
      },
      { requirementId: '8.2', aiSpecificPart: 'assess each in-scope AI system, not only information assets' },
      { requirementId: '8.3', aiSpecificPart: 'treat AI risks such as bias and drift, which security controls rarely address' },
    ],
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
    process: 'security-governance',
    rationale: 'The context review runs the same way; AI issues are added to it.',
  },
  {
    from: '4.2',
    to: '4.2',
    process: 'security-governance',
    rationale: 'The interested-party register can be extended with AI stakeholders.',
  },
  {
    from: '4.3',
    to: '4.3',
    process: 'security-governance',
    rationale: 'Same scoping method and approval; the boundary is drawn around AI systems.',
  },
  {
    from: '4.4',
    to: '4.4',
    process: 'security-governance',
    rationale: 'An ISMS is already a running management system the AIMS can join.',
  },
  { from: '5.1', to: '5.1', process: 'security-governance', rationale: 'The same leadership forum can own AI governance.' },
  {
    from: '5.2',
    to: '5.2',
    process: 'security-governance',
    rationale: 'The policy format and approval route carry over; the AI content is new.',
  },
  { from: '5.3', to: '5.3', process: 'security-governance', rationale: 'The RACI approach carries over; AI roles are added.' },
  {
    from: '6.1.1',
    to: '6.1.1',
    process: 'risk-management',
    rationale: 'Planning for risks and opportunities works the same way.',
  },
  {
    from: '6.1.2',
    to: '6.1.2',
    process: 'risk-management',
    rationale: 'The risk method, scale and register can host AI risks once AI risk sources are added.',
  },
  {
    from: '6.1.3',
    to: '6.1.3',
    process: 'risk-management',
    rationale: 'Treatment planning and the Statement of Applicability format are reused, against a different control set.',
  },
  {
    from: '6.1.4',
    to: '6.1.2',
    rationale: 'No ISMS counterpart: only the assessment workflow carries over; effects on people and society are new.',
  },
  { from: '6.2', to: '6.2', process: 'security-governance', rationale: 'Objective tracking can hold AI objectives too.' },
  { from: '6.3', to: '6.3', process: 'security-governance', rationale: 'Change planning for the management system is shared.' },
  {
    from: '7.1',
    to: '7.1',
    process: 'security-governance',
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
    process: 'security-governance',
    rationale: 'Change and release control exists; AI evaluation and release gates are added.',
  },
  {
    from: '8.2',
    to: '8.2',
    process: 'risk-management',
    rationale: 'Scheduled and change-triggered assessments run in the same cycle.',
  },
  { from: '8.3', to: '8.3', process: 'risk-management', rationale: 'Treatment tracking is reused for AI treatments.' },
  {
    from: '8.4',
    to: '8.2',
    rationale: 'No ISMS counterpart: impact assessments can follow the risk assessment calendar but are new work.',
  },
  { from: '9.1', to: '9.1', process: 'security-governance', rationale: 'The metrics framework can hold AI and AIMS metrics.' },
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
  {
    from: 'A.8.4',
    to: '7.4',
    process: 'incident-handling',
    rationale: 'Incident communication routes exist; AI incidents need their own triggers and audiences.',
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
