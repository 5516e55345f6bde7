// The single sign-on tables. Only this module queries them.

declare module '../../platform/db/tables.js' {
  interface DB {
    sso_settings: SsoSettingsTable;
    sso_domains: SsoDomainsTable;
    sso_logins: SsoLoginsTable;
  }
}

/** An organization's OpenID Connect provider; no row: no single sign-on. */
export interface SsoSettingsTable {
  org_id: string;
  /** the provider's issuer identifier, checked by discovery when saved */
  issuer: string;
  client_id: string;
  /** write-only through the API: never returned, only whether it is set */
  client_secret: string | null;
  /** the role of a member added on first sign-in; never owner */
  default_role: string;
  /** 1: password sign-in is refused to members, except the break-glass owner */
  enforce: number;
  /** an owner who may still sign in with a password when the provider is down */
  break_glass_user_id: string | null;
  created_at: string;
  updated_at: string;
}

/** An email domain an organization claims; one organization per domain. */
export interface SsoDomainsTable {
  /** lowercase, e.g. example.com */
  domain: string;
  org_id: string;
}

/** A sign-in sent to the provider and not yet back: used once, expires soon. */
export interface SsoLoginsTable {
  state_hash: string;
  org_id: string;
  nonce: string;
  code_verifier: string;
  /** the callback address sent to the provider, sent again with the code */
  redirect_uri: string;
  created_at: string;
  expires_at: string;
}
