import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { ifMatchHeader, useOrgMutation } from '../../../shared/register';

export type Soa = Schemas['SoaCurrent'];
export type SoaRow = Schemas['SoaRow'];
export type SoaCheck = Schemas['SoaCheck'];
export type SoaRowPatch = Schemas['SoaRowPatchInput'];
export type OwnControlInput = Schemas['SoaOwnControlCreateInput'];
export type ApprovalException = Schemas['ApprovalExceptionInput'];
export type ImplementationStatus = SoaRow['implementationStatus'];

export const STATUS_LABELS: Record<ImplementationStatus, string> = {
  'not-implemented': 'Not implemented',
  planned: 'Planned',
  'partially-implemented': 'Partially implemented',
  implemented: 'Implemented',
};

export const soaKey = (orgId: string) => ['orgs', orgId, 'soa'] as const;
const currentKey = (orgId: string) => [...soaKey(orgId), 'current'] as const;

export function useSoa(orgId: string) {
  return useQuery({
    queryKey: currentKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/soa', { params: { path: { orgId } } })),
  });
}

export function useSoaVersions(orgId: string) {
  return useQuery({
    queryKey: [...soaKey(orgId), 'versions'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/soa/versions', { params: { path: { orgId } } })),
  });
}

/** Every write answers the SoA as it now stands: it goes straight into the cache. */
function usePut(orgId: string) {
  const client = useQueryClient();
  return (soa: Soa) => client.setQueryData<Soa>(currentKey(orgId), soa);
}

/**
 * One row changed in place. ifMatch is the ETag of the SoA as the page shows
 * it; a row saved by someone else since opens the conflict (reload theirs,
 * or overwrite with mine).
 */
export function usePatchSoaRow(orgId: string, controlId: string) {
  const put = usePut(orgId);
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: { body: SoaRowPatch; ifMatch: string }) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/soa/rows/{controlId}', {
          params: { path: { orgId, controlId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    {
      invalidates: ['soa'],
      background: true,
      onSuccess: put,
      concurrency: {
        mine: (vars) => vars.body as Record<string, unknown>,
        theirs: (current) => (current as Soa | null)?.rows.find((r) => r.controlId === controlId) ?? null,
        onReload: (current) => {
          if (current) put(current as Soa);
        },
      },
    },
  );
}

export function useAddOwnControl(orgId: string) {
  const put = usePut(orgId);
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: { body: OwnControlInput; ifMatch: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/soa/own-controls', {
          params: { path: { orgId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: ['soa'], onSuccess: put, notify: (soa) => `${soa.rows[soa.rows.length - 1]?.controlId} added` },
  );
}

export function useRemoveOwnControl(orgId: string) {
  const put = usePut(orgId);
  return useOrgMutation(
    orgId,
    ({ controlId, ifMatch }: { controlId: string; ifMatch: string }) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/soa/own-controls/{controlId}', {
          params: { path: { orgId, controlId }, header: ifMatchHeader(ifMatch) },
        }),
      ),
    { invalidates: ['soa'], onSuccess: put, notify: (_, vars) => `${vars.controlId} removed` },
  );
}

export function useApproveSoa(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ note, exceptions, ifMatch }: { note: string; exceptions: ApprovalException[]; ifMatch: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/soa/draft/approve', {
          params: { path: { orgId }, header: ifMatchHeader(ifMatch) },
          body: { ...(note.trim() ? { note: note.trim() } : {}), ...(exceptions.length ? { exceptions } : {}) },
        }),
      ),
    { invalidates: ['soa'], notify: (v) => `Version ${v.version} approved` },
  );
}

export function useDiscardSoaDraft(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ ifMatch }: { ifMatch: string }) =>
      unwrap(api.DELETE('/api/v1/orgs/{orgId}/soa/draft', { params: { path: { orgId }, header: ifMatchHeader(ifMatch) } })),
    { invalidates: ['soa'], notify: 'Draft discarded' },
  );
}

export const exportHref = (orgId: string, format: 'xlsx' | 'pdf', version?: number) =>
  version
    ? `/api/v1/orgs/${orgId}/soa/versions/${version}/export?format=${format}`
    : `/api/v1/orgs/${orgId}/soa/export?format=${format}`;
