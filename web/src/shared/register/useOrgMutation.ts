import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, type FieldErrorLookup, fieldErrorLookup, fieldErrorsOf } from '../problem';
import { notify } from '../ui/notifications';

export interface OrgMutationOptions<TVars, TResult> {
  /**
   * Which of the organization's cached reads the write makes stale, by their
   * second key part ('suppliers' for ['orgs', orgId, 'suppliers', ...]); the
   * audit log always is. Default: every read of the organization. A function
   * decides per call; null refreshes nothing (a dry run).
   */
  invalidates?: string[] | ((vars: TVars) => string[] | null);
  /** Runs first on success, e.g. to put the answer in the cache at once. */
  onSuccess?: (result: TResult, vars: TVars) => void;
  /** Refresh in the background instead of finishing the mutation after it. */
  background?: boolean;
  /** A notification on success. */
  notify?: string | ((result: TResult, vars: TVars) => string | null);
  /** A notification on failure too, for writes with no form to show the problem. */
  notifyError?: boolean;
}

export type OrgMutation<TVars, TResult> = ReturnType<typeof useMutation<TResult, Error, TVars>> & {
  /** the failed request's field errors by API path, {} when none */
  fieldErrors: Record<string, string>;
  errorFor: FieldErrorLookup;
};

/**
 * The one way the web app writes an organization's records: the mutation,
 * the refresh of what it makes stale, the problem's field errors for the form
 * and an optional notification.
 */
export function useOrgMutation<TVars = void, TResult = unknown>(
  orgId: string,
  mutationFn: (vars: TVars) => Promise<TResult>,
  options: OrgMutationOptions<TVars, TResult> = {},
): OrgMutation<TVars, TResult> {
  const client = useQueryClient();
  const mutation = useMutation<TResult, Error, TVars>({
    mutationFn,
    onSuccess: async (result, vars) => {
      options.onSuccess?.(result, vars);
      const parts = typeof options.invalidates === 'function' ? options.invalidates(vars) : options.invalidates;
      const keys: QueryKey[] =
        parts === null ? [] : parts ? [...parts, 'audit-log'].map((k) => ['orgs', orgId, k]) : [['orgs', orgId]];
      const refreshed = Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
      const message = typeof options.notify === 'function' ? options.notify(result, vars) : options.notify;
      if (message) notify({ message });
      if (!options.background) await refreshed;
    },
    onError: (error) => {
      if (options.notifyError) notify({ title: 'Not done', message: errorMessage(error), color: 'red' });
    },
  });
  const fieldErrors = fieldErrorsOf(mutation.error);
  return { ...mutation, fieldErrors, errorFor: fieldErrorLookup(fieldErrors) };
}
