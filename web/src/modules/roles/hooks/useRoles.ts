import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type Role = Schemas['GovernanceRole'];
export type RoleInput = paths['/api/v1/orgs/{orgId}/roles']['post']['requestBody']['content']['application/json'];
export type RoleListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/roles']['get']['parameters']['query']>;

export const rolesKey = (orgId: string) => registerKey(orgId, 'roles');
const roleKey = (orgId: string, id: string) => [...rolesKey(orgId), 'role', id] as const;

export function useRole(orgId: string, id: string) {
  return useQuery({
    queryKey: roleKey(orgId, id),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/roles/{roleId}', { params: { path: { orgId, roleId: id } } })),
  });
}

export function useRoleHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...roleKey(orgId, id), 'history'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/roles/{roleId}/history', { params: { path: { orgId, roleId: id } } })),
  });
}

const INVALIDATES = ['roles'];

export function useCreateRole(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: RoleInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/roles', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

/** An edit: the fields it sends, the ETag of the copy the form opened on, and the values as shown (for the conflict dialog). */
export interface RoleEdit {
  body: Partial<RoleInput>;
  ifMatch: string;
  shown: Record<string, unknown>;
}

export function useUpdateRole(orgId: string, id: string, concurrency?: Concurrency<RoleEdit, Role>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: RoleEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/roles/{roleId}', {
          params: { path: { orgId, roleId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export const exportHref = (orgId: string, format: 'xlsx' | 'pdf' | 'docx') =>
  `/api/v1/orgs/${orgId}/roles/export?format=${format}`;
