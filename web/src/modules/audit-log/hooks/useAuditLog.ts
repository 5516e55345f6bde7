import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';

export type AuditEntry = Schemas['AuditEntry'];

const PAGE_SIZE = 50;

/** The change history, newest first, one page of PAGE_SIZE at a time. */
export function useAuditLog(orgId: string) {
  return useInfiniteQuery({
    queryKey: ['orgs', orgId, 'audit-log'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/audit-log', {
          params: { path: { orgId }, query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
