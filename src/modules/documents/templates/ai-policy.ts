import { type DocumentTemplate, documentControl } from './template.js';

// The top-level AI policy: short enough that every member reads and
// acknowledges it, specific enough that a team knows what to do on Monday.
const reviewIntervalMonths = 12;

export const aiPolicy: DocumentTemplate = {
  id: 'ai-policy',
  title: 'AI policy',
  docType: 'ai-policy',
  category: 'policy',
  requiresAcknowledgement: true,
  reviewIntervalMonths,
  summary:
    'Why and how the organization builds and uses AI, the commitments it makes, and what every team must do before using AI.',
  body: `# AI policy of {{org.name}}

**Relates to:** 5.2, A.2.2, A.2.3, A.2.4, A.3.3, A.9.2, A.9.3

## Purpose

This policy sets out how {{org.name}} develops, buys and uses AI so that our products stay useful, lawful and fair, and so that customers can trust the AI features we ship. It is the reference point for every other AI procedure we keep.

## Scope

This policy applies to everyone who works for or on behalf of {{org.name}}, including contractors, and to every AI system inside the scope of our AI management system:

> {{scope.statement}}

AI systems currently in scope: {{scope.aiSystems}}.

## Our commitments

1. **Meet our obligations.** We comply with the laws of {{org.country}} and of every market we serve, and with the contracts and customer commitments that apply to the AI we build and use.
2. **Know our AI.** Every AI system we build or use for business purposes is recorded in the AI system inventory before it goes live.
3. **Assess before we act.** We assess risks and, where people can be affected, impacts before an AI system is deployed or materially changed.
4. **Keep people in control.** A named person is accountable for every AI system, and people can question, override or stop AI outputs that matter.
5. **Protect data.** We use only data we are entitled to use, for the purpose it was collected for, and we keep customer data out of tools that are not approved for it.
6. **Be open.** We tell customers and users when they interact with AI and what it can and cannot do.
7. **Improve.** We set AI objectives, measure them, learn from incidents and review this management system at least once a year.

## Before you use or build AI

Whatever your team, do the following before an AI tool, model or feature is used for company work:

1. Check the AI system inventory. If the tool or use is already approved, follow the conditions recorded there.
2. If it is not, describe the use case: purpose, users, data involved, supplier, and who is affected by the output.
3. Ask {{role.ai-use-approver}} for approval. Do not put customer data or personal data into an unapproved tool.
4. For anything customer-facing or that makes decisions about people, complete the AI risk assessment and, where required, the impact assessment, and have them reviewed by {{role.ai-risk-reviewer}}.
5. Record the result in the inventory and keep it up to date when the use changes.

## Who approves

- **New AI uses and tools:** {{role.ai-use-approver}}.
- **Risks above the acceptable level ({{riskMethod.acceptableLevel}}):** as the risk method says.
- **Legal and privacy questions:** {{role.legal-privacy-review}}.
- **This policy:** top management, on the proposal of {{role.ai-governance-owner}}.

## Raising concerns

If you think an AI system is causing harm, behaving unexpectedly, or being used against this policy, say so. Tell your manager or {{role.ai-governance-owner}}, or report it as an AI incident to {{role.incident-escalation}}. You can raise a concern anonymously through the usual whistleblowing channel. Nobody is penalised for raising a concern in good faith.

## Breaches

Using AI against this policy can put customers and the company at risk. Breaches are handled through the normal disciplinary and contract processes, in proportion to what happened.

## Review

{{role.ai-governance-owner}} reviews this policy at least every ${reviewIntervalMonths} months, and sooner after a significant incident, a change in law, or a change in the scope of the AI management system. Every member acknowledges each approved version.

${documentControl('ai-governance-owner', 'Top management, on the proposal of {{role.ai-governance-owner}}', reviewIntervalMonths)}
`,
};
