import { useQuery } from '@tanstack/react-query';
import { api, type Role, type Schemas, unwrap } from '../../shared/api';

// What each role may do comes from the server (GET /api/v1/roles, the table
// every org route is checked against), fetched once per session. The web app
// uses it only to hide or disable what a role cannot do: the server still
// decides every request.

export type Permission = 'read' | 'write' | 'approve' | 'admin' | 'concern' | 'audit-room' | 'audit';
export type PermissionTable = Schemas['RolePermissions']['permissions'];

export function useRolePermissions() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => unwrap(api.GET('/api/v1/roles')),
    staleTime: Number.POSITIVE_INFINITY,
    select: (data) => data.permissions,
  });
}

export function can(table: PermissionTable, role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (table[permission] ?? []).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  contributor: 'Contributor',
  viewer: 'Viewer',
  auditor: 'Auditor',
};

export const ROLE_HELP: Record<Role, string> = {
  owner: 'Everything, including members and roles',
  admin: 'Everything, including members and roles',
  editor: 'Edit and approve records, edit the profile',
  contributor: 'Edit drafts, cannot approve',
  viewer: 'Read only',
  auditor: 'Read only, plus the audit log; access can end on a date',
};
