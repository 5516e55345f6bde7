import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import { localeOfCountry, setDateLocale } from '../ui/format';

/**
 * The organization's date locale, from the country of its profile, set as the
 * app's date format once known. The query is the profile page's own (same key),
 * so saving another country there changes every date at once.
 * `ready` is false until the profile has answered (or failed: ISO 8601 then).
 */
export function useOrgDateLocale(orgId: string | undefined): { ready: boolean; locale: string | null } {
  const profile = useQuery({
    queryKey: ['orgs', orgId ?? '', 'profile'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/profile', { params: { path: { orgId: orgId ?? '' } } })),
    enabled: Boolean(orgId),
    staleTime: 60_000,
  });
  const locale = localeOfCountry(profile.data?.country);
  // Set during render, before the pages below format a date; idempotent.
  setDateLocale(locale);
  return { ready: !profile.isPending || !orgId, locale };
}
