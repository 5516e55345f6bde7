import { Navigate } from 'react-router';
import { useCurrentSession } from '../auth/session';

/** / goes to the first organization's home (where it stands and what to do next), or to creating one. */
export function HomeRedirect() {
  const session = useCurrentSession();
  const org = session.organizations[0];
  return <Navigate to={org ? `/orgs/${org.id}` : '/orgs/new'} replace />;
}
