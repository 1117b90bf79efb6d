import { Link } from 'react-router';
import { listWorkspaces, type Membership } from '../../api/workspaces.js';
import { paths } from '../../app/paths.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { useLoad } from '../../app/use-load.js';

export function roleText(membership: Membership): string {
  return membership.role === 'delegate' && membership.party
    ? `delegate of ${membership.party}`
    : membership.role;
}

/** The workspaces the user is a member of, newest first, with the user's role in each. */
export function WorkspaceListScreen() {
  const load = useLoad((signal) => listWorkspaces(signal), []);
  return (
    <>
      <div className="screen-head">
        <h1>Your workspaces</h1>
        <Link className="btn btn-primary" to={paths.import()}>
          New workspace from a file
        </Link>
      </div>
      {load.state === 'loading' && <p aria-live="polite">Loading…</p>}
      {load.state === 'failed' && <ErrorNotice error={load.error} />}
      {load.state === 'ready' && load.data.length === 0 && (
        <p>
          You are not a member of any workspace yet. Import a scenario, or ask a mediator for an invitation.
        </p>
      )}
      {load.state === 'ready' && load.data.length > 0 && (
        <ul className="tiles">
          {load.data.map((w) => (
            <li key={w.id} className="card tile">
              <h2>
                <Link to={paths.overview(w.id)}>{w.name}</Link>
              </h2>
              <p className="meta">
                Your role: {roleText(w.membership)} · revision {w.revision}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
