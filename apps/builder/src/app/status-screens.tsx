import type { Role } from '../api/types.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router/index.js';
import { buttonClassName } from '../ui/button.js';
import { EmptyState } from '../ui/feedback.js';
import { Page } from '../ui/page.js';
import { roleLabel } from './role-label.js';

export function NotFoundScreen() {
  const t = useT();
  return (
    <Page title={t('app.notFound.title')}>
      <EmptyState
        icon="compare"
        title={t('app.notFound.title')}
        actions={
          <Link to="/" className={buttonClassName({ variant: 'primary' })}>
            {t('app.notFound.home')}
          </Link>
        }
      >
        {t('app.notFound.text')}
      </EmptyState>
    </Page>
  );
}

/** A page the current role may not use (an agent opening a flow link). */
export function ForbiddenScreen({ role }: { role: Role }) {
  const t = useT();
  return (
    <Page title={t('app.forbidden.title')}>
      <EmptyState
        icon="key"
        title={t('app.forbidden.title')}
        actions={
          <Link to="/" className={buttonClassName({ variant: 'secondary' })}>
            {t('app.notFound.home')}
          </Link>
        }
      >
        {t('app.forbidden.text', { role: roleLabel(t, role) })}
      </EmptyState>
    </Page>
  );
}
