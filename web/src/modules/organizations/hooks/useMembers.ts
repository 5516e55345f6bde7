import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import { membersKey } from '../../../shared/org/orgData';
import type { paths } from '../../../shared/api-types';

export type AddMemberInput = paths['/api/v1/orgs/{orgId}/members']['post']['requestBody']['content']['application/json'];
export type UpdateMemberInput =
  paths['/api/v1/orgs/{orgId}/members/{userId}']['patch']['requestBody']['content']['application/json'];

export function useAddMember(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/members', { params: { path: { orgId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: membersKey(orgId) }),
  });
}

export function useUpdateMember(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateMemberInput }) =>
      unwrap(api.PATCH('/api/v1/orgs/{orgId}/members/{userId}', { params: { path: { orgId, userId } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: membersKey(orgId) }),
  });
}

export function useRemoveMember(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE('/api/v1/orgs/{orgId}/members/{userId}', { params: { path: { orgId, userId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: membersKey(orgId) }),
  });
}
