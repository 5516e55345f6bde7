import { type DocumentTemplate, documentControl } from './template.js';

// Impact assessments look outward (people, groups, society) where risk
// assessments look at the organization; this procedure says when one is due.
const reviewIntervalMonths = 12;

export const aiImpactAssessmentProcedure: DocumentTemplate = {
  id: 'ai-impact-assessment-procedure',
  title: 'AI system impact assessment procedure',
  docType: 'ai-impact-assessment-procedure',
  category: 'procedure',
  requiresAcknowledgement: false,
  reviewIntervalMonths,
  summary:
    'When an AI system needs an impact assessment on individuals, groups and society, the steps, who approves, and what triggers a reassessment.',
  body: `# AI system impact assessment procedure

**Relates to:** 6.1.4, 8.4, A.5.2, A.5.3, A.5.4, A.5.5

## Purpose

An impact assessment asks what an AI system could do to the people who use it, the people it makes decisions about, and society more widely. This procedure says when {{org.name}} carries one out and how.

## When an impact assessment is needed

Carry out an impact assessment before deployment when an AI system:

- makes or shapes decisions about people (hiring, credit, pricing, access to a service, content moderation, support prioritisation);
- processes personal data, especially sensitive data, or profiles people;
- interacts directly with customers or the public, or generates content they will rely on;
- runs with little or no human review of its outputs;
- is used in a regulated domain or in a way a regulator has flagged as high risk.

Internal tools used only on company data with a human checking every output usually need no full assessment: record that screening decision and the reason in the AI system inventory.

## Steps

1. **Screen.** The system owner answers the screening questions in OpenAIMS. If any point above applies, continue.
2. **Describe.** Intended purpose, foreseeable misuse, who is affected, the data used, the level of automation, and how people can contest an outcome.
3. **Assess impacts.** For individuals, for groups (including unequal effects on protected groups) and for society, describe what could go wrong, how severe it would be and how likely it is, using the impact scale of the risk method.
4. **Plan mitigations.** For each significant impact, name the measure (design change, human review, notice to users, monitoring, limits of use) and its owner. Raise a risk in the risk register for anything that remains.
5. **Consult.** {{role.legal-privacy-review}} reviews legal and privacy points; where it makes sense, ask people who represent those affected.
6. **Approve.** {{role.ai-risk-reviewer}} reviews the assessment; {{role.ai-use-approver}} decides whether the system may go live and on what conditions.
7. **Record.** Keep the approved assessment in OpenAIMS, linked to the AI system. Share a summary with customers on request where the contract allows.

## Reassessment triggers

Review the assessment, and update it where needed, when:

- the purpose, user group or affected group changes;
- the model, training data or supplier changes in a way that could change outcomes;
- an incident, complaint or monitoring result suggests harm to people;
- the law or a customer contract changes what is required;
- in any case at least every ${reviewIntervalMonths} months while the system is in use.

## Records

Keep for each assessment: the screening answer, the full assessment, the approver and date, the mitigations and their status, and the reasons for any decision not to mitigate. Keep them for as long as the system is in use and at least three years after its retirement.

${documentControl('ai-risk-reviewer', 'ai-governance-owner', reviewIntervalMonths)}
`,
};
