import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../app/orgs/permissions';
import { api, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Member, membersKey } from '../../../shared/org/orgData';
import { useOrgMutation } from '../../../shared/register';

export type InviteInput = paths['/api/v1/orgs/{orgId}/members']['post']['requestBody']['content']['application/json'];
export type Invitation =
  paths['/api/v1/orgs/{orgId}/invitations']['get']['responses']['200']['content']['application/json']['items'][number];
export type UpdateMemberInput =
  paths['/api/v1/orgs/{orgId}/members/{userId}']['patch']['requestBody']['content']['application/json'];

/** Member changes make the members and invitations stale (and the audit log, as every write). */
const INVALIDATES = ['members', 'invitations'];

const invitationsKey = (orgId: string) => ['orgs', orgId, 'invitations'];

/** Invitations not yet accepted (owners and admins only). */
export function useInvitations(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/invitations', { params: { path: { orgId } } })),
    enabled,
  });
}

/** Invites an email; the answer carries the one-time link, shown to the admin once. */
export function useInviteMember(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: InviteInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/members', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES, notify: (r) => `Invited ${r.invitation.email} as ${ROLE_LABELS[r.invitation.role]}.` },
  );
}

export function useRevokeInvitation(orgId: string) {
  return useOrgMutation(
    orgId,
    (invitation: Invitation) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/invitations/{invitationId}', {
          params: { path: { orgId, invitationId: invitation.id } },
        }),
      ),
    { invalidates: INVALIDATES, notify: (_r, invitation) => `Revoked the invitation of ${invitation.email}.` },
  );
}

/** Disables or enables the member's account everywhere (sessions and tokens end at once on disable). */
export function useSetMemberDisabled(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ member, disable }: { member: Member; disable: boolean }) =>
      unwrap(
        api.POST(disable ? '/api/v1/orgs/{orgId}/members/{userId}/disable' : '/api/v1/orgs/{orgId}/members/{userId}/enable', {
          params: { path: { orgId, userId: member.userId } },
          body: {},
        }),
      ),
    {
      invalidates: INVALIDATES,
      notify: (r) =>
        r.disabled ? `Disabled the account of ${r.name}; their sessions and tokens have ended.` : `${r.name} can sign in again.`,
    },
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
