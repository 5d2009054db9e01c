// PLACEHOLDER until the simulator helper replaces it: lets the editor mount the panel against the
// contract in simulator-panel-props.ts.
import { useT } from '../i18n/index.js';
import type { SimulatorPanelProps } from './simulator-panel-props.js';

export function SimulatorPanel({ onClose }: SimulatorPanelProps) {
  const t = useT();
  return (
    <aside>
      <button type="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </aside>
  );
}
