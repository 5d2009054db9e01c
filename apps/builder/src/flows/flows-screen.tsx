import { useCallback, useState } from 'react';
import { useApi } from '../api/api-context.js';
import type { FlowPage, FlowStatus, FlowSummary } from '../api/types.js';
import { useResource } from '../api/use-resource.js';
import { can } from '../auth/permissions.js';
import { useSignedIn } from '../auth/session-context.js';
import { useI18n } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { ErrorState } from '../ui/error-state.js';
import { EmptyState } from '../ui/feedback.js';
import { SearchField } from '../ui/field.js';
import { Page, PageHeader } from '../ui/page.js';
import { Skeleton } from '../ui/spinner.js';
import { useToast } from '../ui/toast.js';
import { describeError } from '../ui/describe-error.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { CreateFlowDialog } from './create-flow-dialog.js';
import { downloadFile } from './download-file.js';
import { FlowRow, type FlowAction } from './flow-row.js';
import './flows-screen.css';
import { ImportFlowDialog } from './import-flow-dialog.js';
import { RenameFlowDialog } from './rename-flow-dialog.js';
import { useDebounced } from './use-debounced.js';

type OpenDialog = { kind: 'create' } | { kind: 'import' } | { kind: 'rename'; flow: FlowSummary } | { kind: 'delete'; flow: FlowSummary };

const PAGE_SIZE = 50;

/** The flows of the workspace: search, filter by status, and everything done to a flow. */
export function FlowsScreen() {
  const { t } = useI18n();
  const api = useApi();
  const { workspace } = useSignedIn();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<FlowStatus | undefined>(undefined);
  const query = useDebounced(search.trim(), 250);
  const [extra, setExtra] = useState<{ items: FlowSummary[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const toast = useToast();

  const { state, reload } = useResource<FlowPage>(
    (signal) => {
      setExtra(null);
      return api.flows.list({ search: query, ...(status === undefined ? {} : { status }), limit: PAGE_SIZE }, signal);
    },
    `${workspace.id}|${query}|${status ?? ''}`,
  );

  const loadMore = useCallback(async () => {
    const cursor = extra?.nextCursor ?? state.data?.nextCursor;
    if (cursor === null || cursor === undefined) return;
    setLoadingMore(true);
    try {
      const page = await api.flows.list({ search: query, ...(status === undefined ? {} : { status }), limit: PAGE_SIZE, cursor });
      setExtra((current) => ({ items: [...(current?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } finally {
      setLoadingMore(false);
    }
  }, [api, extra, query, state.data, status]);

  const runAction = async (action: FlowAction, flow: FlowSummary) => {
    if (action === 'rename' || action === 'delete') {
      setDialog({ kind: action, flow });
      return;
    }
    try {
      if (action === 'duplicate') {
        const copy = await api.flows.duplicate(flow.id);
        toast.show({ tone: 'success', message: t('flows.duplicate.done', { name: copy.name }) });
        reload();
      } else {
        const { text, fileName } = await api.flows.export(flow.id);
        const file = fileName ?? `${flow.id}.flow.json`;
        downloadFile({ text, fileName: file });
        toast.show({ tone: 'success', message: t('flows.export.done', { file }) });
      }
    } catch (error) {
      toast.show({ tone: 'error', ...describeError(error, t) });
    }
  };

  const deleteFlow = async (flow: FlowSummary) => {
    try {
      await api.flows.remove(flow.id);
      toast.show({ tone: 'success', message: t('flows.delete.done', { name: flow.name }) });
      reload();
    } catch (error) {
      toast.show({ tone: 'error', ...describeError(error, t) });
      throw error;
    }
  };

  const items = [...(state.data?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra === null ? state.data?.nextCursor : extra.nextCursor;
  const canWrite = can(workspace.role, 'flows.write');
  const filtered = query !== '' || status !== undefined;

  return (
    <Page title={t('flows.title')}>
      <PageHeader
        title={t('flows.title')}
        description={t('flows.description')}
        actions={
          canWrite ? (
            <>
              <Button variant="secondary" icon="upload" onClick={() => setDialog({ kind: 'import' })}>
                {t('flows.import')}
              </Button>
              <Button variant="primary" icon="plus" onClick={() => setDialog({ kind: 'create' })}>
                {t('flows.new')}
              </Button>
            </>
          ) : undefined
        }
      />
      <div className="flows-toolbar">
        <SearchField label={t('flows.search')} value={search} onChange={(event) => setSearch(event.target.value)} />
        <div className="segmented" role="group" aria-label={t('flows.filter.label')}>
          {([undefined, 'draft', 'published'] as const).map((option) => (
            <button key={option ?? 'all'} type="button" aria-pressed={status === option} onClick={() => setStatus(option)}>
              {t(option === undefined ? 'flows.filter.all' : option === 'draft' ? 'flows.filter.draft' : 'flows.filter.published')}
            </button>
          ))}
        </div>
        {state.status === 'ready' && (
          <span className="flows-toolbar__count" aria-live="polite">
            {t('flows.count', { count: items.length })}
          </span>
        )}
      </div>

      {state.status === 'error' && state.data === undefined ? (
        <div className="table-card">
          <ErrorState error={state.error} onRetry={reload} />
        </div>
      ) : state.status === 'ready' && items.length === 0 ? (
        <div className="table-card">
          {filtered ? (
            <EmptyState
              icon="search"
              title={query === '' ? t('flows.count', { count: 0 }) : t('flows.noMatch.title', { search: query })}
              actions={
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSearch('');
                    setStatus(undefined);
                  }}
                >
                  {t('flows.noMatch.clear')}
                </Button>
              }
            >
              {t('flows.noMatch.text')}
            </EmptyState>
          ) : (
            <EmptyState
              icon="flows"
              title={t('flows.empty.title')}
              actions={
                canWrite ? (
                  <Button variant="primary" icon="plus" onClick={() => setDialog({ kind: 'create' })}>
                    {t('flows.new')}
                  </Button>
                ) : undefined
              }
            >
              {t('flows.empty.text')}
            </EmptyState>
          )}
        </div>
      ) : (
        <div className="table-card">
          <table className="table" aria-busy={state.status === 'loading'}>
            <thead>
              <tr>
                <th scope="col">{t('flows.column.name')}</th>
                <th scope="col">{t('flows.column.status')}</th>
                <th scope="col" className="hide-narrow">
                  {t('flows.column.version')}
                </th>
                <th scope="col" className="hide-narrow">
                  {t('flows.column.edited')}
                </th>
                <th scope="col" className="table__actions">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data === undefined
                ? [0, 1, 2].map((row) => (
                    <tr key={row} className="row-skeleton">
                      <td colSpan={5}>
                        <Skeleton width={row === 1 ? '55%' : '70%'} />
                      </td>
                    </tr>
                  ))
                : items.map((flow) => <FlowRow key={flow.id} flow={flow} canWrite={canWrite} onAction={(action, target) => void runAction(action, target)} />)}
            </tbody>
          </table>
          {nextCursor !== null && nextCursor !== undefined && (
            <div className="table-footer">
              <Button variant="ghost" loading={loadingMore} onClick={() => void loadMore()}>
                {t('flows.loadMore')}
              </Button>
            </div>
          )}
        </div>
      )}
      {dialog?.kind === 'create' && <CreateFlowDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <ImportFlowDialog onClose={() => setDialog(null)} onImported={reload} />}
      {dialog?.kind === 'rename' && <RenameFlowDialog flow={dialog.flow} onClose={() => setDialog(null)} onRenamed={reload} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          danger
          title={t('flows.delete.title', { name: dialog.flow.name })}
          description={t('flows.delete.text')}
          confirmLabel={t('flows.delete.confirm')}
          onConfirm={() => deleteFlow(dialog.flow)}
          onClose={() => setDialog(null)}
        />
      )}
    </Page>
  );
}
