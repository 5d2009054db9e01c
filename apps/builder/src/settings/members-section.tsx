import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import type { Invitation, Member, Role } from '../api/types.js';
import { useResource } from '../api/use-resource.js';
import { initials } from '../app/account-menu.js';
import { roleLabel } from '../app/role-label.js';
import { assignableRoles, canManageMember } from '../auth/permissions.js';
import { useSignedIn } from '../auth/session-context.js';
import { useI18n } from '../i18n/index.js';
import { navigate } from '../router/index.js';
import { Button, IconButton } from '../ui/button.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { describeError } from '../ui/describe-error.js';
import { ErrorState } from '../ui/error-state.js';
import { Badge } from '../ui/feedback.js';
import { Card } from '../ui/page.js';
import { LoadingBlock } from '../ui/spinner.js';
import { useToast } from '../ui/toast.js';
import { InviteDialog } from './invite-dialog.js';

type Pending = { kind: 'remove'; member: Member } | { kind: 'revoke'; invitation: Invitation } | { kind: 'invite' };

/** Members and their roles, and the invitations not yet accepted. */
export function MembersSection() {
  const { t, format } = useI18n();
  const api = useApi();
  const toast = useToast();
  const { account, workspace, refresh } = useSignedIn();
  const members = useResource(() => api.workspaces.members(), workspace.id);
  const invitations = useResource(() => api.workspaces.invitations(), workspace.id);
  const [pending, setPending] = useState<Pending | null>(null);
  const [changing, setChanging] = useState<string | null>(null);
  const roles = assignableRoles(workspace.role);

  const explain = (error: unknown) => {
    if (isApiError(error) && error.status === 409) toast.show({ tone: 'error', message: t('settings.members.lastOwner'), detail: error.message });
    else toast.show({ tone: 'error', ...describeError(error, t) });
  };

  const changeRole = async (member: Member, role: Role) => {
    setChanging(member.id);
    try {
      const updated = await api.workspaces.changeRole(member.id, role);
      members.set((current) => (current ?? []).map((item) => (item.id === updated.id ? updated : item)));
      toast.show({ tone: 'success', message: t('settings.members.roleChanged', { name: updated.name, role: roleLabel(t, updated.role) }) });
      if (member.userId === account.user.id) await refresh();
    } catch (error) {
      explain(error);
    } finally {
      setChanging(null);
    }
  };

  const remove = async (member: Member) => {
    try {
      await api.workspaces.removeMember(member.id);
    } catch (error) {
      explain(error);
      throw error;
    }
    if (member.userId === account.user.id) {
      await refresh();
      navigate('/');
      return;
    }
    members.set((current) => (current ?? []).filter((item) => item.id !== member.id));
    toast.show({ tone: 'success', message: t('settings.members.removed', { name: member.name }) });
  };

  const revoke = async (invitation: Invitation) => {
    try {
      await api.workspaces.revokeInvitation(invitation.id);
      invitations.set((current) => (current ?? []).filter((item) => item.id !== invitation.id));
      toast.show({ tone: 'success', message: t('settings.invitations.revoked', { email: invitation.email }) });
    } catch (error) {
      toast.show({ tone: 'error', ...describeError(error, t) });
      throw error;
    }
  };

  return (
    <div className="settings-stack">
      <Card
        flush
        title={t('settings.members.title')}
        description={t('settings.members.description')}
        actions={
          <Button variant="primary" icon="plus" onClick={() => setPending({ kind: 'invite' })}>
            {t('settings.members.invite')}
          </Button>
        }
      >
        {members.state.status === 'error' && members.state.data === undefined ? (
          <ErrorState error={members.state.error} onRetry={members.reload} />
        ) : members.state.data === undefined ? (
          <LoadingBlock label={t('common.loading')} />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('settings.members.column.person')}</th>
                <th scope="col">{t('settings.members.column.role')}</th>
                <th scope="col" className="hide-narrow">
                  {t('settings.members.column.joined')}
                </th>
                <th scope="col" className="table__actions">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.state.data.map((member) => {
                const self = member.userId === account.user.id;
                const manageable = canManageMember(workspace.role, member.role);
                return (
                  <tr key={member.id}>
                    <td>
                      <div className="person">
                        <span className="person__avatar" aria-hidden="true">
                          {initials(member.name)}
                        </span>
                        <span className="person__text">
                          <span className="person__name">
                            {member.name} {self && <span className="table__muted">({t('common.you')})</span>}
                          </span>
                          <span className="person__email">{member.email}</span>
                        </span>
                      </div>
                    </td>
                    <td>
                      {manageable ? (
                        <select
                          className="select select--sm"
                          aria-label={t('settings.members.roleOf', { name: member.name })}
                          value={member.role}
                          disabled={changing === member.id}
                          onChange={(event) => void changeRole(member, event.target.value as Role)}
                        >
                          {[...new Set<Role>([member.role, ...roles])].map((role) => (
                            <option key={role} value={role}>
                              {roleLabel(t, role)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <Badge tone={member.role === 'owner' ? 'brand' : 'neutral'}>{roleLabel(t, member.role)}</Badge>
                      )}
                    </td>
                    <td className="hide-narrow table__muted">{format.date(member.joinedAt)}</td>
                    <td className="table__actions">
                      {(manageable || self) && (
                        <IconButton
                          icon={self ? 'log-out' : 'trash'}
                          size="sm"
                          label={self ? t('settings.members.leave') : t('settings.members.remove', { name: member.name })}
                          onClick={() => setPending({ kind: 'remove', member })}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>

      <Card flush title={t('settings.invitations.title')}>
        {invitations.state.status === 'error' && invitations.state.data === undefined ? (
          <ErrorState error={invitations.state.error} onRetry={invitations.reload} />
        ) : invitations.state.data === undefined ? (
          <LoadingBlock label={t('common.loading')} />
        ) : invitations.state.data.length === 0 ? (
          <p className="table__muted card__empty">{t('settings.invitations.empty')}</p>
        ) : (
          <table className="table">
            <tbody>
              {invitations.state.data.map((invitation) => (
                <tr key={invitation.id}>
                  <td>
                    <div className="person">
                      <span className="person__avatar" aria-hidden="true">
                        @
                      </span>
                      <span className="person__name">{invitation.email}</span>
                    </div>
                  </td>
                  <td>
                    <Badge>{roleLabel(t, invitation.role)}</Badge>
                  </td>
                  <td className="table__muted">
                    {invitation.status === 'expired' ? <Badge tone="warning">{t('settings.invitations.expired')}</Badge> : t('settings.invitations.expires', { date: format.date(invitation.expiresAt) })}
                  </td>
                  <td className="table__actions">
                    <IconButton icon="x" size="sm" label={t('settings.invitations.revoke', { email: invitation.email })} onClick={() => setPending({ kind: 'revoke', invitation })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      {pending?.kind === 'invite' && <InviteDialog roles={roles} onClose={() => setPending(null)} onInvited={invitations.reload} />}
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          danger
          title={pending.member.userId === account.user.id ? t('settings.members.leaveTitle') : t('settings.members.removeTitle', { name: pending.member.name })}
          description={pending.member.userId === account.user.id ? t('settings.members.leaveText') : t('settings.members.removeText', { name: pending.member.name })}
          confirmLabel={pending.member.userId === account.user.id ? t('settings.members.leave') : t('common.remove')}
          onConfirm={() => remove(pending.member)}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'revoke' && (
        <ConfirmDialog
          danger
          title={t('settings.invitations.revokeTitle', { email: pending.invitation.email })}
          description={t('settings.invitations.revokeText')}
          confirmLabel={t('settings.invitations.revokeConfirm')}
          onConfirm={() => revoke(pending.invitation)}
          onClose={() => setPending(null)}
        />
      )}
    </div>
  );
}
