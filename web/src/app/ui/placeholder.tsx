import { Link } from 'react-router';

/** A screen that exists at its route but is not built yet. */
export function Placeholder({ title, back }: { title: string; back?: { to: string; label: string } }) {
  return (
    <section className="card">
      <h1>{title}</h1>
      <p>This screen is being built.</p>
      {back && <Link to={back.to}>{back.label}</Link>}
    </section>
  );
}
