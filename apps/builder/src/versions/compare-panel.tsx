import { useApi } from '../api/api-context.js';
import type { FlowVersionSummary } from '../api/types.js';
import { useResource } from '../api/use-resource.js';
import { useT } from '../i18n/index.js';
import { IconButton } from '../ui/button.js';
import { ErrorState } from '../ui/error-state.js';
import { Callout } from '../ui/feedback.js';
import { SelectField } from '../ui/field.js';
import { Card } from '../ui/page.js';
import { LoadingBlock } from '../ui/spinner.js';
import { loadComparison, type CompareSide } from './compare.js';
import { DiffView } from './diff-view.js';

export interface ComparePair {
  readonly from: CompareSide | null;
  readonly to: CompareSide | null;
}

const sideValue = (side: CompareSide | null): string => (side === null ? '' : String(side));
const parseSide = (value: string): CompareSide | null => (value === '' ? null : value === 'draft' ? 'draft' : Number(value));

/** Two versions (or a version and the draft) side by side: what changed from one to the other. */
export function ComparePanel({
  flowId,
  draftRevision,
  versions,
  pair,
  onChange,
}: {
  flowId: string;
  draftRevision: number;
  versions: readonly FlowVersionSummary[];
  pair: ComparePair;
  onChange: (pair: ComparePair) => void;
}) {
  const t = useT();
  const api = useApi();
  const { from, to } = pair;
  const ready = from !== null && to !== null && from !== to;
  // The draft side changes with each save: its revision is part of what is compared.
  const key = ready ? `${flowId}|${String(from)}|${String(to)}|${String(draftRevision)}` : '';
  const comparison = useResource(async () => (ready ? loadComparison({ api, flowId, from, to }) : null), key);

  const options = (
    <>
      <option value="">—</option>
      <option value="draft">{t('versions.compare.draft')}</option>
      {versions.map((version) => (
        <option key={version.version} value={version.version}>
          {t('versions.label', { version: version.version })}
        </option>
      ))}
    </>
  );

  return (
    <Card
      title={t('versions.compare.title')}
      actions={
        <div className="compare-controls">
          <SelectField label={t('versions.compare.from')} value={sideValue(from)} onChange={(event) => onChange({ from: parseSide(event.target.value), to })}>
            {options}
          </SelectField>
          <IconButton icon="compare" label={t('versions.compare.swap')} variant="secondary" onClick={() => onChange({ from: to, to: from })} />
          <SelectField label={t('versions.compare.to')} value={sideValue(to)} onChange={(event) => onChange({ from, to: parseSide(event.target.value) })}>
            {options}
          </SelectField>
        </div>
      }
    >
      <div aria-live="polite">
        {from === null || to === null ? (
          <Callout tone="info">{t('versions.compare.pick')}</Callout>
        ) : from === to ? (
          <Callout tone="info">{t('versions.compare.same')}</Callout>
        ) : comparison.state.status === 'error' ? (
          <ErrorState error={comparison.state.error} onRetry={comparison.reload} />
        ) : comparison.state.status === 'loading' || comparison.state.data === null ? (
          <LoadingBlock label={t('common.loading')} />
        ) : comparison.state.data.ok ? (
          <DiffView diff={comparison.state.data.diff} />
        ) : (
          <Callout tone="warning">{t('versions.compare.draftUnreadable', { reason: comparison.state.data.reason })}</Callout>
        )}
      </div>
    </Card>
  );
}
