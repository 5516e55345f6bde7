import type { Role } from '../../shared/api';

// Mirrors the server's permission table (src/platform/auth/roles.ts) to hide
// or disable what a role cannot do. The server still decides every request.
const PERMISSIONS = {
  read: ['owner', 'admin', 'editor', 'contributor', 'viewer', 'auditor'],
  write: ['owner', 'admin', 'editor', 'contributor'],
  approve: ['owner', 'admin', 'editor'],
  manageMembers: ['owner', 'admin'],
  readAuditLog: ['owner', 'admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role);
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
