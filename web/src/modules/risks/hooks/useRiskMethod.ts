import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { useVersionedRecord } from '../../../shared/versioned';

export type RiskMethodContent = Schemas['RiskMethodContentInput'];
export type RiskMethodCheck = Schemas['RiskMethodCheck'];
export type RiskMethodOverview = Schemas['RiskMethodOverview'];

const riskMethodKey = (orgId: string) => ['orgs', orgId, 'risk-method'] as const;

/**
 * The organization's risk method, a versioned record (shared/versioned); its
 * writes re-score the risk register, whose levels may change.
 */
export const useRiskMethodRecord = (orgId: string) =>
  useVersionedRecord({
    orgId,
    path: '/api/v1/orgs/{orgId}/risk-method',
    queryKey: ['risk-method'],
    alsoInvalidates: ['risks'],
    approvedMessage: (v) => `Risk method version ${v.version} approved.`,
  });

/**
 * The method risks are scored with, as the server picks it: the approved
 * version, else the draft, else the built-in default. `content` is null
 * while it loads.
 */
export function useEffectiveRiskMethod(orgId: string) {
  const query = useQuery({
    queryKey: [...riskMethodKey(orgId), 'effective'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risk-method/effective', { params: { path: { orgId } } })),
  });
  return { ...query, content: query.data?.content ?? null };
}
