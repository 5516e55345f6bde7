import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api';
import { sessionKey } from './auth/session';

/** A 401 from any org query means the session ended: forget it, RequireSession sends to sign-in. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== sessionKey[0]) {
          client.setQueryData(sessionKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
