import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import { type AiSystem, inventoryKey } from '../../inventory/hooks/useAiSystems';

// The scope's AI systems link to inventory records (journey step 3). Keys sit
// under the inventory's, so any inventory write refreshes what is shown here.

const OPTIONS_LIMIT = 50;
const PAGE_LIMIT = 200;

/** The first non-archived AI systems matching a search (name, purpose or external id), by name. */
export function useAiSystemSearch(orgId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'options', q],
    enabled,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/ai-systems', {
          params: { path: { orgId }, query: { limit: OPTIONS_LIMIT, sort: 'name', ...(q ? { q } : {}) } },
        }),
      ),
    // the previous matches stay listed while the next search runs
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The record a scope entry links to, archived or merged ones too (same key as the inventory's own). */
export function useLinkedAiSystem(orgId: string, aiSystemId: string | null) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'system', aiSystemId ?? ''],
    enabled: aiSystemId !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}', {
          params: { path: { orgId, aiSystemId: aiSystemId as string } },
        }),
      ),
    staleTime: 30_000,
  });
}

/** The non-archived AI systems the inventory marks in scope, page by page up to max; complete when none is left. */
export function useFetchInScopeSystems(orgId: string) {
  return useMutation({
    mutationFn: async (max: number) => {
      const systems: AiSystem[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/v1/orgs/{orgId}/ai-systems', {
            params: {
              path: { orgId },
              query: { limit: PAGE_LIMIT, sort: 'name', inScope: 'true', ...(cursor ? { cursor } : {}) },
            },
          }),
        );
        systems.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && systems.length < max);
      return { systems, complete: cursor === undefined };
    },
  });
}
