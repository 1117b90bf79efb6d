import type { ReactNode } from 'react';

/** A titled section of a screen; the title is a heading at `level` so the outline stays correct. */
export function Card({
  title,
  level = 2,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  level?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className].filter(Boolean).join(' ')}>
      {(title || actions) && (
        <header className="card-head">
          {title && <Heading>{title}</Heading>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}
