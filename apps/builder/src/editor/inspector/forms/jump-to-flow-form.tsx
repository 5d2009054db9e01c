import { useApi } from '../../../api/api-context.js';
import type { FlowSummary } from '../../../api/types.js';
import { useResource } from '../../../api/use-resource.js';
import { useT } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { Combobox, type ComboboxOption } from '../../../ui/combobox.js';
import { describeError } from '../../../ui/describe-error.js';
import { Callout } from '../../../ui/feedback.js';
import { useField } from '../form-context.js';
import type { NodeFormProps } from './form-kit.js';

/** Pages of the flow list read for the picker: 100 flows each, at most 1,000 flows. */
const MAX_PAGES = 10;

async function loadAllFlows(list: ReturnType<typeof useApi>['flows']['list'], signal: AbortSignal): Promise<FlowSummary[]> {
  const flows: FlowSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await list({ limit: 100, ...(cursor === undefined ? {} : { cursor }) }, signal);
    flows.push(...result.items);
    if (result.nextCursor === null) break;
    cursor = result.nextCursor;
  }
  return flows;
}

/** Continues the conversation in another flow of the workspace, picked from the API's list. */
export function JumpToFlowForm({ data, onChange, currentFlowId }: NodeFormProps<'jump_to_flow'> & { currentFlowId?: string | undefined }) {
  const t = useT();
  const api = useApi();
  const field = useField('flowId');
  const { state, reload } = useResource((signal) => loadAllFlows(api.flows.list, signal), 'inspector-flows');
  const flows = state.data ?? [];
  const options: ComboboxOption[] = flows
    .filter((flow) => flow.id !== currentFlowId)
    .map((flow) => ({ value: flow.id, label: flow.name, meta: t(`inspector.flowStatus.${flow.status}`) }));
  if (data.flowId !== '' && state.status === 'ready' && !flows.some((flow) => flow.id === data.flowId)) {
    options.unshift({ value: data.flowId, label: data.flowId, meta: t('inspector.jump.missing') });
  }
  const chosen = flows.find((flow) => flow.id === data.flowId);
  return (
    <div className="inspector-field" data-path="flowId" ref={field.ref}>
      <Combobox
        label={t('inspector.field.targetFlow')}
        hint={field.error ?? (state.status === 'loading' ? t('common.loading') : (field.help ?? t('inspector.hint.jump')))}
        options={options}
        value={data.flowId}
        disabled={field.readOnly || state.status === 'loading'}
        placeholder={t('inspector.placeholder.flow')}
        noMatch={(search) => t('inspector.jump.noMatch', { search })}
        onChange={(flowId) => onChange({ ...data, flowId })}
      />
      {chosen !== undefined && chosen.status !== 'published' && <p className="field__hint">{t('inspector.jump.notPublished')}</p>}
      {state.status === 'error' && (
        <Callout tone="danger" title={describeError(state.error, t).message}>
          <Button size="sm" onClick={reload}>
            {t('common.retry')}
          </Button>
        </Callout>
      )}
    </div>
  );
}
