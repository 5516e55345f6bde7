import type { Role } from '../../platform/auth/roles.js';

// The invitations module's table. Only this module queries it.

declare module '../../platform/db/tables.js' {
  interface DB {
    invitations: InvitationsTable;
  }
}

export type InvitationEmailState = 'none' | 'pending' | 'sent' | 'failed';

export interface InvitationsTable {
  id: string;
  org_id: string;
  /** normalized (lower case) */
  email: string;
  role: Role;
  /** when the membership made by accepting ends; null: no end */
  expires_at: string | null;
  /** the link works until then */
  accept_by: string;
  /** sha-256 of the one-time token in the link; the token itself is never stored */
  token_hash: string;
  invited_at: string;
  invited_by_user_id: string | null;
  /** the inviter as the audit log names them (an email, "cli") */
  invited_by: string;
  accepted_at: string | null;
  accepted_by_user_id: string | null;
  revoked_at: string | null;
  email_state: InvitationEmailState;
  email_error: string | null;
}
