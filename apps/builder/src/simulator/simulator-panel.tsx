import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context.js';
import type { SimulationStarted, StartSimulationRequest } from '../api/simulation-types.js';
import { useI18n, useT } from '../i18n/index.js';
import { IconButton } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Callout } from '../ui/feedback.js';
import { channelName } from './describe.js';
import { SimulationView } from './simulation-view.js';
import type { SimulatorPanelProps } from './simulator-panel-props.js';
import { SimIcon } from './simulator-icon.js';
import { StartForm } from './start-form.js';
import { startValuesFor, type StartValues } from './start-values.js';
import './simulator.css';

interface Run {
  readonly started: SimulationStarted;
  readonly request: StartSimulationRequest;
  readonly contactName: string;
}

/**
 * The simulator beside the canvas: a start form (trigger, sample data, channel, customer), then
 * a chat with the draft running on the real runtime, its controls and an inspector. It reports
 * the path taken for the canvas to highlight.
 */
export function SimulatorPanel({ flowId, document, flush, onPathChange, onClose }: SimulatorPanelProps) {
  const t = useT();
  const api = useApi();
  const { locale } = useI18n();
  const [values, setValues] = useState<StartValues>(() => startValuesFor(document, locale));
  const [run, setRun] = useState<Run | null>(null);
  const [phase, setPhase] = useState<'idle' | 'saving' | 'starting'>('idle');
  const [error, setError] = useState<{ kind: 'save' | 'start'; error: unknown } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A trigger removed from the draft while the form is open: start from one that exists.
  const triggerGone = values.triggerId !== '' ? !document.triggers.some((trigger) => trigger.id === values.triggerId) : document.triggers.length > 0;
  useEffect(() => {
    if (triggerGone) setValues((current) => startValuesFor(document, locale, undefined, current));
  }, [triggerGone, document, locale]);

  // The canvas stops highlighting when the panel goes away.
  const pathListener = useRef(onPathChange);
  useEffect(() => {
    pathListener.current = onPathChange;
  });
  useEffect(() => () => pathListener.current(null), []);

  const start = async (request: StartSimulationRequest) => {
    setError(null);
    setPhase('saving');
    try {
      await flush();
    } catch (failure) {
      setError({ kind: 'save', error: failure });
      setPhase('idle');
      return;
    }
    setPhase('starting');
    try {
      const started = await api.simulations.start(flowId, request);
      onPathChange(null);
      setRun({ started, request, contactName: request.contactName ?? '' });
      // The form (and the button that had focus) is gone: keyboard users continue from the panel's title.
      requestAnimationFrame(() => heading.current?.focus());
    } catch (failure) {
      setError({ kind: 'start', error: failure });
    }
    setPhase('idle');
  };

  const stop = () => {
    setRun(null);
    onPathChange(null);
    heading.current?.focus();
  };

  return (
    <aside className="sim" aria-labelledby="sim-title">
      <header className="sim__header">
        <div className="sim__heading">
          <span className="sim__mark" aria-hidden="true">
            <SimIcon name="chat" size={18} />
          </span>
          <div className="sim__titles">
            <h2 id="sim-title" ref={heading} tabIndex={-1} className="sim__title">
              {t('simulator.title')}
            </h2>
            {run !== null && (
              <p className="sim__context">{t('simulator.runningAs', { channel: channelName(run.started.channel, t), contact: run.contactName || '—' })}</p>
            )}
          </div>
        </div>
        <div className="sim__actions">
          {run !== null && (
            <>
              <IconButton icon="restore" size="sm" label={t('simulator.restartLabel')} disabled={phase !== 'idle'} aria-busy={phase !== 'idle' || undefined} onClick={() => void start(run.request)} />
              <button type="button" className="btn btn--ghost btn--icon btn--sm" aria-label={t('simulator.stopLabel')} title={t('simulator.stopLabel')} onClick={stop}>
                <SimIcon name="stop" size={16} />
              </button>
            </>
          )}
          <IconButton icon="x" size="sm" label={t('simulator.close')} onClick={onClose} />
        </div>
      </header>
      {run === null ? (
        <StartForm document={document} values={values} onChange={setValues} onStart={(request) => void start(request)} phase={phase} error={error} />
      ) : (
        <>
          {error !== null && (
            <div className="sim__restart-error">
              <Callout tone="danger" role="alert" title={error.kind === 'save' ? t('simulator.start.saveFailed') : t('simulator.start.failed')}>
                {describeError(error.error, t).message}
              </Callout>
            </div>
          )}
          <SimulationView key={run.started.id} document={document} started={run.started} contactName={run.contactName} onPathChange={onPathChange} onRestart={() => void start(run.request)} />
        </>
      )}
    </aside>
  );
}
