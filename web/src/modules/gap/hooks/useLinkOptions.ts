import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import { useAiSystemSearch } from '../../inventory';
import type { AnswerLink } from './useGap';

export type LinkType = AnswerLink['type'];

/** A record an answer can link to, as the picker offers it. */
export interface LinkOption extends AnswerLink {
  /** what the option adds to the label: "superseded", "current", "archived" */
  detail?: string;
  /** the record's page in the app, when known */
  href: string;
}

const LIMIT = 200;

/**
 * The records the wizard can link an answer to, from the registers' own list
 * endpoints: AI systems and suppliers by name (the first 200, or those
 * matching what was typed), and every approved scope version.
 */
export function useLinkOptions(orgId: string, search: string) {
  const q = search.trim();
  // keys under each register's own key, so a write there refreshes the picker
  const systems = useAiSystemSearch(orgId, q, { limit: LIMIT });
  const suppliers = useQuery({
    queryKey: ['orgs', orgId, 'suppliers', 'link-options', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/suppliers', {
          params: { path: { orgId }, query: { limit: LIMIT, ...(q ? { q } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const scope = useQuery({
    queryKey: ['orgs', orgId, 'scope', 'link-options'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/scope/versions', { params: { path: { orgId } } })),
  });

  const base = `/orgs/${orgId}`;
  const options: Record<LinkType, LinkOption[]> = {
    'ai-system': (systems.data?.items ?? []).map((s) => ({
      type: 'ai-system',
      id: s.id,
      label: s.name,
      archived: false,
      href: `${base}/inventory/${s.id}`,
    })),
    supplier: (suppliers.data?.items ?? []).map((s) => ({
      type: 'supplier',
      id: s.id,
      label: s.name,
      archived: false,
      href: `${base}/suppliers/${s.id}`,
    })),
    // drafts change and can be discarded: an answer links approved versions only
    scope: (scope.data?.items ?? [])
      .filter((v) => v.status !== 'draft')
      .map((v) => ({
        type: 'scope',
        id: v.id,
        label: `Scope version ${v.version}`,
        archived: v.status === 'superseded',
        detail: v.status === 'approved' ? 'current' : 'superseded',
        href: `${base}/scope/versions/${v.version}`,
      })),
  };
  /** where a linked record's page is; a scope version's number comes from the version list */
  const hrefOf = (l: Pick<AnswerLink, 'type' | 'id'>): string => {
    if (l.type === 'ai-system') return `${base}/inventory/${l.id}`;
    if (l.type === 'supplier') return `${base}/suppliers/${l.id}`;
    return options.scope.find((o) => o.id === l.id)?.href ?? `${base}/scope`;
  };
  return {
    options,
    hrefOf,
    loading: systems.isFetching || suppliers.isFetching || scope.isLoading,
    error: systems.error ?? suppliers.error ?? scope.error,
  };
}
