import { useState } from 'react';
import { useSignedIn } from '../auth/session-context.js';
import { useT } from '../i18n/index.js';
import { navigate } from '../router/index.js';
import { describeError } from '../ui/describe-error.js';
import { Icon } from '../ui/icon.js';
import { Menu, MenuHeading, MenuItem, MenuSeparator } from '../ui/menu.js';
import { useToast } from '../ui/toast.js';
import { initials } from './account-menu.js';
import { CreateWorkspaceDialog } from './create-workspace-dialog.js';
import { roleLabel } from './role-label.js';

/** The workspace everything acts in: switch to another of yours, or create one. */
export function WorkspaceSwitcher() {
  const t = useT();
  const toast = useToast();
  const { account, workspace, switchWorkspace } = useSignedIn();
  const [creating, setCreating] = useState(false);

  const choose = async (id: string) => {
    if (id === workspace.id) return;
    try {
      await switchWorkspace(id);
      const name = account.workspaces.find((item) => item.id === id)?.name ?? '';
      toast.show({ tone: 'success', message: t('app.workspace.switched', { name }) });
      // What was on screen belonged to the other workspace.
      navigate('/', { replace: false });
    } catch (error) {
      toast.show({ tone: 'error', ...describeError(error, t) });
    }
  };

  return (
    <>
      <Menu
        align="start"
        label={t('app.workspace.switch')}
        trigger={(props) => (
          <button type="button" className="switcher" aria-label={`${t('app.workspace.label')}: ${workspace.name}`} {...props}>
            <span className="switcher__avatar" aria-hidden="true">
              {initials(workspace.name)}
            </span>
            <span className="switcher__text">
              <span className="switcher__name">{workspace.name}</span>
              <span className="switcher__role">{roleLabel(t, workspace.role)}</span>
            </span>
            <Icon name="chevron-down" size={16} />
          </button>
        )}
      >
        <MenuHeading>{t('app.workspace.yours')}</MenuHeading>
        {account.workspaces.map((item) => (
          <MenuItem key={item.id} checked={item.id === workspace.id} meta={item.id === workspace.id ? undefined : roleLabel(t, item.role)} onSelect={() => void choose(item.id)}>
            {item.name}
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem icon="plus" onSelect={() => setCreating(true)}>
          {t('app.workspace.create')}
        </MenuItem>
      </Menu>
      {creating && <CreateWorkspaceDialog onClose={() => setCreating(false)} />}
    </>
  );
}
