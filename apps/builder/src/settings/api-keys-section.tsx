import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import type { ApiKey } from '../api/types.js';
import { useResource } from '../api/use-resource.js';
import { roleLabel } from '../app/role-label.js';
import { assignableRoles } from '../auth/permissions.js';
import { useSignedIn } from '../auth/session-context.js';
import { useI18n } from '../i18n/index.js';
import { Button, IconButton } from '../ui/button.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { describeError } from '../ui/describe-error.js';
import { ErrorState } from '../ui/error-state.js';
import { Badge, EmptyState } from '../ui/feedback.js';
import { Card } from '../ui/page.js';
import { LoadingBlock } from '../ui/spinner.js';
import { useToast } from '../ui/toast.js';
import { CreateApiKeyDialog } from './create-api-key-dialog.js';

/** Keys for server-to-server calls: list (never the key itself), create (shown once), revoke. */
export function ApiKeysSection() {
  const { t, format } = useI18n();
  const api = useApi();
  const toast = useToast();
  const { workspace } = useSignedIn();
  const keys = useResource(() => api.workspaces.apiKeys(), workspace.id);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const revoke = async (key: ApiKey) => {
    try {
      await api.workspaces.revokeApiKey(key.id);
      keys.set((current) => (current ?? []).filter((item) => item.id !== key.id));
      toast.show({ tone: 'success', message: t('settings.keys.revoked', { name: key.name }) });
    } catch (error) {
      toast.show({ tone: 'error', ...describeError(error, t) });
      throw error;
    }
  };

  const createButton = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      {t('settings.keys.create')}
    </Button>
  );

  return (
    <>
      <Card flush title={t('settings.keys.title')} description={t('settings.keys.description')} actions={keys.state.data !== undefined && keys.state.data.length > 0 ? createButton : undefined}>
        {keys.state.status === 'error' && keys.state.data === undefined ? (
          <ErrorState error={keys.state.error} onRetry={keys.reload} />
        ) : keys.state.data === undefined ? (
          <LoadingBlock label={t('common.loading')} />
        ) : keys.state.data.length === 0 ? (
          <EmptyState icon="key" title={t('settings.keys.empty.title')} actions={createButton}>
            {t('settings.keys.empty.text')}
          </EmptyState>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('settings.keys.column.name')}</th>
                <th scope="col">{t('settings.keys.column.key')}</th>
                <th scope="col">{t('settings.keys.column.role')}</th>
                <th scope="col" className="hide-narrow">
                  {t('settings.keys.column.created')}
                </th>
                <th scope="col" className="hide-narrow">
                  {t('settings.keys.column.lastUsed')}
                </th>
                <th scope="col" className="table__actions">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.state.data.map((key) => (
                <tr key={key.id}>
                  <td className="person__name">{key.name}</td>
                  <td>
                    <code className="key-prefix">jrn_{key.prefix}_…</code>
                  </td>
                  <td>
                    <Badge>{roleLabel(t, key.role)}</Badge>
                  </td>
                  <td className="hide-narrow table__muted">{format.date(key.createdAt)}</td>
                  <td className="hide-narrow table__muted">{key.lastUsedAt === null ? t('common.never') : format.relative(key.lastUsedAt)}</td>
                  <td className="table__actions">
                    <IconButton icon="trash" size="sm" label={t('settings.keys.revoke', { name: key.name })} onClick={() => setRevoking(key)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {creating && <CreateApiKeyDialog actorRoles={assignableRoles(workspace.role)} onClose={() => setCreating(false)} onCreated={keys.reload} />}
      {revoking !== null && (
        <ConfirmDialog
          danger
          title={t('settings.keys.revokeTitle', { name: revoking.name })}
          description={t('settings.keys.revokeText')}
          confirmLabel={t('settings.keys.revokeConfirm')}
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(null)}
        />
      )}
    </>
  );
}
