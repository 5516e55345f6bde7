import { Outlet, useParams } from 'react-router';
import { useCurrentSession } from '../auth/session';
import { AppLayout } from '../layout/AppLayout';
import { NotFoundPage } from '../NotFoundPage';
import { OrgContext, orgContextValue } from './OrgContext';

/** /orgs/:orgId/*: resolves the organization from the session and frames its pages. */
export function OrgLayout() {
  const { orgId } = useParams();
  const session = useCurrentSession();
  const org = session.organizations.find((o) => o.id === orgId);
  if (!org) {
    return (
      <AppLayout>
        <NotFoundPage what="organization" />
      </AppLayout>
    );
  }
  return (
    <OrgContext value={orgContextValue(org)}>
      <AppLayout org={org}>
        <Outlet />
      </AppLayout>
    </OrgContext>
  );
}
