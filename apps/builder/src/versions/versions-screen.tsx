import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import type { FlowVersionPage, FlowVersionSummary } from '../api/types.js';
import { useResource } from '../api/use-resource.js';
import { can } from '../auth/permissions.js';
import { useSignedIn } from '../auth/session-context.js';
import { useI18n } from '../i18n/index.js';
import { buildPath, Link } from '../router/index.js';
import { Button, buttonClassName } from '../ui/button.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { describeError } from '../ui/describe-error.js';
import { ErrorState } from '../ui/error-state.js';
import { Badge, Callout, EmptyState } from '../ui/feedback.js';
import { Icon } from '../ui/icon.js';
import { Card, Page, PageHeader } from '../ui/page.js';
import { LoadingBlock } from '../ui/spinner.js';
import { useToast } from '../ui/toast.js';
import { ComparePanel, type ComparePair } from './compare-panel.js';
import { VersionCard } from './version-card.js';
import './versions-screen.css';

/** The comparison a fresh page opens on: the newest version against the one before, or the draft. */
export function defaultPair(versions: readonly FlowVersionSummary[]): ComparePair {
  const [newest, previous] = versions;
  if (newest === undefined) return { from: null, to: null };
  if (previous === undefined) return { from: newest.version, to: 'draft' };
  return { from: previous.version, to: newest.version };
}

/** A flow's published versions: what each changed, compare any two (or the draft), restore one. */
export function VersionsScreen({ flowId }: { flowId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const toast = useToast();
  const { workspace } = useSignedIn();
  const flow = useResource(() => api.flows.get(flowId), flowId);
  const versions = useResource<FlowVersionPage>(() => api.flows.versions(flowId, { locale }), `${flowId}|${locale}`);
  const [older, setOlder] = useState<FlowVersionPage | null>(null);
  const [pair, setPair] = useState<ComparePair | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);

  useEffect(() => setOlder(null), [locale]);

  const all = [...(versions.state.data?.items ?? []), ...(older?.items ?? [])];
  const nextBefore = older === null ? versions.state.data?.nextBefore : older.nextBefore;
  const shownPair = pair ?? defaultPair(all);
  const flowData = flow.state.data;

  const loadOlder = async () => {
    if (nextBefore === null || nextBefore === undefined) return;
    try {
      const page = await api.flows.versions(flowId, { locale, before: nextBefore });
      setOlder((current) => ({ items: [...(current?.items ?? []), ...page.items], nextBefore: page.nextBefore }));
    } catch (error) {
      toast.show({ tone: 'error', ...describeError(error, t) });
    }
  };

  const restore = async (version: number) => {
    if (flowData === undefined) return;
    try {
      const saved = await api.flows.restore(flowId, { version, revision: flowData.draftRevision });
      setConflict(null);
      flow.set((current) => ({ ...(current ?? flowData), draftRevision: saved.revision, document: saved.document, issues: saved.issues, updatedAt: saved.updatedAt }));
      setPair({ from: version, to: 'draft' });
      toast.show({ tone: 'success', message: t('versions.restore.done', { version, revision: saved.revision }) });
    } catch (error) {
      if (isApiError(error) && error.code === 'draft_conflict') {
        const current = error.meta['current'];
        const revision = typeof current === 'object' && current !== null && 'revision' in current && typeof current.revision === 'number' ? current.revision : flowData.draftRevision;
        setConflict(revision);
        return;
      }
      toast.show({ tone: 'error', ...describeError(error, t) });
      throw error;
    }
  };

  if (flow.state.status === 'error' && flowData === undefined) {
    return (
      <Page title={t('versions.title')}>
        <ErrorState error={flow.state.error} onRetry={flow.reload} />
      </Page>
    );
  }
  if (flowData === undefined) return <LoadingBlock label={t('common.loading')} />;

  const editorPath = buildPath('/flows/:id', { id: flowId });
  return (
    <Page title={t('versions.pageTitle', { name: flowData.name })}>
      <PageHeader
        back={{ to: '/flows', label: t('versions.backToFlows') }}
        title={t('versions.pageTitle', { name: flowData.name })}
        description={
          <>
            {t('versions.description')}
            <span className="versions-meta">
              <Badge>{t('versions.draftRevision', { revision: flowData.draftRevision })}</Badge>
              {flowData.currentVersion !== null && (
                <Badge tone="success" dot>
                  {t('versions.live')} · {t('flows.version', { version: flowData.currentVersion })}
                </Badge>
              )}
            </span>
          </>
        }
        actions={
          <Link to={editorPath} className={buttonClassName({ variant: 'primary' })}>
            <Icon name="pencil" size={18} />
            {t('versions.openEditor')}
          </Link>
        }
      />
      {conflict !== null && (
        <div style={{ marginBottom: 'var(--space-5)' }}>
          <Callout tone="warning" role="alert">
            <p>{t('versions.restore.conflict', { revision: conflict })}</p>
            <p style={{ marginTop: 'var(--space-2)' }}>
              <Button
                size="sm"
                variant="secondary"
                icon="restore"
                onClick={() => {
                  setConflict(null);
                  flow.reload();
                }}
              >
                {t('versions.restore.reload')}
              </Button>
            </p>
          </Callout>
        </div>
      )}
      {versions.state.status === 'error' && versions.state.data === undefined ? (
        <Card>
          <ErrorState error={versions.state.error} onRetry={versions.reload} />
        </Card>
      ) : versions.state.data === undefined ? (
        <LoadingBlock label={t('common.loading')} />
      ) : all.length === 0 ? (
        <Card>
          <EmptyState
            icon="history"
            title={t('versions.empty.title')}
            actions={
              <Link to={editorPath} className={buttonClassName({ variant: 'primary' })}>
                {t('versions.openEditor')}
              </Link>
            }
          >
            {t('versions.empty.text')}
          </EmptyState>
        </Card>
      ) : (
        <div className="versions-layout">
          <section aria-labelledby="versions-list-heading">
            <h2 id="versions-list-heading" className="version-list__heading">
              {t('versions.list')}
            </h2>
            <ul className="version-list">
              {all.map((version) => (
                <VersionCard
                  key={version.version}
                  version={version}
                  live={flowData.currentVersion === version.version}
                  selected={shownPair.to === version.version}
                  canRestore={can(workspace.role, 'flows.write')}
                  onCompare={() => setPair({ from: version.version > 1 ? version.version - 1 : null, to: version.version })}
                  onRestore={() => setRestoring(version.version)}
                />
              ))}
            </ul>
            {nextBefore !== null && nextBefore !== undefined && (
              <Button variant="ghost" block onClick={() => void loadOlder()}>
                {t('versions.older')}
              </Button>
            )}
          </section>
          <ComparePanel flowId={flowId} draftRevision={flowData.draftRevision} versions={all} pair={shownPair} onChange={setPair} />
        </div>
      )}
      {restoring !== null && (
        <ConfirmDialog
          title={t('versions.restore.title', { version: restoring })}
          description={t('versions.restore.text', { version: restoring })}
          confirmLabel={t('versions.restore.confirm')}
          onConfirm={() => restore(restoring)}
          onClose={() => setRestoring(null)}
        />
      )}
    </Page>
  );
}
