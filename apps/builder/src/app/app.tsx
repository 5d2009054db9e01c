import { AcceptInvitationScreen } from '../auth/accept-invitation-screen.js';
import { LoginScreen } from '../auth/login-screen.js';
import { loginPathFor } from '../auth/next-path.js';
import { useSession } from '../auth/session-context.js';
import { SetupScreen } from '../auth/setup-screen.js';
import { useT } from '../i18n/index.js';
import { Redirect, useLocation } from '../router/index.js';
import { Button } from '../ui/button.js';
import { EmptyState } from '../ui/feedback.js';
import { LoadingBlock } from '../ui/spinner.js';
import { AppRoutes } from './app-routes.js';
import { NoWorkspaceScreen } from './no-workspace-screen.js';

/** Which part of the app applies: first-run sign-up, sign-in, an invitation, or the app itself. */
export function App() {
  const t = useT();
  const { state, retry } = useSession();
  const { pathname, search } = useLocation();

  if (pathname === '/accept-invitation' && state.status !== 'loading' && state.status !== 'unavailable') return <AcceptInvitationScreen />;

  switch (state.status) {
    case 'loading':
      return <LoadingBlock label={t('common.loading')} />;
    case 'unavailable':
      return (
        <EmptyState
          tone="error"
          icon="alert"
          title={t('app.unavailable.title')}
          actions={
            <Button variant="primary" icon="restore" onClick={retry}>
              {t('common.retry')}
            </Button>
          }
        >
          {t('app.unavailable.text')}
        </EmptyState>
      );
    case 'needs-setup':
      return pathname === '/setup' ? <SetupScreen /> : <Redirect to="/setup" />;
    case 'signed-out':
      return pathname === '/login' ? <LoginScreen expired={state.expired} /> : <Redirect to={loginPathFor(`${pathname}${search}`)} />;
    case 'signed-in':
      return state.workspace === null ? <NoWorkspaceScreen /> : <AppRoutes />;
  }
}
