import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../api';
import { type RegisterItem, type RegisterName, type RegisterPage, type RegisterQuery, registerKey } from './types';

export const PAGE_SIZE = 50;

/**
 * A register's list, page by page along the API's cursor: the filters, sort
 * and search go in the query; `items` is every row loaded so far. A new query
 * keeps the old rows on screen until the new ones arrive.
 */
export function useRegisterList<R extends RegisterName>(
  orgId: string,
  register: R,
  query: RegisterQuery<R>,
  pageSize = PAGE_SIZE,
) {
  const list = useInfiniteQuery({
    queryKey: [...registerKey(orgId, register), 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      // the path is one of the typed register paths (RegisterName); the client cannot follow a path built from a type parameter
      unwrap<RegisterPage<R>>(
        api.GET(
          `/api/v1/orgs/{orgId}/${register}` as never,
          {
            params: { path: { orgId }, query: { ...query, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) } },
            signal,
          } as never,
        ),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items as RegisterItem<R>[]) ?? [], [list.data]);
  return { ...list, items };
}

export type RegisterList<T> = Omit<ReturnType<typeof useRegisterList>, 'items'> & { items: T[] };
