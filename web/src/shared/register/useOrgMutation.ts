import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, type FieldErrorLookup, fieldErrorLookup, fieldErrorsOf } from '../problem';
import { notify } from '../ui/notifications';
import { conflictOf, differences, type FieldDifference, type StaleConflict } from './conflict';

/**
 * A write of a versioned record (its vars carry ifMatch, the ETag of the copy
 * being edited): a stale one opens the conflict, which the ConflictDialog
 * shows and resolves.
 */
export interface Concurrency<TVars, TResult> {
  /** the user's version of the fields the write sends, by field name */
  mine(vars: TVars): Record<string, unknown>;
  /** the same fields of the current record from the 409 (default: the record itself) */
  theirs?(current: unknown): unknown;
  /** "Reload theirs": put the current record in the form, with its ETag as the copy's version */
  onReload(current: unknown, etag: string): void;
  /** "Overwrite with mine" saved: the answer of the write */
  onOverwritten?(result: TResult): void;
}

export interface OpenConflict<TVars> extends StaleConflict {
  vars: TVars;
  differences: FieldDifference[];
}

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
  /** Optimistic concurrency: the write sends If-Match and a 409 opens the conflict. */
  concurrency?: Concurrency<TVars, TResult>;
}

export type OrgMutation<TVars, TResult> = ReturnType<typeof useMutation<TResult, Error, TVars>> & {
  /** the failed request's field errors by API path, {} when none */
  fieldErrors: Record<string, string>;
  errorFor: FieldErrorLookup;
  /** the stale write's conflict while it is open (with options.concurrency) */
  conflict: OpenConflict<TVars> | null;
  /** the ConflictDialog's props but `what` */
  conflictDialog: {
    conflict: OpenConflict<TVars> | null;
    busy: boolean;
    error: Error | null;
    onReload(): void;
    onOverwrite(): void;
    onClose(): void;
  };
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
  const [conflict, setConflict] = useState<OpenConflict<TVars> | null>(null);
  const { concurrency } = options;
  const refresh = (vars: TVars) => {
    const parts = typeof options.invalidates === 'function' ? options.invalidates(vars) : options.invalidates;
    // Any write lands in the audit log and may change the facts gathered from every register.
    const keys: QueryKey[] =
      parts === null ? [] : parts ? [...parts, 'audit-log', 'facts'].map((k) => ['orgs', orgId, k]) : [['orgs', orgId]];
    return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
  };
  const mutation = useMutation<TResult, Error, TVars>({
    mutationFn,
    onSuccess: async (result, vars) => {
      setConflict(null);
      options.onSuccess?.(result, vars);
      const refreshed = refresh(vars);
      const message = typeof options.notify === 'function' ? options.notify(result, vars) : options.notify;
      if (message) notify({ message });
      if (!options.background) await refreshed;
    },
    onError: (error, vars) => {
      const stale = concurrency ? conflictOf(error) : null;
      if (stale && concurrency) {
        const theirs = concurrency.theirs ? concurrency.theirs(stale.current) : stale.current;
        setConflict({ ...stale, vars, differences: differences(concurrency.mine(vars), theirs) });
        return;
      }
      if (options.notifyError) notify({ title: 'Not done', message: errorMessage(error), color: 'red' });
    },
  });
  const fieldErrors = conflict ? {} : fieldErrorsOf(mutation.error);
  const conflictDialog = {
    conflict,
    busy: mutation.isPending,
    // a failure of the overwrite other than a new conflict
    error: conflict && mutation.error && !conflictOf(mutation.error) ? mutation.error : null,
    onReload: () => {
      if (!conflict || !concurrency) return;
      concurrency.onReload(conflict.current, conflict.etag);
      setConflict(null);
      mutation.reset();
      void refresh(conflict.vars);
    },
    onOverwrite: () => {
      if (!conflict) return;
      // the same write, now against the version the user has seen
      mutation.mutate({ ...conflict.vars, ifMatch: conflict.etag } as TVars, {
        onSuccess: (result) => {
          setConflict(null);
          concurrency?.onOverwritten?.(result);
        },
      });
    },
    onClose: () => setConflict(null),
  };
  return { ...mutation, fieldErrors, errorFor: fieldErrorLookup(fieldErrors), conflict, conflictDialog };
}
