import { api, unwrap } from '../api';
import type { ArchivableRegister, RegisterRecord } from './types';
import { useOrgMutation } from './useOrgMutation';

/** Archives or restores one record of a register; every read of the organization refreshes (names show elsewhere). */
export function useArchiveRecord(orgId: string, register: ArchivableRegister) {
  return useOrgMutation(
    orgId,
    ({ record, archived }: { record: RegisterRecord; archived: boolean }) =>
      unwrap(
        api.POST(
          `/api/v1/orgs/${encodeURIComponent(orgId)}/${register}/${encodeURIComponent(record.id)}/${archived ? 'archive' : 'restore'}` as never,
          {} as never,
        ),
      ),
    { notify: (_r, { record, archived }) => `${archived ? 'Archived' : 'Restored'} “${record.name}”.` },
  );
}
