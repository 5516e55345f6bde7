import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';

export const mfaKey = ['account', 'mfa'] as const;

/** Your two-step verification status. */
export function useMfaStatus() {
  return useQuery({ queryKey: mfaKey, queryFn: () => unwrap(api.GET('/api/v1/account/mfa')) });
}

/** The account's MFA writes; each refreshes the status when it succeeds. */
export function useMfaActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: mfaKey });
  return {
    start: useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/account/mfa/totp', { body: {} })), onSuccess: refresh }),
    confirm: useMutation({
      mutationFn: (code: string) => unwrap(api.POST('/api/v1/account/mfa/totp/confirm', { body: { code } })),
      onSuccess: refresh,
    }),
    regenerate: useMutation({
      mutationFn: (code: string) => unwrap(api.POST('/api/v1/account/mfa/recovery-codes', { body: { code } })),
      onSuccess: refresh,
    }),
    turnOff: useMutation({
      mutationFn: (body: { password: string; code: string }) => unwrap(api.DELETE('/api/v1/account/mfa', { body })),
      onSuccess: refresh,
    }),
  };
}

/** Codes are typed with spaces sometimes ("123 456"); the API takes six digits. */
export const digitsOnly = (v: string) => v.replace(/\s/g, '');
