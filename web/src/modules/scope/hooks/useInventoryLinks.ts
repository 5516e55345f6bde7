import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import type { AiSystem } from '../../inventory';

// The scope's AI systems link to inventory records (journey step 3). The
// picker and the linked record use the inventory's own hooks; this adds the
// one read only the scope needs.

const PAGE_LIMIT = 200;

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
