import type { paths } from '../../shared/api-types';

// An AI system's dependency on a supplier is the suppliers module's vocabulary.
export { DEPENDENCY_LABELS, type Dependency } from '../suppliers';

// Words for the inventory's API values. Each map is typed by the server's
// enum, so a value added there fails the type check here until it has a label.

type CreateBody = paths['/api/v1/orgs/{orgId}/ai-systems']['post']['requestBody']['content']['application/json'];
type ListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/ai-systems']['get']['parameters']['query']>;

// (optional choices also accept '' for "none", stored as null: not a value to label)
type Choice<T> = Exclude<NonNullable<T>, ''>;
export type AiSystemKind = Choice<CreateBody['kind']>;
export type UserImpact = NonNullable<CreateBody['userImpact']>[number];
export type DataSensitivity = Choice<CreateBody['dataSensitivity']>;
export type LifecycleStage = Choice<CreateBody['lifecycleStage']>;
export type AiRole = Choice<CreateBody['aiRole']>;
export type Missing = NonNullable<ListQuery['missing']>;
export type Sort = NonNullable<ListQuery['sort']>;

export const KIND_LABELS: Record<AiSystemKind, string> = {
  'own-model': 'Own model',
  'product-feature': 'AI feature of a product',
  'internal-tool': 'Internal tool',
  'third-party-saas': 'Third-party SaaS with AI',
  agent: 'AI agent',
};

export const USER_IMPACT_LABELS: Record<UserImpact, string> = {
  internal: 'Internal use',
  'customer-facing': 'Customer-facing use',
  'decision-support': 'Decision-support use',
};

export const SENSITIVITY_LABELS: Record<DataSensitivity, string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  personal: 'Personal data',
  'special-category': 'Special-category personal data',
};

// Annex A.6: the AI system life cycle
export const LIFECYCLE_LABELS: Record<LifecycleStage, string> = {
  planning: 'Planning',
  design: 'Design',
  development: 'Development',
  'verification-and-validation': 'Verification and validation',
  deployment: 'Deployment',
  'operation-and-monitoring': 'Operation and monitoring',
  change: 'Change',
  retired: 'Retired',
};

export const AI_ROLE_LABELS: Record<AiRole, string> = {
  provider: 'AI provider',
  producer: 'AI producer (developer)',
  customer: 'AI customer (user)',
  partner: 'AI partner',
};

export const MISSING_LABELS: Record<Missing, string> = {
  owner: 'Missing an owner',
  risk: 'Not risk-rated',
  monitoring: 'No monitoring method',
  supplier: 'Third-party without supplier',
  review: 'Review overdue or never done',
};

/** Short names of the flags the server raises (inventory.rules.ts), for badges. */
export const FLAG_LABELS: Record<string, string> = {
  'no-business-owner': 'No business owner',
  'no-technical-owner': 'No technical owner',
  'not-risk-rated': 'Not risk-rated',
  'risk-level-unknown': 'Unknown risk level',
  'no-monitoring-method': 'No monitoring',
  'third-party-without-supplier': 'No supplier',
  'never-reviewed': 'Never reviewed',
  'review-overdue': 'Review overdue',
  'not-in-approved-scope': 'Not in approved scope',
  'excluded-but-in-scope': 'Scope mismatch',
  'possible-duplicate': 'Possible duplicate',
};

/** Field names as the form labels them, for flags and the change history. */
export const FIELD_LABELS: Record<keyof CreateBody, string> = {
  name: 'Name',
  businessOwner: 'Business owner',
  technicalOwner: 'Technical owner',
  purpose: 'Purpose',
  userImpact: 'User impact',
  dataCategories: 'Data categories',
  dataSource: 'Data source',
  dataSensitivity: 'Data sensitivity',
  suppliers: 'Supplier dependency',
  riskLevel: 'Risk level',
  monitoringMethod: 'Monitoring method',
  kind: 'Kind',
  aiRole: 'Our AI role',
  lifecycleStage: 'Life-cycle stage',
  inScope: 'In scope',
  intendedUse: 'Intended use',
  foreseeableMisuse: 'Reasonably foreseeable misuse',
  humanOversight: 'Human oversight',
  deploymentDate: 'Deployment date',
  lastReviewDate: 'Last review date',
  tags: 'Tags',
  externalId: 'External id',
};

export function inScopeLabel(v: boolean | null): string {
  return v === null ? 'Not decided' : v ? 'In scope' : 'Out of scope';
}
