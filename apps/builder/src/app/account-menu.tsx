import { useSignedIn } from '../auth/session-context.js';
import { useT } from '../i18n/index.js';
import { navigate } from '../router/index.js';
import { describeError } from '../ui/describe-error.js';
import { Menu, MenuItem, MenuSeparator } from '../ui/menu.js';
import { useToast } from '../ui/toast.js';

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** Who is signed in, and signing out. */
export function AccountMenu() {
  const t = useT();
  const toast = useToast();
  const { account, signOut } = useSignedIn();
  const signOutNow = async () => {
    try {
      await signOut();
      navigate('/login', { replace: true });
      toast.show({ tone: 'info', message: t('app.account.signedOut') });
    } catch (error) {
      toast.show({ tone: 'error', ...describeError(error, t) });
    }
  };
  return (
    <Menu
      label={t('app.account.label')}
      trigger={(props) => (
        <button type="button" className="avatar" aria-label={`${t('app.account.label')}: ${account.user.name}`} {...props}>
          {initials(account.user.name)}
        </button>
      )}
    >
      <div className="account-card" role="presentation">
        <p className="account-card__name">{account.user.name}</p>
        <p className="account-card__email">{account.user.email}</p>
      </div>
      <MenuSeparator />
      <MenuItem icon="log-out" onSelect={() => void signOutNow()}>
        {t('app.account.signOut')}
      </MenuItem>
    </Menu>
  );
}
