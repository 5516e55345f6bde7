import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { ifMatchHeader, useOrgMutation } from '../../../shared/register';

export type Decision = Schemas['CertificationDecision'];
export type DecisionCheck = Schemas['CertificationDecisionCheck'];
export type Certificate = Schemas['Certificate'];
export type CertificatePrefill = Schemas['CertificatePrefill'];
export type PublicCertificate = Schemas['PublicCertificate'];
export type CertificationCycle = Schemas['CertificationCycle'];
export type SurveillanceReadiness = Schemas['SurveillanceReadiness'];
export type DecisionInput =
  paths['/api/v1/orgs/{orgId}/certification-decisions']['post']['requestBody']['content']['application/json'];
export type CertificateInput = paths['/api/v1/orgs/{orgId}/certificates']['post']['requestBody']['content']['application/json'];
export type StatusChange =
  paths['/api/v1/orgs/{orgId}/certificates/{certificateId}/status']['post']['requestBody']['content']['application/json'];

// One cache part for the module: every write refreshes decisions, certificates and the cycle together.
const PART = 'certificates';
const key = (orgId: string, ...rest: string[]) => ['orgs', orgId, PART, ...rest] as const;
const INVALIDATES = [PART];

export function useDecisions(orgId: string) {
  return useQuery({
    queryKey: key(orgId, 'decisions'),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/certification-decisions', { params: { path: { orgId }, query: { limit: 200 } } })),
  });
}

export function useDecisionCheck(orgId: string, auditId: string | null, decidedOn: string | null) {
  return useQuery({
    queryKey: key(orgId, 'check', auditId ?? '', decidedOn ?? ''),
    enabled: !!auditId && !!decidedOn,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/certification-decisions/check', {
          params: { path: { orgId }, query: { auditId: auditId ?? '', decidedOn: decidedOn ?? '' } },
        }),
      ),
  });
}

/** The audits a decision may follow: Stage 2, recertification and special audits not cancelled. */
export function useDecidableAudits(orgId: string) {
  return useQuery({
    queryKey: key(orgId, 'audits'),
    queryFn: async () => {
      const list = await unwrap(
        api.GET('/api/v1/orgs/{orgId}/certification-audits', { params: { path: { orgId }, query: { limit: 200 } } }),
      );
      return list.items.filter((a) => a.type !== 'stage-1' && a.type !== 'surveillance' && a.status !== 'cancelled');
    },
  });
}

export function useCertificates(orgId: string) {
  return useQuery({
    queryKey: key(orgId, 'list'),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/certificates', { params: { path: { orgId }, query: { limit: 200, sort: '-issueDate' } } }),
      ),
  });
}

export function useCertificate(orgId: string, id: string) {
  return useQuery({
    queryKey: key(orgId, 'certificate', id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/certificates/{certificateId}', { params: { path: { orgId, certificateId: id } } })),
  });
}

export function useCertificateHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: key(orgId, 'certificate', id, 'history'),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/certificates/{certificateId}/history', { params: { path: { orgId, certificateId: id } } }),
      ),
  });
}

export function usePrefill(orgId: string, decisionId: string) {
  return useQuery({
    queryKey: key(orgId, 'prefill', decisionId),
    enabled: !!decisionId,
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/certificates/prefill', { params: { path: { orgId }, query: { decisionId } } })),
  });
}

export function useCycle(orgId: string) {
  return useQuery({
    queryKey: key(orgId, 'cycle'),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/certification-cycle', { params: { path: { orgId } } })),
  });
}

export function useReadiness(orgId: string) {
  return useQuery({
    queryKey: key(orgId, 'readiness'),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/surveillance-readiness', { params: { path: { orgId } } })),
  });
}

export function useRecordDecision(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: DecisionInput) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/certification-decisions', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES, notify: 'Decision recorded' },
  );
}

export function useCreateCertificate(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: CertificateInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/certificates', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES, notify: 'Certificate recorded' },
  );
}

export function useChangeStatus(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: StatusChange) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/certificates/{certificateId}/status', {
          params: { path: { orgId, certificateId: id } },
          body,
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Status recorded' },
  );
}

export function useSetPublished(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ id, published }: { id: string; published: boolean }) =>
      published
        ? unwrap(
            api.POST('/api/v1/orgs/{orgId}/certificates/{certificateId}/publish', {
              params: { path: { orgId, certificateId: id } },
              body: {},
            }),
          )
        : unwrap(
            api.POST('/api/v1/orgs/{orgId}/certificates/{certificateId}/unpublish', {
              params: { path: { orgId, certificateId: id } },
              body: {},
            }),
          ),
    {
      invalidates: INVALIDATES,
      notifyError: true,
      notify: (c) => (c.published ? 'Published on its verification page' : 'Taken off its verification page'),
    },
  );
}

/** The public verification page: no session needed. */
export function usePublicCertificate(certificateNumber: string) {
  return useQuery({
    queryKey: ['public-certificate', certificateNumber],
    retry: false,
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/certificates/{certificateNumber}', { params: { path: { certificateNumber } } })),
  });
}

export type CertificatePatch =
  paths['/api/v1/orgs/{orgId}/certificates/{certificateId}']['patch']['requestBody']['content']['application/json'];

/** A correction of the certificate's fields, sent with the version the form opened on (a newer change is a 409). */
export function useUpdateCertificate(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: { body: CertificatePatch; ifMatch: string }) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/certificates/{certificateId}', {
          params: { path: { orgId, certificateId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Certificate saved' },
  );
}
