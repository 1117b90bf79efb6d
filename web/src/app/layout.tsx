import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from './error-boundary.js';
import { paths } from './paths.js';
import { useSession } from './session-context.js';

/** Moves focus to the main region after each navigation, so keyboard and screen-reader users start there. */
function useFocusOnNavigate() {
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return main;
}

/** The page frame: skip link, header with navigation and the signed-in user, the screen, a footer. */
export function Layout() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const main = useFocusOnNavigate();
  const onSignOut = async () => {
    await signOut();
    navigate(paths.signIn());
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to={paths.workspaces()} className="brand">
          Parley
        </Link>
        {user && (
          <nav aria-label="Main">
            <NavLink to={paths.workspaces()} end>
              Workspaces
            </NavLink>
            <NavLink to={paths.import()}>Import</NavLink>
          </nav>
        )}
        {user && (
          <div className="who">
            <span className="who-name" title={user.login}>
              {user.name ?? user.login}
            </span>
            <button type="button" className="btn btn-secondary" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </>
  );
}
