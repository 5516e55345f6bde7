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
  owner_email: string | null;
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
  owner_email: string | null;
  due_date: string;
  effort: string;
  priority: number;
  status: string;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

/**
 * The database as Kysely sees it. Platform tables are listed here; each module
 * adds its own from its <domain>.tables.ts (declaration merging), so a table's
 * shape lives beside the only code allowed to query it.
 */
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
  gap_assessments: GapAssessmentsTable;
  gap_answers: GapAnswersTable;
  gap_actions: GapActionsTable;
}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
