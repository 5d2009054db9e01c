import { useState } from 'react';
import { AuthLayout } from '../auth/auth-layout.js';
import { useSession } from '../auth/session-context.js';
import { useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { CreateWorkspaceDialog } from './create-workspace-dialog.js';

/** Signed in but in no workspace (removed from the last one): create one, or wait for an invitation. */
export function NoWorkspaceScreen() {
  const t = useT();
  const { signOut } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <AuthLayout title={t('app.workspace.none')} subtitle={t('app.workspace.noneText')}>
      <div className="auth__form">
        <Button variant="primary" size="lg" block icon="plus" onClick={() => setCreating(true)}>
          {t('app.workspace.create')}
        </Button>
        <Button variant="ghost" block icon="log-out" onClick={() => void signOut()}>
          {t('app.account.signOut')}
        </Button>
      </div>
      {creating && <CreateWorkspaceDialog onClose={() => setCreating(false)} />}
    </AuthLayout>
  );
}
