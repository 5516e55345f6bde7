// Roles are per organization. What each may do is one table, read by every
// route, so a reviewer can check the whole access model here. The API serves
// it (GET /api/v1/roles) so the web app hides what a role cannot do without
// keeping a copy.
export const ROLES = ['owner', 'admin', 'editor', 'contributor', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** see the organization's compliance records */
  read: ['owner', 'admin', 'editor', 'contributor', 'viewer', 'auditor'],
  /** create and edit drafts of compliance records */
  write: ['owner', 'admin', 'editor', 'contributor'],
  /** approve records (scope, policy...) and edit the organization profile */
  approve: ['owner', 'admin', 'editor'],
  /** add and remove members, change roles */
  admin: ['owner', 'admin'],
  /** raise a concern about an AI system (A.3.3): every member of the organization; not external auditors */
  concern: ['owner', 'admin', 'editor', 'contributor', 'viewer'],
  /** raise requests and record findings in a certification audit's room: the body's auditors and who runs the audit here */
  'audit-room': ['owner', 'admin', 'editor', 'auditor'],
  /** read the audit log: management and the auditors who sample it */
  audit: ['owner', 'admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
