// Row shapes of every table, as Kysely sees them. Timestamps are ISO-8601 UTC
// strings and JSON columns are text in both dialects, so one set of queries
// serves SQLite and PostgreSQL alike.
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface InstanceSettingsTable {
  key: string;
  value: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  /** sha-256 of the cookie value: a stolen database does not yield live sessions */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SignInAttemptsTable {
  id: string;
  email: string;
  ip: string;
  succeeded: number;
  at: string;
}

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  created_at: string;
  /** time-boxed access, used for external auditors */
  expires_at: string | null;
}

export interface OrgProfilesTable {
  org_id: string;
  legal_name: string | null;
  country: string | null;
  employee_count: number | null;
  sector: string | null;
  ai_roles: string;
  sites: string;
  certifications: string;
  target_markets: string;
  updated_at: string;
}

export interface ScopeVersionsTable {
  id: string;
  org_id: string;
  version: number;
  status: string;
  content: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approved_by: string | null;
  approved_at: string | null;
  approval_note: string | null;
  statement: string | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  org_id: string | null;
  actor_user_id: string | null;
  actor: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface OrgSettingsTable {
  org_id: string;
  review_interval_days: number;
  /** JSON array of the organization's risk levels, lowest first */
  risk_scale: string;
  updated_at: string;
}

export interface SuppliersTable {
  id: string;
  org_id: string;
  name: string;
  /** name folded for duplicate matching */
  name_key: string;
  kinds: string;
  website: string | null;
  contact: string | null;
  description: string;
  certifications: string;
  risk_rating: string | null;
  last_review_date: string | null;
  next_review_date: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface SupplierReviewsTable {
  id: string;
  org_id: string;
  supplier_id: string;
  review_date: string;
  reviewer: string;
  answers: string;
  risk_rating: string;
  next_review_date: string;
  notes: string;
  created_at: string;
}

export interface AiSystemsTable {
  id: string;
  org_id: string;
  external_id: string | null;
  name: string;
  name_key: string;
  kind: string | null;
  business_owner_user_id: string | null;
  business_owner_name: string | null;
  technical_owner_user_id: string | null;
  technical_owner_name: string | null;
  purpose: string;
  user_impact: string;
  data_categories: string;
  data_source: string;
  data_sensitivity: string | null;
  risk_level: string | null;
  monitoring_method: string;
  ai_role: string | null;
  lifecycle_stage: string | null;
  in_scope: number | null;
  intended_use: string;
  foreseeable_misuse: string;
  human_oversight: string;
  deployment_date: string | null;
  last_review_date: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  merged_into_id: string | null;
}

export interface AiSystemSuppliersTable {
  org_id: string;
  ai_system_id: string;
  supplier_id: string;
  dependency: string;
}

export interface GapAssessmentsTable {
  id: string;
  org_id: string;
  title: string;
  assessment_date: string;
  assessor: string;
  catalogue_version: string;
  status: string;
  /** ids of ISO/IEC 27001 processes the organization reuses */
  reused_isms_processes: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface GapAnswersTable {
  assessment_id: string;
  org_id: string;
  requirement_id: string;
  status: string;
  maturity: number | null;
  notes: string;
  justification: string;
  owner_user_id: string | null;
  owner_name: string | null;
  links: string;
  updated_by: string | null;
  updated_at: string;
}

export interface GapActionsTable {
  id: string;
  org_id: string;
  assessment_id: string;
  requirement_id: string;
  title: string;
  owner_user_id: string | null;
  owner_name: string | null;
  due_date: string;
  effort: string;
  priority: number;
  status: string;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface DB {
  instance_settings: InstanceSettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_attempts: SignInAttemptsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  org_profiles: OrgProfilesTable;
  scope_versions: ScopeVersionsTable;
  audit_log: AuditLogTable;
  org_settings: OrgSettingsTable;
  suppliers: SuppliersTable;
  supplier_reviews: SupplierReviewsTable;
  ai_systems: AiSystemsTable;
  ai_system_suppliers: AiSystemSuppliersTable;
  gap_assessments: GapAssessmentsTable;
  gap_answers: GapAnswersTable;
  gap_actions: GapActionsTable;
}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
