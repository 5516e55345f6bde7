import { type DocumentTemplate, documentControl } from './template.js';

// The gates an AI system passes from idea to retirement, and the record each
// gate leaves, so an auditor can follow one system end to end.
const reviewIntervalMonths = 12;

export const aiLifecycleControls: DocumentTemplate = {
  id: 'ai-lifecycle-controls',
  title: 'AI system life cycle controls',
  docType: 'ai-lifecycle-controls',
  category: 'procedure',
  requiresAcknowledgement: false,
  reviewIntervalMonths,
  summary:
    'The stages an AI system passes from design to retirement, the gate at the end of each, and the records each gate leaves.',
  body: `# AI system life cycle controls

**Relates to:** 8.1, A.6.1.2, A.6.1.3, A.6.2.2, A.6.2.3, A.6.2.4, A.6.2.5, A.6.2.6, A.6.2.7, A.6.2.8

## Purpose

These controls apply to every AI system {{org.name}} builds or substantially changes, whether a model we train, a model we fine-tune, or a feature built on a supplier's model. Each stage ends with a gate: do not move on until the gate is passed and its record exists.

## Stages, gates and records

| Stage | Gate: who decides | Record |
| --- | --- | --- |
| 1. Design | {{role.ai-use-approver}} approves the use case | Requirements, intended use, inventory entry |
| 2. Development | {{role.technical-controls}} confirms the build follows our standards | Design notes, data sets and versions used |
| 3. Verification and validation | {{role.ai-risk-reviewer}} accepts the test results | Test plan, results, known limits |
| 4. Deployment | {{role.ai-use-approver}} releases it | Release record, user information, rollback plan |
| 5. Operation and monitoring | System owner, continuously | Monitoring results, event logs, incidents |
| 6. Retirement | {{role.ai-governance-owner}} approves the retirement | Retirement record, data disposal |

## 1. Design

- Write down what the system is for, who will use it, who it affects, and what it must never do.
- Set measurable requirements: accuracy, fairness, robustness, response time, and the level of human oversight.
- Run the AI risk assessment and screen for an impact assessment.

## 2. Development

- Use only data sets recorded under the data governance controls.
- Keep models, prompts, configuration and code under version control.
- Record design choices and trade-offs, especially where they affect fairness, safety or explainability.

## 3. Verification and validation

- Test against every requirement from the design stage, on data the model has not seen.
- Test for unequal performance across user groups, for misuse and prompt injection, and for behaviour on unusual inputs.
- Record known limits in plain language; they become part of the information for users.

## 4. Deployment

- Confirm that risk treatments are in place and that any impact assessment is approved.
- Tell users they are dealing with AI and what it is for, and publish the information customers need to use it properly.
- Have a tested way to roll back or switch the feature off.

## 5. Operation and monitoring

- Monitor the agreed metrics, drift, complaints and misuse; set thresholds that raise an alert.
- Keep event logs long enough to investigate an incident.
- Handle failures through the AI incident handling procedure.
- Treat any change to the model, data, purpose or users as a new pass through stages 1 to 4, scaled to the size of the change.

## 6. Retirement

- Tell affected customers and users in good time and offer an alternative where needed.
- Switch the system off, then delete or archive models and data as the data governance controls require.
- Update the inventory, risk register and scope.

## Technical documentation

The system owner keeps the technical documentation of each system current: architecture, models and versions, data, test results, limits and operating instructions. It must be enough for a new engineer or an auditor to understand the system.

${documentControl('technical-controls', 'ai-governance-owner', reviewIntervalMonths)}
`,
};
