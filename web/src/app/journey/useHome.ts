import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../shared/api';

export type Home = Schemas['Home'];
export type StepState = Schemas['JourneyStepState']['state'];

/**
 * The home view's cache key. It sits under the audit log's key because it
 * shows the recent changes: every write appends to the log, and
 * useOrgMutation always refreshes the log's key, so every write anywhere
 * refreshes the step states in the sidebar too.
 */
export const homeKey = (orgId: string) => ['orgs', orgId, 'audit-log', 'home'] as const;

/** The journey at a glance: step states, next actions, what is due, recent changes. */
export function useHome(orgId: string) {
  return useQuery({
    queryKey: homeKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/home', { params: { path: { orgId } } })),
  });
}
