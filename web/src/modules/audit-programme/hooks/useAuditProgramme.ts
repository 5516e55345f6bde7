import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { useVersionedRecord } from '../../../shared/versioned';

export type ProgrammeContent = Schemas['AuditProgrammeContentInput'];
export type ProgrammeOverview = Schemas['AuditProgrammeOverview'];
export type ProgrammeCheck = Schemas['AuditProgrammeCheck'];
export type Coverage = Schemas['AuditCoverage'];

/** The organization's audit programme, a versioned record (shared/versioned); its writes refresh the coverage map (same key). */
export const useAuditProgrammeRecord = (orgId: string) =>
  useVersionedRecord({
    orgId,
    path: '/api/v1/orgs/{orgId}/audit-programme',
    queryKey: ['audit-programme'],
    approvedMessage: (v) => `Audit programme version ${v.version} approved.`,
  });

export function useCoverage(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'audit-programme', 'coverage'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/audit-programme/coverage', { params: { path: { orgId } } })),
  });
}
