import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../layout/FullPageLoader';
import { endedBySignOut, useSession } from './session';

export const CHOOSE_PASSWORD_PATH = '/choose-password';

/**
 * Pages behind sign-in: sends signed-out visitors to /sign-in and back after,
 * and someone signed in with a temporary password to choose their own first.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' || endedBySignOut() ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.data.mustChangePassword && location.pathname !== CHOOSE_PASSWORD_PATH) {
    return <Navigate to={CHOOSE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
