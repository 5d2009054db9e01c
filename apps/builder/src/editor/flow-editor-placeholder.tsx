// PLACEHOLDER: replaced by the editor helper (the visual editor). Shows the flow's name and a
// way back, so the route works end to end meanwhile.
import { useApi } from '../api/api-context.js';
import { useResource } from '../api/use-resource.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router/index.js';
import { ErrorState } from '../ui/error-state.js';
import { Icon } from '../ui/icon.js';
import { LoadingBlock } from '../ui/spinner.js';

export function FlowEditorScreen({ flowId }: { flowId: string }) {
  const t = useT();
  const api = useApi();
  const { state, reload } = useResource(() => api.flows.get(flowId), flowId);
  return (
    <div className="page">
      <Link to="/flows" className="page-header__back">
        <Icon name="arrow-left" size={16} />
        {t('app.nav.flows')}
      </Link>
      {state.status === 'loading' && <LoadingBlock label={t('common.loading')} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && <h1 className="page-header__title">{state.data.name}</h1>}
    </div>
  );
}
