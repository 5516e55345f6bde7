import type { Crosswalk, CrosswalkLink, CrosswalkTarget } from './catalogue.schemas.js';
import { DISCLAIMER } from './disclaimer.js';

// EU AI Act articles -> ISO/IEC 42001: AI literacy (Article 4), which binds
// every provider and deployer, the requirements for high-risk AI systems, and
// the transparency duties for AI that talks to people or makes or alters
// content (Article 50), which a SaaS company with a chatbot or generated text
// meets first. There is no official mapping and ISO/IEC 42001 is not a harmonised standard: these links
// say where AIMS evidence helps, never that an article is met.

const TARGETS: CrosswalkTarget[] = [
  { id: 'Article 4', title: 'AI literacy' },
  { id: 'Article 9', title: 'Risk management' },
  { id: 'Article 10', title: 'Data and data governance' },
  { id: 'Article 11', title: 'Technical documentation' },
  { id: 'Article 12', title: 'Record-keeping' },
  { id: 'Article 13', title: 'Transparency and information to deployers' },
  { id: 'Article 14', title: 'Human oversight' },
  { id: 'Article 15', title: 'Accuracy, robustness and cybersecurity' },
  { id: 'Article 17', title: 'Quality management system' },
  { id: 'Article 50', title: 'Transparency obligations for providers and deployers of certain AI systems' },
  { id: 'Article 72', title: 'Post-market monitoring' },
  { id: 'Article 73', title: 'Reporting of serious incidents' },
];

const LINKS: CrosswalkLink[] = [
  { from: '7.2', to: 'Article 4', rationale: 'Defined AI competences and training records show staff know enough about AI.' },
  { from: '7.3', to: 'Article 4', rationale: 'Awareness of the AI policy and of each person’s part in using AI safely.' },
  { from: 'A.4.6', to: 'Article 4', rationale: 'The skills each AI system needs are recorded, so gaps in AI knowledge show.' },
  { from: 'A.3.2', to: 'Article 4', rationale: 'People with AI duties are named, so the literacy they need can be planned.' },
  { from: '6.1.2', to: 'Article 9', rationale: 'A written AI risk method is the backbone of a risk management system.' },
  { from: '8.2', to: 'Article 9', rationale: 'Risk assessments repeated across the life of the system.' },
  { from: '6.1.3', to: 'Article 9', rationale: 'Treatment decisions and accepted residual risk.' },
  { from: '8.3', to: 'Article 9', rationale: 'Evidence that treatments were carried out and checked.' },
  { from: 'A.5.4', to: 'Article 9', rationale: 'Effects on people feed the risk picture the Act focuses on.' },
  { from: 'A.7.2', to: 'Article 10', rationale: 'A managed process for training and evaluation data.' },
  { from: 'A.7.3', to: 'Article 10', rationale: 'Known sources and rights of use for data.' },
  { from: 'A.7.4', to: 'Article 10', rationale: 'Data quality and representativeness checks.' },
  { from: 'A.7.5', to: 'Article 10', rationale: 'Lineage that shows where data came from.' },
  { from: 'A.7.6', to: 'Article 10', rationale: 'Recorded cleaning and labelling steps.' },
  { from: 'A.6.2.7', to: 'Article 11', rationale: 'Technical documentation kept for each system.' },
  { from: 'A.6.2.3', to: 'Article 11', rationale: 'Design records are a large part of technical documentation.' },
  { from: 'A.4.2', to: 'Article 11', rationale: 'Documented resources describe how the system is built.' },
  { from: 'A.6.2.8', to: 'Article 12', rationale: 'Event logging decided per system and switched on.' },
  { from: 'A.8.2', to: 'Article 13', rationale: 'Users get purpose, limits and safe-use information.' },
  { from: 'A.9.4', to: 'Article 13', rationale: 'A stated intended use is what deployers need to know first.' },
  { from: 'A.6.2.2', to: 'Article 14', rationale: 'Oversight points are designed in as requirements.' },
  { from: 'A.9.2', to: 'Article 14', rationale: 'Use processes say when people must review AI output.' },
  { from: 'A.3.2', to: 'Article 14', rationale: 'Named people hold the oversight duty.' },
  { from: 'A.6.2.4', to: 'Article 15', rationale: 'Testing against accuracy and robustness targets before release.' },
  { from: 'A.6.2.6', to: 'Article 15', rationale: 'Monitoring keeps performance in check in production.' },
  { from: 'A.6.2.2', to: 'Article 15', rationale: 'Accuracy targets start as requirements.' },
  { from: '4.4', to: 'Article 17', rationale: 'A running management system is the frame a quality system needs.' },
  { from: '7.5.3', to: 'Article 17', rationale: 'Controlled documents and records.' },
  { from: 'A.6.1.3', to: 'Article 17', rationale: 'A written design and development process.' },
  { from: '9.2.2', to: 'Article 17', rationale: 'Internal audits check the system works.' },
  { from: '10.2', to: 'Article 17', rationale: 'Corrective action when something goes wrong.' },
  { from: 'A.8.2', to: 'Article 50', rationale: 'Users are told they deal with an AI system and what its output is.' },
  {
    from: 'A.6.2.2',
    to: 'Article 50',
    rationale: 'Disclosure and marking of generated content are written into the system requirements.',
  },
  { from: 'A.8.5', to: 'Article 50', rationale: 'The information owed to people outside the company is identified and given.' },
  { from: 'A.9.4', to: 'Article 50', rationale: 'The intended use says whether the system talks to people or makes content.' },
  { from: '7.4', to: 'Article 50', rationale: 'The communication plan says what is told about AI use, to whom and when.' },
  { from: '9.1', to: 'Article 72', rationale: 'Planned monitoring of systems once in use.' },
  { from: 'A.6.2.6', to: 'Article 72', rationale: 'Production monitoring per system.' },
  { from: 'A.8.3', to: 'Article 72', rationale: 'Outside reports are a monitoring source.' },
  { from: 'A.8.4', to: 'Article 73', rationale: 'A plan for telling authorities and customers about incidents.' },
  { from: 'A.8.3', to: 'Article 73', rationale: 'Reports from outside can reveal a serious incident.' },
  { from: '10.2', to: 'Article 73', rationale: 'Root cause and corrective action after an incident.' },
];

export const CROSSWALK_EU_AI_ACT: Crosswalk = {
  id: 'eu-ai-act',
  title: 'EU AI Act (AI literacy, high-risk AI systems, transparency) to ISO/IEC 42001',
  source: 'Regulation (EU) 2024/1689 (EU AI Act)',
  disclaimer: `${DISCLAIMER}. ISO/IEC 42001 is not a harmonised standard under the AI Act: a link shows where AIMS evidence helps with an article, not that the article is met.`,
  targets: TARGETS,
  links: LINKS,
};
