import { type DocumentTemplate, documentControl } from './template.js';

// Incident handling for AI-specific failures; it sits beside, not instead of,
// the security incident process, and says when to hand over to it.
const reviewIntervalMonths = 12;

export const aiIncidentHandling: DocumentTemplate = {
  id: 'ai-incident-handling',
  title: 'AI incident handling procedure',
  docType: 'ai-incident-handling',
  category: 'procedure',
  requiresAcknowledgement: false,
  reviewIntervalMonths,
  summary: 'What counts as an AI incident, how to report it, triage and severity, escalation, communication and lessons learned.',
  body: `# AI incident handling procedure

**Relates to:** 10.2, A.3.3, A.6.2.6, A.6.2.8, A.8.4

## Purpose

AI systems fail in ways ordinary software does not: confident wrong answers, unfair outcomes, leaked training data, drift. This procedure makes sure such failures at {{org.name}} are noticed, contained, told to the right people and learned from.

## What counts as an AI incident

Treat any of the following as an AI incident:

- an AI output caused, or nearly caused, harm to a customer, user, employee or third party;
- an AI system produced unfair or discriminatory outcomes for a group;
- personal or confidential data was exposed through an AI system, a prompt or a model;
- an AI system was manipulated (prompt injection, data poisoning, jailbreak) or used outside its intended purpose;
- performance dropped below the agreed threshold, or monitoring alarms went unanswered;
- an AI supplier reported an incident that affects our systems or data.

If in doubt, report it. A report that turns out to be nothing costs little.

## How to report

1. Report at once in the incident channel or to {{role.incident-escalation}}. Say which AI system, what happened, when, who is affected, and what you have already done.
2. Keep evidence: prompts, outputs, logs, screenshots, model and configuration versions. Do not delete or retrain anything yet.
3. If the incident also involves a security breach, follow the security incident process as well.

## Triage and severity

{{role.incident-escalation}} triages every report within one working day and sets the severity:

| Severity | Meaning | Response |
| --- | --- | --- |
| **Critical** | Serious harm to people, a legal breach, or wide customer impact | Contain at once; top management informed the same day |
| **High** | Harm to some customers or users, or a likely legal or contractual issue | Contain within 24 hours; {{role.ai-governance-owner}} informed |
| **Medium** | Limited effect, workaround available | Fix within the next release cycle |
| **Low** | No effect on people; a near miss or quality issue | Record and fix as normal work |

Containment can mean switching the AI feature off, falling back to human handling, rolling back the model, or blocking a supplier integration. {{role.technical-controls}} carries it out.

## Escalation and communication

- {{role.incident-escalation}} owns the incident until it is closed and decides who needs to know.
- {{role.legal-privacy-review}} decides whether regulators, customers or affected people must be notified, and by when. Meet any legal deadline.
- Customer-facing messages are agreed with {{role.ai-governance-owner}} before they go out. Say plainly what happened, who is affected and what we are doing.

## Lessons learned

For every incident of high or critical severity, and for repeated lower ones:

1. Hold a blameless review within two weeks.
2. Find the cause, not only the trigger.
3. Record corrective actions with owners and dates, and update the risk register and, where people were affected, the impact assessment.
4. Check the actions worked, then close the incident.

{{role.ai-governance-owner}} reports incidents and trends to the management review.

${documentControl('incident-escalation', 'ai-governance-owner', reviewIntervalMonths)}
`,
};
