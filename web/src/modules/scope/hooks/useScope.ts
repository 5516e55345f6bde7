import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { useVersionedRecord } from '../../../shared/versioned';

export type ScopeVersion = Schemas['ScopeVersion'];
export type ScopeContent = Schemas['ScopeContentInput'];
export type ScopeCheck = Schemas['ScopeCheck'];
export type ScopeOverview = Schemas['ScopeOverview'];

/** The content of an empty scope, what a first draft starts from: the server's, fetched once. */
export function useScopeTemplate() {
  return useQuery({
    queryKey: ['scope-template'],
    queryFn: () => unwrap(api.GET('/api/v1/scope-template')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The organization's scope, a versioned record: its reads and writes (shared/versioned). */
export const useScopeRecord = (orgId: string) =>
  useVersionedRecord({ orgId, path: '/api/v1/orgs/{orgId}/scope', queryKey: ['scope'] });
