import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';

// The governance roles a document can name or address (the roles register's
// API; the roles page is another module's). The first 200 by name: an
// organization has a handful.
export function useGovernanceRoles(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'roles', 'document-picker'],
    staleTime: 60_000,
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/roles', { params: { path: { orgId }, query: { limit: 200, sort: 'name' } } })),
    select: (page) => page.items.map((r) => ({ value: r.id, label: r.vacant ? `${r.name} (vacant)` : r.name, vacant: r.vacant })),
  });
}
