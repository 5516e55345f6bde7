// The roles module's table. Only this module queries it; others ask through
// its index.ts (governanceRoles, roleHolder, rolesOfMember).

declare module '../../platform/db/tables.js' {
  interface DB {
    governance_roles: GovernanceRolesTable;
  }
}

export interface GovernanceRolesTable {
  id: string;
  org_id: string;
  /** one of ROLE_KEYS for the six seeded roles, never changed; null for the org's own */
  key: string | null;
  name: string;
  /** the name lower-cased with spaces collapsed: names are unique per org case-insensitively */
  name_key: string;
  responsibilities: string;
  /** what the role may decide or approve */
  authorities: string;
  holder_user_id: string | null;
  holder_name: string | null;
  holder_email: string | null;
  deputy_user_id: string | null;
  deputy_name: string | null;
  deputy_email: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}
