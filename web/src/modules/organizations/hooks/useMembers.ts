import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../app/orgs/permissions';
import { api, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Member, membersKey } from '../../../shared/org/orgData';
import { useOrgMutation } from '../../../shared/register';

export type AddMemberInput = paths['/api/v1/orgs/{orgId}/members']['post']['requestBody']['content']['application/json'];
export type UpdateMemberInput =
  paths['/api/v1/orgs/{orgId}/members/{userId}']['patch']['requestBody']['content']['application/json'];

/** Member changes make the members stale (and the audit log, as every write). */
const INVALIDATES = ['members'];

export function useAddMember(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: AddMemberInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/members', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES, notify: (m) => `Added ${m.name} as ${ROLE_LABELS[m.role]}.` },
  );
}

export function useUpdateMember(orgId: string) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    async ({ userId, body }: { userId: string; body: UpdateMemberInput }) => {
      try {
        return await unwrap(api.PATCH('/api/v1/orgs/{orgId}/members/{userId}', { params: { path: { orgId, userId } }, body }));
      } catch (error) {
        // a refused change still refreshes the list, so the role shown is the one held
        void client.invalidateQueries({ queryKey: membersKey(orgId) });
        throw error;
      }
    },
    { invalidates: INVALIDATES, notify: (m) => `${m.name} is now ${ROLE_LABELS[m.role]}.` },
  );
}

/** A one-time password the member must change at next sign-in; the answer is the only time it is shown. */
export function useResetMemberPassword(orgId: string) {
  return useOrgMutation(
    orgId,
    (member: Member) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/members/{userId}/password-reset', {
          params: { path: { orgId, userId: member.userId } },
          body: {},
        }),
      ),
    { invalidates: INVALIDATES },
  );
}

/** Lifts the sign-in lock after too many failed attempts. */
export function useUnlockMember(orgId: string) {
  return useOrgMutation(
    orgId,
    (member: Member) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/members/{userId}/unlock', {
          params: { path: { orgId, userId: member.userId } },
          body: {},
        }),
      ),
    {
      invalidates: INVALIDATES,
      notify: (r, member) =>
        r.clearedAttempts ? `${member.name} can sign in again.` : `${member.name} was not locked out; nothing to unlock.`,
    },
  );
}

export function useRemoveMember(orgId: string) {
  return useOrgMutation(
    orgId,
    (member: Member) =>
      unwrap(api.DELETE('/api/v1/orgs/{orgId}/members/{userId}', { params: { path: { orgId, userId: member.userId } } })),
    { invalidates: INVALIDATES, notify: (_r, member) => `Removed ${member.name} from the organization.` },
  );
}
