import { type DocumentTemplate, documentControl } from './template.js';

// The process around the risk method: the scales and matrix themselves live
// in OpenAIMS (the risk method record), so this narrative points to them
// instead of copying numbers that would go stale.
const reviewIntervalMonths = 12;

export const aiRiskAssessmentMethod: DocumentTemplate = {
  id: 'ai-risk-assessment-method',
  title: 'AI risk assessment method',
  docType: 'ai-risk-assessment-method',
  category: 'procedure',
  requiresAcknowledgement: false,
  reviewIntervalMonths,
  summary:
    'When AI risks are assessed, by whom, how they are scored with the risk method, who may accept them, and how often they are reviewed.',
  body: `# AI risk assessment method

**Relates to:** 6.1.1, 6.1.2, 6.1.3, 8.2, 8.3

## Purpose

This procedure describes how {{org.name}} finds, scores and decides on risks that come from the AI systems it builds and uses, so that the same risk gets the same answer whoever assesses it.

## When to assess

Assess AI risks:

- before a new AI system, model or AI feature is deployed or a new AI tool is approved for company use;
- when an AI system changes materially: new model or model version, new training data, new user group, new purpose, or a new supplier;
- after an AI incident or a near miss involving the system;
- at least every {{riskMethod.reviewInterval}} for every risk in the register, and whenever monitoring shows the risk has changed.

## Who does what

| Step | Who |
| --- | --- |
| Identify and describe risks | The team that owns the AI system, with the system owner accountable |
| Review the assessment | {{role.ai-risk-reviewer}} |
| Review legal and privacy aspects | {{role.legal-privacy-review}} |
| Confirm technical controls | {{role.technical-controls}} |
| Keep this method current | {{role.ai-risk-reviewer}} |

## How to assess

1. **Describe the system and its context.** Purpose, users, people affected, data used, supplier, degree of automation.
2. **Identify risks.** Work through the risk sources listed in the risk method (for example fairness, privacy, security, robustness, transparency, misuse) and note each credible way the system could cause harm to the company, to individuals, to groups or to society.
3. **Score each risk.** Use the likelihood and impact scales of the risk method held in OpenAIMS. The method's matrix turns the two scores into a level: {{riskMethod.levels}}. Do not invent your own scale or adjust levels by hand.
4. **Record it.** Enter each risk in the AI risk register with its owner, cause, consequences and score. A risk that is not in the register does not exist for decision-making.

## Treatment and acceptance

1. For every risk, choose to reduce, avoid, transfer or accept it, and record the reason.
2. Link each treatment action to the controls it relies on, so the Statement of Applicability stays true.
3. The risk owner may accept a risk up to level **{{riskMethod.acceptableLevel}}**. Anything higher needs the approval named in the risk method, recorded in the register with a reason.
4. Re-score the risk once treatment actions are complete and record the residual level.

## Review

- Each risk is reviewed on its due date and after any trigger listed under "When to assess".
- {{role.ai-risk-reviewer}} reports open high risks and overdue reviews to the management review.
- {{role.ai-risk-reviewer}} reviews this procedure and the risk method at least every ${reviewIntervalMonths} months and proposes changes through the risk method's approval; {{role.ai-governance-owner}} approves them.

${documentControl('ai-risk-reviewer', 'ai-governance-owner', reviewIntervalMonths)}
`,
};
