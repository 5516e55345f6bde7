import { type DocumentTemplate, documentControl } from './template.js';

// Most AI at a company this size comes from suppliers (model APIs, SaaS with
// AI features); these controls keep that dependency visible and managed.
const reviewIntervalMonths = 12;

export const supplierVendorControls: DocumentTemplate = {
  id: 'supplier-vendor-controls',
  title: 'AI supplier and vendor controls',
  docType: 'supplier-vendor-controls',
  category: 'procedure',
  requiresAcknowledgement: false,
  reviewIntervalMonths,
  summary:
    'How AI suppliers and third-party models are assessed before use, what contracts must cover, how suppliers are reviewed, and how to exit.',
  body: `# AI supplier and vendor controls

**Relates to:** 8.1, A.10.2, A.10.3, A.10.4

## Purpose

{{org.name}} relies on other companies for models, AI platforms and software with AI features. These controls make sure we know what each supplier does with our data and our customers' data, that responsibilities are split clearly, and that we can leave if we need to.

They apply to any supplier whose product contains or provides AI used in the AI systems in scope, and to any AI tool staff use for company work.

## Before you buy or connect

1. Check the supplier register. If the supplier and the intended use are already approved, follow the recorded conditions.
2. If not, the requesting team completes the supplier assessment in OpenAIMS and asks {{role.ai-use-approver}} for approval.
3. Assess, in proportion to the risk:
   - what the product does and which AI models it uses, including the supplier's own suppliers;
   - what data we send, where it is processed and stored, and whether it is used to train the supplier's models;
   - security certifications and audit reports;
   - the supplier's information on model limits, testing, bias and known failure modes;
   - how the supplier reports incidents and model changes to us;
   - financial and operational stability, and how hard it would be to replace.
4. {{role.legal-privacy-review}} reviews data protection and contract terms. {{role.technical-controls}} reviews security and integration.
5. Rate the supplier on the organization's risk scale and record the decision with its conditions.

## Contracts

Contracts with AI suppliers should cover at least:

- what the supplier is responsible for and what we are responsible for, including towards our customers;
- no use of our or our customers' data to train or improve the supplier's models without our written agreement;
- where data is processed, sub-processors, and notice of changes;
- notice of material model changes and of deprecations, with enough time to re-test;
- incident notification with a deadline, and cooperation in investigations;
- our right to information needed for our own risk and impact assessments;
- return and deletion of data at the end of the contract.

Where a supplier will not agree to a term, record the gap and how the risk is treated.

## Ongoing review

- Review every AI supplier at least once a year, and high-risk ones every six months.
- Review at once after a supplier incident, a major model change, a change of ownership, or a change in how we use the product.
- Check that the conditions set at approval are still met and update the supplier register.

## Customers

When we provide AI to our own customers, tell them what the AI does, its limits, what data it uses, and which responsibilities stay with them. Keep this information current when the system changes.

## Exit

For every supplier rated high risk or critical to a product, keep a short exit plan: an alternative supplier or a fallback without AI, how data is retrieved and deleted, and how long a switch would take. When a contract ends, get written confirmation that our data has been deleted.

${documentControl('ai-use-approver', 'ai-governance-owner', reviewIntervalMonths)}
`,
};
