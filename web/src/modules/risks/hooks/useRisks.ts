import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type Risk = Schemas['Risk'];
export type RiskDetail = Schemas['RiskDetail'];
export type TreatmentAction = Schemas['RiskTreatmentAction'];
export type RiskHeatmap = Schemas['RiskHeatmap'];
export type RiskInput = paths['/api/v1/orgs/{orgId}/risks']['post']['requestBody']['content']['application/json'];
export type ActionInput =
  paths['/api/v1/orgs/{orgId}/risks/{riskId}/actions']['post']['requestBody']['content']['application/json'];
export type RiskListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/risks']['get']['parameters']['query']>;

export const risksKey = (orgId: string) => registerKey(orgId, 'risks');
const riskKey = (orgId: string, id: string) => [...risksKey(orgId), 'risk', id] as const;

export function useRisk(orgId: string, id: string) {
  return useQuery({
    queryKey: riskKey(orgId, id),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risks/{riskId}', { params: { path: { orgId, riskId: id } } })),
  });
}

export function useRiskHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...riskKey(orgId, id), 'history'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risks/{riskId}/history', { params: { path: { orgId, riskId: id } } })),
  });
}

export function useRiskHeatmap(orgId: string, query: { aiSystemId?: string; status?: RiskListQuery['status'] } = {}) {
  return useQuery({
    queryKey: [...risksKey(orgId), 'heatmap', query],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risks/heatmap', { params: { path: { orgId }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useRiskOrgFlags(orgId: string) {
  return useQuery({
    queryKey: [...risksKey(orgId), 'flags'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risks/flags', { params: { path: { orgId } } })),
  });
}

/** Risks naming one AI system, by number (its page in the inventory). */
export function useRisksOfAiSystem(orgId: string, aiSystemId: string) {
  return useQuery({
    queryKey: [...risksKey(orgId), 'of-ai-system', aiSystemId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/risks', { params: { path: { orgId }, query: { aiSystemId, limit: 200 } } })),
  });
}

// the AI system page and the home page show risks and their tasks
const INVALIDATES = ['risks', 'home'];

export function useCreateRisk(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: RiskInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/risks', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

export interface RiskEdit {
  body: Partial<RiskInput>;
  ifMatch: string;
}

/** Saves an edit with If-Match; a risk saved by someone else since opens the conflict. */
export function useUpdateRisk(orgId: string, id: string, concurrency?: Concurrency<RiskEdit, RiskDetail>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: RiskEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/risks/{riskId}', {
          params: { path: { orgId, riskId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export function useCreateAction(orgId: string, riskId: string) {
  return useOrgMutation(
    orgId,
    (body: ActionInput) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/risks/{riskId}/actions', { params: { path: { orgId, riskId } }, body })),
    { invalidates: INVALIDATES },
  );
}

export interface ActionEdit {
  actionId: string;
  body: Partial<ActionInput>;
  ifMatch: string;
}

export function useUpdateAction(orgId: string, riskId: string, concurrency?: Concurrency<ActionEdit, TreatmentAction>) {
  return useOrgMutation(
    orgId,
    ({ actionId, body, ifMatch }: ActionEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/risks/{riskId}/actions/{actionId}', {
          params: { path: { orgId, riskId, actionId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export function useDeleteAction(orgId: string, riskId: string) {
  return useOrgMutation(
    orgId,
    ({ actionId, ifMatch }: { actionId: string; ifMatch: string }) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/risks/{riskId}/actions/{actionId}', {
          params: { path: { orgId, riskId, actionId }, header: ifMatchHeader(ifMatch) },
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Treatment action removed', notifyError: true },
  );
}

/** Controls a treatment action may rely on: the Statement of Applicability's rows (Annex A and the organization's own). */
export function useControlChoices(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'soa', 'control-choices'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/soa', { params: { path: { orgId } } })),
    select: (d) => d.rows.map((r) => ({ value: r.controlId, label: `${r.controlId} ${r.title}` })),
    staleTime: 60_000,
  });
}
