import { createContext, use } from 'react';
import type { Organization, Role } from '../../shared/api';
import { can, type Permission, type PermissionTable } from './permissions';

export interface OrgContextValue {
  org: Organization;
  role: Role | undefined;
  can: (permission: Permission) => boolean;
}

export const OrgContext = createContext<OrgContextValue | null>(null);

export function orgContextValue(org: Organization, permissions: PermissionTable): OrgContextValue {
  return { org, role: org.role, can: (p) => can(permissions, org.role, p) };
}

/** The organization of the current /orgs/:orgId page. */
export function useOrg(): OrgContextValue {
  const value = use(OrgContext);
  if (!value) throw new Error('useOrg used outside an organization page');
  return value;
}
