// PLACEHOLDER until the inspector helper replaces it: names the selection so the editor can be
// built and tested against the contract in node-inspector-props.ts.
import { useT } from '../../i18n/index.js';
import type { NodeInspectorProps } from './node-inspector-props.js';

export function NodeInspector({ document, selection, onClose }: NodeInspectorProps) {
  const t = useT();
  const node = selection.kind === 'node' ? document.nodes.find((n) => n.id === selection.id) : undefined;
  return (
    <aside>
      <p>{node?.label ?? node?.type ?? selection.kind}</p>
      <button type="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </aside>
  );
}
