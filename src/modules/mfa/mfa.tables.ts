import type { Generated } from 'kysely';

// The second factor's tables. Only this module queries them. It also adds a
// mark to the platform's sessions and API tokens: whether the second factor
// was shown when they were made (an enforcing organization asks for it).

declare module '../../platform/db/tables.js' {
  interface DB {
    mfa_totp: MfaTotpTable;
    mfa_recovery_codes: MfaRecoveryCodesTable;
    mfa_challenges: MfaChallengesTable;
    mfa_org_policies: MfaOrgPoliciesTable;
  }
  interface SessionsTable {
    /** 1 when the session was started with the second factor, or enrolled it */
    mfa_verified: Generated<number>;
  }
}

/**
 * api_tokens.mfa_verified: 1 when the token was created from a session with
 * the mark. Not merged into the platform's row type (token rows are built in
 * code there); this module's queries see it through `withTokenMark`.
 */
export type TokenMarkTables = {
  api_tokens: { mfa_verified: Generated<number> };
};

export interface MfaTotpTable {
  user_id: string;
  /** base32; kept as is (the server must read it to check codes), never returned after enrolment */
  secret: string;
  confirmed_at: string | null;
  last_step: Generated<number>;
  failures: Generated<number>;
  failures_since: string | null;
  created_at: string;
}

export interface MfaRecoveryCodesTable {
  id: string;
  user_id: string;
  /** sha-256 of the normalised code */
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface MfaChallengesTable {
  /** sha-256 of the challenge token */
  id: string;
  user_id: string;
  failures: Generated<number>;
  created_at: string;
  expires_at: string;
}

export interface MfaOrgPoliciesTable {
  org_id: string;
  required: number;
  updated_at: string;
  updated_by: string | null;
}
