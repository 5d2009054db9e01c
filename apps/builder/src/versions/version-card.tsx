import type { FlowVersionSummary } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { Badge } from '../ui/feedback.js';

/** Changes listed on a card before "+N more". */
const SHOWN_CHANGES = 3;

export function VersionCard({
  version,
  live,
  selected,
  canRestore,
  onCompare,
  onRestore,
}: {
  version: FlowVersionSummary;
  live: boolean;
  selected: boolean;
  canRestore: boolean;
  onCompare: () => void;
  onRestore: () => void;
}) {
  const { t, format } = useI18n();
  const label = t('versions.label', { version: version.version });
  const changes = version.summary;
  return (
    <li className="version-card" data-selected={selected} aria-current={selected ? 'true' : undefined}>
      <div className="version-card__head">
        <h3 className="version-card__title">{label}</h3>
        {live && (
          <Badge tone="success" dot>
            {t('versions.live')}
          </Badge>
        )}
      </div>
      <p className="version-card__when">
        <time dateTime={version.publishedAt}>{t('versions.publishedAt', { date: format.dateTime(version.publishedAt) })}</time>
        {version.publishedBy !== null && <> {t('versions.publishedBy', { name: version.publishedBy.name })}</>}
      </p>
      <ul className="version-card__changes">
        {version.version === 1 && changes.length === 0 ? (
          <li>{t('versions.first')}</li>
        ) : changes.length === 0 ? (
          <li>{t('versions.noChanges')}</li>
        ) : (
          changes.slice(0, SHOWN_CHANGES).map((line) => <li key={line}>{line}</li>)
        )}
        {changes.length > SHOWN_CHANGES && <li className="version-card__more">{t('versions.moreChanges', { count: changes.length - SHOWN_CHANGES })}</li>}
      </ul>
      <div className="version-card__actions">
        <Button size="sm" variant="secondary" icon="compare" onClick={onCompare} aria-label={`${t('versions.compareThis')}: ${label}`}>
          {t('versions.compareThis')}
        </Button>
        {canRestore && (
          <Button size="sm" variant="ghost" icon="restore" onClick={onRestore} aria-label={`${t('versions.restore')}: ${label}`}>
            {t('versions.restore')}
          </Button>
        )}
      </div>
    </li>
  );
}
