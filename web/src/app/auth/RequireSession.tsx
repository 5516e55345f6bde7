import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../layout/FullPageLoader';
import { endedBySignOut, useSession } from './session';

/** Pages behind sign-in: sends signed-out visitors to /sign-in and back after. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' || endedBySignOut() ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
