import type { FlowSummary } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { buildPath, Link, navigate } from '../router/index.js';
import { buttonClassName } from '../ui/button.js';
import { Badge } from '../ui/feedback.js';
import { Icon } from '../ui/icon.js';
import { Menu, MenuItem, MenuSeparator } from '../ui/menu.js';

export type FlowAction = 'rename' | 'duplicate' | 'export' | 'delete';

/** One flow in the list: name, status, live version, last edit, and its actions. */
export function FlowRow({ flow, canWrite, onAction }: { flow: FlowSummary; canWrite: boolean; onAction: (action: FlowAction, flow: FlowSummary) => void }) {
  const { t, format } = useI18n();
  const editorPath = buildPath('/flows/:id', { id: flow.id });
  const published = flow.currentVersion !== null;
  const actionsLabel = t('common.moreActions', { name: flow.name });
  return (
    <tr>
      <td>
        <div className="flow-name">
          <Link to={editorPath}>{flow.name}</Link>
          {flow.description !== '' && <span className="flow-name__description">{flow.description}</span>}
        </div>
      </td>
      <td>
        <Badge tone={flow.status === 'published' ? 'success' : 'neutral'} dot>
          {t(flow.status === 'published' ? 'flows.status.published' : 'flows.status.draft')}
        </Badge>
      </td>
      <td className="hide-narrow">
        {published ? (
          <div className="version-cell">
            <Link to={buildPath('/flows/:id/versions', { id: flow.id })} className="version-cell__number">
              {t('flows.version', { version: flow.currentVersion ?? 0 })}
            </Link>
            {flow.lastPublishedAt !== null && <span className="table__muted">{t('flows.publishedOn', { date: format.date(flow.lastPublishedAt) })}</span>}
          </div>
        ) : (
          <span className="table__muted">{t('flows.notPublished')}</span>
        )}
      </td>
      <td className="hide-narrow">
        <time dateTime={flow.updatedAt} title={format.dateTime(flow.updatedAt)} className="table__muted">
          {format.relative(flow.updatedAt)}
        </time>
      </td>
      <td className="table__actions">
        <Menu
          label={actionsLabel}
          trigger={(props) => (
            <button type="button" className={buttonClassName({ variant: 'ghost', size: 'sm', iconOnly: true })} aria-label={actionsLabel} title={actionsLabel} {...props}>
              <Icon name="more" size={16} />
            </button>
          )}
        >
          <MenuItem icon="pencil" onSelect={() => navigate(editorPath)}>
            {t('flows.action.open')}
          </MenuItem>
          <MenuItem icon="history" onSelect={() => navigate(buildPath('/flows/:id/versions', { id: flow.id }))}>
            {t('flows.action.versions')}
          </MenuItem>
          {canWrite && (
            <MenuItem icon="file" onSelect={() => onAction('rename', flow)}>
              {t('flows.action.rename')}
            </MenuItem>
          )}
          {canWrite && (
            <MenuItem icon="copy" onSelect={() => onAction('duplicate', flow)}>
              {t('flows.action.duplicate')}
            </MenuItem>
          )}
          <MenuItem icon="download" onSelect={() => onAction('export', flow)}>
            {t('flows.action.export')}
          </MenuItem>
          {canWrite && <MenuSeparator />}
          {canWrite && (
            <MenuItem icon="trash" danger onSelect={() => onAction('delete', flow)}>
              {t('flows.action.delete')}
            </MenuItem>
          )}
        </Menu>
      </td>
    </tr>
  );
}
