import { type DocumentTemplate, documentControl } from './template.js';

// Data rules for AI systems: what may go in, how good it must be, where it
// came from, and how long it stays. Written for teams, not lawyers.
const reviewIntervalMonths = 12;

export const dataGovernanceControls: DocumentTemplate = {
  id: 'data-governance-controls',
  title: 'Data governance for AI systems',
  docType: 'data-governance-controls',
  category: 'procedure',
  requiresAcknowledgement: false,
  reviewIntervalMonths,
  summary:
    'Rules for the data AI systems are built, tested and run on: sources, quality, provenance, personal data and retention.',
  body: `# Data governance for AI systems

**Relates to:** A.4.3, A.7.2, A.7.3, A.7.4, A.7.5, A.7.6

## Purpose

An AI system is only as good, fair and lawful as its data. These controls apply to all data {{org.name}} uses to train, fine-tune, evaluate, prompt or ground the AI systems in scope ({{scope.aiSystems}}), including data sent to AI suppliers.

## Data sources

1. Record every data set an AI system uses in the AI system inventory: what it is, where it comes from, who owns it, and what it is used for (training, evaluation, retrieval, prompts).
2. Use a data source only if we have the right to use it for that purpose: our own data, customer data where the contract allows it, licensed data within its licence, or public data whose terms permit the use.
3. Do not scrape, buy or accept data sets without {{role.legal-privacy-review}} checking the terms first.
4. Customer data is never used to train or improve models that serve other customers unless the contract says so explicitly.

## Data quality

Before data is used for training or evaluation, the team that owns the AI system checks and records:

- that it represents the people and situations the system will meet in use, including minority groups;
- gaps, duplicates, errors and label quality, with the results of any sampling;
- known biases and what was done about them;
- that evaluation data is kept separate from training data.

Repeat the checks when the data changes materially or monitoring shows the system performing worse for some users.

## Provenance

Keep enough records to answer "where did this come from and what was done to it?" for every data set:

- origin, date obtained, and licence or legal basis;
- every preparation step (cleaning, filtering, labelling, augmentation, synthetic generation) and who did it;
- the version of the data used for each model version.

## Personal data

1. Use personal data in AI systems only with a documented legal basis and purpose, agreed with {{role.legal-privacy-review}}.
2. Use the least personal data that does the job. Remove or pseudonymise identifiers where you can.
3. Complete a data protection impact assessment where the law requires one, and link it to the AI impact assessment.
4. Do not paste personal data into AI tools that are not approved for it in the inventory.
5. Make sure people can exercise their rights (access, correction, deletion) even where their data has been used by an AI system, and record how.

## Retention and deletion

- Keep training and evaluation data only as long as needed to build, explain and reproduce the model, or as the law requires.
- Keep prompts and outputs that contain personal data no longer than the retention period set for that system in the inventory.
- When a data set is deleted, record what was deleted, when, and which models were trained on it.
- Make sure suppliers delete our data at the end of a contract, and keep their confirmation.

## Responsibilities

- {{role.technical-controls}} owns the technical controls: access, logging, storage and deletion.
- {{role.legal-privacy-review}} decides on legal basis, licences and personal data questions.
- System owners keep the records above current for their systems.

${documentControl('technical-controls', 'ai-governance-owner', reviewIntervalMonths)}
`,
};
