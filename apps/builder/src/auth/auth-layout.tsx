import { useEffect, type ReactNode } from 'react';
import { BrandMark } from '../app/brand-mark.js';
import { LanguageSwitcher } from '../app/language-switcher.js';
import { useT } from '../i18n/index.js';
import './auth-layout.css';

/** The centered card of sign-in, first-run sign-up and invitations. */
export function AuthLayout({ title, subtitle, children, note }: { title: string; subtitle?: ReactNode; children: ReactNode; note?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · Jornada`;
  }, [title]);
  return (
    <div className="auth">
      <div className="auth__brand">
        <BrandMark size={40} />
        <p className="auth__tagline">{t('auth.tagline')}</p>
      </div>
      <main className="auth__card">
        <h1 className="auth__title">{title}</h1>
        {subtitle !== undefined && <p className="auth__subtitle">{subtitle}</p>}
        {children}
      </main>
      {note !== undefined && <p className="auth__note">{note}</p>}
      <footer className="auth__footer">
        <span>Jornada</span>
        <LanguageSwitcher />
      </footer>
    </div>
  );
}
