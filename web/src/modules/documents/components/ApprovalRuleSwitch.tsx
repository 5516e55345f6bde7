import { Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import { useOrgMutation } from '../../../shared/register';
import { documentsKey } from '../hooks/useDocuments';

/**
 * The organization's approval rule (admins only): with a second approver
 * required, whoever wrote or saved a draft cannot approve it themselves.
 */
export function ApprovalRuleSwitch({ orgId }: { orgId: string }) {
  const key = [...documentsKey(orgId), 'settings'];
  const settings = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/documents/settings', { params: { path: { orgId } } })),
  });
  const save = useOrgMutation(
    orgId,
    (requireSecondApprover: boolean) =>
      unwrap(
        api.PUT('/api/v1/orgs/{orgId}/documents/settings', { params: { path: { orgId } }, body: { requireSecondApprover } }),
      ),
    {
      invalidates: ['documents'],
      notifyError: true,
      notify: (r) =>
        r.requireSecondApprover ? 'A second approver is now required' : 'Authors may approve their own drafts again',
    },
  );
  return (
    <Switch
      label="Require a second approver"
      description="Whoever wrote or saved a draft cannot approve it."
      checked={settings.data?.requireSecondApprover ?? false}
      disabled={!settings.data || save.isPending}
      onChange={(e) => save.mutate(e.currentTarget.checked)}
    />
  );
}
