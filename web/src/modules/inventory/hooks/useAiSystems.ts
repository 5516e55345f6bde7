import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type AiSystem = Schemas['AiSystem'];
export type InventoryFlag = Schemas['InventoryFlag'];
export type InventorySummary = Schemas['InventorySummary'];
export type DuplicateGroup = Schemas['DuplicateGroup'];
export type ScopeGap = Schemas['InventoryScopeGap'];
export type AiSystemInput = paths['/api/v1/orgs/{orgId}/ai-systems']['post']['requestBody']['content']['application/json'];
export type AiSystemPatch =
  paths['/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}']['patch']['requestBody']['content']['application/json'];
export type AiSystemListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/ai-systems']['get']['parameters']['query']>;
export type BulkEditSet =
  paths['/api/v1/orgs/{orgId}/ai-systems/bulk-edit']['post']['requestBody']['content']['application/json']['set'];
export type Owner = NonNullable<AiSystem['businessOwner']>;

export const inventoryKey = (orgId: string) => registerKey(orgId, 'ai-systems');
const systemKey = (orgId: string, id: string) => [...inventoryKey(orgId), 'system', id] as const;

export function useInventorySummary(orgId: string) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'summary'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/summary', { params: { path: { orgId } } })),
  });
}

export function useDuplicates(orgId: string) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'duplicates'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/duplicates', { params: { path: { orgId } } })),
  });
}

/** What the approved scope names that the inventory does not hold; fetched when the list is opened. */
export function useScopeGaps(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'scope-gaps'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/scope-gaps', { params: { path: { orgId } } })),
  });
}

/** One AI system, archived or merged ones too; null (nothing linked yet) fetches nothing. */
export function useAiSystem(orgId: string, id: string | null) {
  return useQuery({
    queryKey: systemKey(orgId, id ?? ''),
    enabled: id !== null,
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}', { params: { path: { orgId, aiSystemId: id as string } } })),
  });
}

/** The first `limit` non-archived AI systems matching a search (name, purpose or external id), by name: for pickers. */
export function useAiSystemSearch(orgId: string, q: string, { limit, enabled = true }: { limit: number; enabled?: boolean }) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'search', limit, q],
    enabled,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/ai-systems', {
          params: { path: { orgId }, query: { limit, sort: 'name', ...(q ? { q } : {}) } },
        }),
      ),
    // the previous matches stay listed while the next search runs
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useAiSystemHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...systemKey(orgId, id), 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}/history', { params: { path: { orgId, aiSystemId: id } } })),
  });
}

/** After any write: the inventory, the suppliers' dependent systems and the audit log are stale. */
const INVALIDATES = ['ai-systems', 'suppliers'];

export function useCreateAiSystem(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: AiSystemInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/ai-systems', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

/**
 * An edit of an AI system: the fields it sends, the version (ETag) of the copy
 * the form opened on, and the values as the form shows them, for the conflict
 * dialog to compare with the current record's.
 */
export interface AiSystemEdit {
  body: AiSystemPatch;
  ifMatch: string;
  shown: Record<string, unknown>;
}

/** Saves an edit with If-Match; a system saved by someone else since opens the conflict (see concurrency). */
export function useUpdateAiSystem(orgId: string, id: string, concurrency: Concurrency<AiSystemEdit, AiSystem>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: AiSystemEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}', {
          params: { path: { orgId, aiSystemId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

/** Merges each duplicate into the kept system, one after another (the API merges one at a time). */
export function useMergeAiSystems(orgId: string) {
  return useOrgMutation(
    orgId,
    async ({ keptId, duplicateIds }: { keptId: string; duplicateIds: string[] }) => {
      let kept: AiSystem | undefined;
      for (const duplicateId of duplicateIds) {
        kept = await unwrap(
          api.POST('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}/merge', {
            params: { path: { orgId, aiSystemId: keptId } },
            body: { duplicateId },
          }),
        );
      }
      return kept;
    },
    { invalidates: INVALIDATES },
  );
}

export function useBulkEdit(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: { ids: string[]; set: BulkEditSet }) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/ai-systems/bulk-edit', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}
