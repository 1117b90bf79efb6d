import { Navigate, Outlet, useLocation } from 'react-router';
import { paths } from './paths.js';
import { useSession } from './session-context.js';

/** Screens behind sign-in: a signed-out visitor goes to /sign-in and comes back here afterwards. */
export function RequireSession() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <p aria-live="polite">Checking your session…</p>;
  if (user === null) {
    return <Navigate to={paths.signIn(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}
