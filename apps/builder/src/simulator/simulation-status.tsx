import type { FlowDocument } from '@jornada/flow-engine';
import type { SimulationState } from '../api/simulation-types.js';
import { useI18n, useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { Icon } from '../ui/icon.js';
import { eventName, nodeName } from './describe.js';
import { SimIcon } from './simulator-icon.js';

interface SimulationStatusProps {
  readonly document: FlowDocument;
  readonly state: SimulationState | null;
  readonly working: boolean;
  readonly skipping: boolean;
  readonly onSkipWait: () => void;
  readonly onSendEvent: () => void;
}

/** The events a wait-for-event box listens for. */
export function awaitedEvents(document: FlowDocument, state: SimulationState | null): string[] {
  if (state?.waitingFor !== 'event' || state.waitingAt === null) return [];
  const node = document.nodes.find((item) => item.id === state.waitingAt);
  return node?.type === 'wait_for_event' ? node.data.events : [];
}

/**
 * Above the chat: where the session waits, the timer that would fire next and when, "Skip wait"
 * (disabled, with the reason, when no timer is pending) and "Send event".
 */
export function SimulationStatus({ document, state, working, skipping, onSkipWait, onSendEvent }: SimulationStatusProps) {
  const t = useT();
  const { format } = useI18n();
  const timer = state?.timers[0];
  const node = (id: string) => nodeName(document, id, t);
  const noTimerId = 'sim-no-timer';

  let where: string;
  if (state !== null && state.status !== 'ended' && state.waitingFor === 'effect' && state.waitingAt !== null) where = t('simulator.controls.waitingEffect', { node: node(state.waitingAt) });
  else if (state === null || working) where = t('simulator.controls.working');
  else if (state.status === 'ended' || state.status === null) where = t('simulator.controls.ended');
  else if (state.waitingAt === null) where = t('simulator.controls.working');
  else if (state.waitingFor === 'event')
    where = t('simulator.controls.waitingEvent', { events: format.list(awaitedEvents(document, state).map((name) => eventName(name, t))), node: node(state.waitingAt) });
  else if (state.waitingFor === 'human' || state.status === 'handoff') where = t('simulator.controls.waitingHuman', { node: node(state.waitingAt) });
  else if (state.waitingFor === 'timer') where = t('simulator.controls.waitingTimer', { node: node(state.waitingAt) });
  else where = t('simulator.controls.waitingReply', { node: node(state.waitingAt) });

  return (
    <section className="sim-status" aria-label={t('simulator.controls.label')}>
      <div className="sim-status__where">
        {state?.status === 'ended' ? <Icon name="check-circle" size={16} /> : <span className={`sim-status__pulse${working ? ' sim-status__pulse--busy' : ''}`} aria-hidden="true" />}
        <span>{where}</span>
      </div>
      {timer !== undefined && (
        <p className="sim-status__timer">
          <Icon name="clock" size={14} />
          <span>
            {t(timerKey(state, timer.nodeId), { node: node(timer.nodeId), when: format.relative(timer.fireAt) })}
            <span className="sim-status__at"> · {format.dateTime(timer.fireAt)}</span>
          </span>
        </p>
      )}
      {state?.status !== 'ended' && (
        <div className="sim-status__actions">
          <Button
            size="sm"
            variant={timer === undefined ? 'secondary' : 'primary'}
            loading={skipping}
            disabled={timer === undefined}
            aria-describedby={timer === undefined ? noTimerId : undefined}
            aria-label={timer === undefined ? undefined : t('simulator.controls.skipWaitLabel', { node: node(timer.nodeId) })}
            onClick={onSkipWait}
          >
            <SimIcon name="fast-forward" size={16} />
            {t('simulator.controls.skipWait')}
          </Button>
          <Button size="sm" onClick={onSendEvent} disabled={state === null}>
            <SimIcon name="bolt" size={16} />
            {t('simulator.controls.sendEvent')}
          </Button>
          {timer === undefined && (
            <span id={noTimerId} className="sim-status__reason">
              {t('simulator.controls.nothingToSkip')}
            </span>
          )}
        </div>
      )}
    </section>
  );
}

/** What a timer does where the session waits: a wait goes on; a question or an event wait times out. */
function timerKey(state: SimulationState | null, nodeId: string): 'simulator.controls.timer' | 'simulator.controls.timerReply' | 'simulator.controls.timerEvent' {
  if (state?.waitingAt !== nodeId) return 'simulator.controls.timer';
  if (state.waitingFor === 'reply') return 'simulator.controls.timerReply';
  if (state.waitingFor === 'event') return 'simulator.controls.timerEvent';
  return 'simulator.controls.timer';
}
