import { useEffect, useState, type ReactNode } from 'react';
import { can } from '../auth/permissions.js';
import { useSignedIn } from '../auth/session-context.js';
import { useT } from '../i18n/index.js';
import { Link, useLocation } from '../router/index.js';
import { IconButton } from '../ui/button.js';
import { Icon, type IconName } from '../ui/icon.js';
import { AccountMenu } from './account-menu.js';
import './app-shell.css';
import { BrandMark } from './brand-mark.js';
import { LanguageSwitcher } from './language-switcher.js';
import { WorkspaceSwitcher } from './workspace-switcher.js';

function NavLink({ to, icon, children }: { to: string; icon: IconName; children: ReactNode }) {
  const { pathname } = useLocation();
  const current = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Link to={to} className="nav__link" aria-current={current ? 'page' : undefined}>
      <Icon name={icon} size={18} />
      {children}
    </Link>
  );
}

/** The frame around every signed-in page: sidebar navigation, top bar, main content. */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { workspace } = useSignedIn();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar" data-open={menuOpen}>
        <Link to="/" className="brand">
          <BrandMark />
          {t('app.name')}
        </Link>
        <nav className="nav" aria-label={t('app.nav.label')}>
          {can(workspace.role, 'flows.read') && (
            <NavLink to="/flows" icon="flows">
              {t('app.nav.flows')}
            </NavLink>
          )}
          <NavLink to="/settings" icon="settings">
            {t('app.nav.settings')}
          </NavLink>
        </nav>
        <div className="sidebar__footer">
          <a href="/api/docs" target="_blank" rel="noreferrer">
            <Icon name="file" size={16} />
            {t('app.nav.help')}
          </a>
        </div>
      </aside>
      {menuOpen && <div className="shell__backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} />}
      <div className="shell__main">
        <header className="topbar">
          <IconButton icon="menu" label={t('app.nav.label')} className="topbar__menu-toggle" aria-expanded={menuOpen} onClick={() => setMenuOpen((open) => !open)} />
          <WorkspaceSwitcher />
          <div className="topbar__spacer" />
          <LanguageSwitcher />
          <AccountMenu />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
