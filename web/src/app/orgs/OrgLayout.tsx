import { Alert, Center, Loader } from '@mantine/core';
import { Outlet, useParams } from 'react-router';
import { useCurrentSession } from '../auth/session';
import { AppLayout } from '../layout/AppLayout';
import { NotFoundPage } from '../NotFoundPage';
import { useOrgDateLocale } from '../../shared/org/locale';
import { errorMessage } from '../../shared/problem';
import { OrgContext, orgContextValue } from './OrgContext';
import { useRolePermissions } from './permissions';

/** /orgs/:orgId/*: resolves the organization from the session and frames its pages. */
export function OrgLayout() {
  const { orgId } = useParams();
  const session = useCurrentSession();
  const org = session.organizations.find((o) => o.id === orgId);
  const permissions = useRolePermissions();
  // every date of the organization's pages in its locale, known before they render
  const dates = useOrgDateLocale(org?.id);
  if (!org) {
    return (
      <AppLayout>
        <NotFoundPage what="organization" />
      </AppLayout>
    );
  }
  if (!permissions.data || !dates.ready) {
    return (
      <AppLayout org={org}>
        {permissions.isError ? (
          <Alert color="red" variant="light" title="Could not load" role="alert">
            {errorMessage(permissions.error)}
          </Alert>
        ) : (
          <Center py="xl">
            <Loader size="sm" aria-label="Loading" />
          </Center>
        )}
      </AppLayout>
    );
  }
  return (
    <OrgContext value={orgContextValue(org, permissions.data)}>
      <AppLayout org={org}>
        <Outlet />
      </AppLayout>
    </OrgContext>
  );
}
