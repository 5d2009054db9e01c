import { useEffect, useMemo } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { parseFlow } from '@jornada/flow-engine';
import { useApi } from '../api/api-context.js';
import { useResource } from '../api/use-resource.js';
import { useSession } from '../auth/session-context.js';
import { useT } from '../i18n/index.js';
import { buildPath, Link } from '../router/index.js';
import { buttonClassName } from '../ui/button.js';
import { takePreloadedFlow } from '../flows/flow-preload.js';
import { ErrorState } from '../ui/error-state.js';
import { EmptyState } from '../ui/feedback.js';
import { Icon } from '../ui/icon.js';
import { LoadingBlock } from '../ui/spinner.js';
import { FlowEditor } from './flow-editor.js';
import './editor.css';

/** `/flows/:id`: loads the flow's draft and opens it in the editor (full screen). */
export function FlowEditorScreen({ flowId }: { flowId: string }) {
  const t = useT();
  const api = useApi();
  const { state: session } = useSession();
  const workspaceId = session.status === 'signed-in' ? session.workspace?.id : undefined;
  // The start or the route asked for it while this code loaded (flow-preload.ts); a reload asks again.
  const { state, reload } = useResource(() => takePreloadedFlow(api, flowId, Date.now, workspaceId) ?? api.flows.get(flowId), flowId);
  const flow = state.data;
  // Parsed once per answer, not on every render of this screen (1,000 boxes: some 70 ms).
  const parsed = useMemo(() => (flow === undefined ? undefined : parseFlow(flow.document)), [flow]);

  useEffect(() => {
    if (flow === undefined) document.title = `${t('common.loading')} · Jornada`;
  }, [flow, t]);

  if (state.status === 'error' && flow === undefined) {
    return (
      <div className="editor-status">
        <Link to="/flows" className="page-header__back">
          <Icon name="arrow-left" size={16} />
          {t('editor.back')}
        </Link>
        <ErrorState error={state.error} onRetry={reload} />
      </div>
    );
  }
  if (flow === undefined || parsed === undefined) {
    return (
      <div className="editor-status">
        <LoadingBlock label={t('common.loading')} />
      </div>
    );
  }
  if (!parsed.ok) {
    return (
      <div className="editor-status">
        <EmptyState
          icon="alert"
          tone="error"
          title={t('editor.invalid.title')}
          detail={parsed.errors.map((error) => `${error.path}: ${error.message}`).join(' · ')}
          actions={
            <Link to={buildPath('/flows/:id/versions', { id: flowId })} className={buttonClassName({ variant: 'primary' })}>
              {t('editor.toolbar.versions')}
            </Link>
          }
        >
          {t('editor.invalid.text')}
        </EmptyState>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <FlowEditor flow={flow} initialDocument={parsed.flow} />
    </ReactFlowProvider>
  );
}
