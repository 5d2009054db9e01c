import type { FlowSummary } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { buildPath, Link, navigate } from '../router/index.js';
import { buttonClassName } from '../ui/button.js';
import { Badge } from '../ui/feedback.js';
import { Icon } from '../ui/icon.js';
import { Menu, MenuItem } from '../ui/menu.js';

/** One flow in the list: name, status, live version, last edit, and its actions. */
export function FlowRow({ flow }: { flow: FlowSummary; canWrite: boolean; onChanged: () => void }) {
  const { t, format } = useI18n();
  const editorPath = buildPath('/flows/:id', { id: flow.id });
  const published = flow.currentVersion !== null;
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
            <span className="version-cell__number">{t('flows.version', { version: flow.currentVersion ?? 0 })}</span>
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
          label={t('common.moreActions', { name: flow.name })}
          trigger={(props) => (
            <button type="button" className={buttonClassName({ variant: 'ghost', size: 'sm', iconOnly: true })} aria-label={t('common.moreActions', { name: flow.name })} {...props}>
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
        </Menu>
      </td>
    </tr>
  );
}
