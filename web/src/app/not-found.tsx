import { Link } from 'react-router';
import { paths } from './paths.js';

export function NotFound() {
  return (
    <section className="card">
      <h1>No such page</h1>
      <p>
        <Link to={paths.workspaces()}>Go to your workspaces</Link>
      </p>
    </section>
  );
}
