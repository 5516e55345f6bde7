// Row shapes of the platform's tables, as Kysely sees them (modules declare
// theirs in <domain>.tables.ts). Timestamps are ISO-8601 UTC
// strings and JSON columns are text in both dialects, so one set of queries
// serves SQLite and PostgreSQL alike.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../auth/roles.js';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  /** 1 after an administrator or the CLI set a temporary password: every API call but changing it answers 403 */
  must_change_password: Generated<number>;
}

export interface SessionsTable {
  /** sha-256 of the cookie value: a stolen database does not yield live sessions */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
  ip: string | null;
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
  /** null: never expires */
  expires_at: string | null;
}

export interface SignInAttemptsTable {
  id: string;
  email: string;
  ip: string;
  succeeded: number;
  at: string;
}

/** One request to a public route (a certificate lookup, a trust page view), kept for the length of its window. */
export interface PublicHitsTable {
  id: string;
  /** which public route's limit the hit counts against */
  bucket: string;
  ip: string;
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
  role: Role;
  created_at: string;
  /** time-boxed access, used for external auditors */
  expires_at: string | null;
  /** access begins here (an auditor's audit days); null: from creation */
  starts_at: string | null;
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

/**
 * The database as Kysely sees it. Tables the platform itself queries (people,
 * sign-in, organizations and memberships, the audit log) are listed here; each
 * module adds its own from its <domain>.tables.ts (declaration merging), so a
 * table's shape lives beside the only code allowed to query it
 * (test/architecture.test.ts enforces that).
 */
export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_attempts: SignInAttemptsTable;
  public_hits: PublicHitsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  audit_log: AuditLogTable;
}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
