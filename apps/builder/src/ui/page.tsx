import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from '../router/index.js';
import { Icon, type IconName } from './icon.js';
import './page.css';

export function Page({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Jornada`;
  }, [title]);
  return <div className="page">{children}</div>;
}

/**
 * A page's title row. The title takes focus when the page changes, so keyboard and screen
 * reader users land at the top of the new page instead of on a link that disappeared.
 */
export function PageHeader({ title, description, actions, back }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; back?: { to: string; label: string } }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) heading.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <header className="page-header">
      <div className="page-header__titles">
        {back !== undefined && (
          <Link to={back.to} className="page-header__back">
            <Icon name="arrow-left" size={16} />
            {back.label}
          </Link>
        )}
        <h1 className="page-header__title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {description !== undefined && <p className="page-header__description">{description}</p>}
      </div>
      {actions !== undefined && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}

export function Card({ title, description, actions, children, footer, className, flush = false }: { title?: ReactNode; description?: ReactNode; actions?: ReactNode; children?: ReactNode; footer?: ReactNode; className?: string; flush?: boolean }) {
  return (
    <section className={className === undefined ? 'card' : `card ${className}`}>
      {(title !== undefined || actions !== undefined) && (
        <header className="card__header">
          <div>
            {title !== undefined && <h2 className="card__title">{title}</h2>}
            {description !== undefined && <p className="card__description">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      {children !== undefined && <div className={flush ? 'card__body card__body--flush' : 'card__body'}>{children}</div>}
      {footer !== undefined && <footer className="card__footer">{footer}</footer>}
    </section>
  );
}

/** Links that look like tabs: each is a page with its own URL. */
export function NavTabs({ label, tabs }: { label: string; tabs: readonly { to: string; label: string; icon?: IconName }[] }) {
  const { pathname } = useLocation();
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} className="tabs__tab" aria-current={pathname === tab.to ? 'page' : undefined}>
          {tab.icon !== undefined && <Icon name={tab.icon} size={16} />}
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
