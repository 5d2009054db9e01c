import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FlowDocument } from '@jornada/flow-engine';
import { useApi } from '../api/api-context.js';
import type { SimulationStarted } from '../api/simulation-types.js';
import { useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Callout } from '../ui/feedback.js';
import { useToast } from '../ui/toast.js';
import { ChatComposer } from './chat-composer.js';
import { ChatThread, type ThreadNote } from './chat-thread.js';
import { eventName, nodeName, triggerName } from './describe.js';
import { SendEventDialog } from './send-event-dialog.js';
import { SimulationInspector } from './simulation-inspector.js';
import { awaitedEvents, SimulationStatus } from './simulation-status.js';
import type { SimulatorPath } from './simulator-panel-props.js';
import { buildSimulatorPath, samePath } from './simulator-path.js';
import { useSimulation } from './use-simulation.js';

interface SimulationViewProps {
  readonly document: FlowDocument;
  readonly started: SimulationStarted;
  readonly contactName: string;
  readonly onPathChange: (path: SimulatorPath | null) => void;
  readonly onRestart: () => void;
}

type Tab = 'chat' | 'inspector';
const TABS: readonly Tab[] = ['chat', 'inspector'];

/** A running simulation: the chat as the channel shows it, its controls, and the inspector. */
export function SimulationView({ document, started, contactName, onPathChange, onRestart }: SimulationViewProps) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const simulation = useSimulation(started);
  const { state, messages, working, expectStep, refresh } = simulation;
  const [tab, setTab] = useState<Tab>('chat');
  const [eventOpen, setEventOpen] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const [tapping, setTapping] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [notes, setNotes] = useState<readonly ThreadNote[]>(() => {
    const trigger = document.triggers.find((item) => item.id === started.triggerId);
    // A customer message starts the thread itself; a shop event or a manual start is said in a note.
    if (trigger === undefined || trigger.type === 'inbound_message') return [];
    return [{ id: 'start', afterMessages: 0, text: t('simulator.note.started', { trigger: triggerName(trigger, t) }), icon: 'bolt' }];
  });
  const addNote = (afterMessages: number, text: string, icon: ThreadNote['icon']) =>
    setNotes((current) => [...current, { id: `note-${String(current.length)}`, afterMessages, text, icon }]);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ chat: null, inspector: null });

  const path = useMemo(() => (state === null ? null : buildSimulatorPath(state, started.sessionId)), [state, started.sessionId]);
  const reported = useRef<SimulatorPath | null>(null);
  useEffect(() => {
    if (path === null || samePath(path, reported.current)) return;
    reported.current = path;
    onPathChange(path);
  }, [path, onPathChange]);

  const say = async (body: { text: string } | { buttonId: string; title: string }): Promise<boolean> => {
    setSendError(null);
    try {
      await api.simulations.say(started.id, { ...body, messageId: clientMessageId() });
      expectStep();
      return true;
    } catch (error) {
      setSendError(error);
      return false;
    }
  };

  const skipWait = async () => {
    setSkipping(true);
    const shown = messages.length;
    try {
      expectStep();
      const skipped = await api.simulations.skipWait(started.id);
      addNote(shown, t('simulator.note.skipped', { node: nodeName(document, skipped.nodeId, t) }), 'fast-forward');
      toast.show({ tone: skipped.status === 'fired' ? 'success' : 'info', message: skipped.status === 'fired' ? t('simulator.controls.skipped') : t('simulator.controls.skipStale') });
    } catch (error) {
      toast.show({ tone: 'error', message: describeError(error, t).message });
    } finally {
      setSkipping(false);
      await refresh();
    }
  };

  const sendEvent = async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
    const before = state?.path.length ?? 0;
    const shown = messages.length;
    const result = await api.simulations.sendEvent(started.id, { name, data });
    addNote(shown, t(result.outcome === 'advanced' ? 'simulator.note.event' : 'simulator.note.eventIgnored', { event: eventName(name, t) }), 'bolt');
    if (result.outcome === 'advanced') {
      if ((state?.path.length ?? 0) === before) expectStep();
      toast.show({ tone: 'success', message: t('simulator.eventDialog.advanced', { event: eventName(name, t) }) });
    } else toast.show({ tone: 'info', message: t('simulator.eventDialog.ignored', { event: eventName(name, t) }) });
    await refresh();
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    const next = event.key === 'ArrowRight' ? TABS[(index + 1) % TABS.length] : event.key === 'ArrowLeft' ? TABS[(index + TABS.length - 1) % TABS.length] : event.key === 'Home' ? TABS[0] : event.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const problems = state?.problems.length ?? 0;
  const ended = state?.status === 'ended';
  const handoff = state !== null && (state.status === 'handoff' || state.conversationStatus === 'handoff');

  return (
    <div className="sim-run">
      <SimulationStatus
        document={document}
        state={state}
        working={working}
        skipping={skipping}
        onSkipWait={() => void skipWait()}
        onSendEvent={() => setEventOpen(true)}
      />
      <div className="sim-tabs" role="tablist" aria-label={t('simulator.tabs')}>
        {TABS.map((item) => (
          <button
            key={item}
            ref={(element) => {
              tabRefs.current[item] = element;
            }}
            type="button"
            role="tab"
            id={`sim-tab-${item}`}
            aria-selected={tab === item}
            aria-controls={`sim-tabpanel-${item}`}
            tabIndex={tab === item ? 0 : -1}
            className="sim-tabs__tab"
            onClick={() => setTab(item)}
            onKeyDown={onTabKey}
          >
            {item === 'chat' ? t('simulator.tab.chat') : t('simulator.tab.inspector')}
            {item === 'inspector' && problems > 0 && <span className="sim-tabs__count">{t('simulator.tab.problems', { count: problems })}</span>}
          </button>
        ))}
      </div>

      <div id="sim-tabpanel-chat" role="tabpanel" aria-labelledby="sim-tab-chat" className="sim-tabpanel sim-tabpanel--chat" hidden={tab !== 'chat'}>
        {!simulation.live && simulation.messages.length > 0 && <p className="sim-note">{t('simulator.chat.reconnecting')}</p>}
        <ChatThread
          messages={messages}
          notes={notes}
          channel={started.channel}
          contactName={contactName}
          working={working}
          busy={tapping}
          onChoose={(choice) => {
            setTapping(true);
            void say(choice).finally(() => setTapping(false));
          }}
        />
        {handoff && !ended && <p className="sim-note sim-note--warning">{t('simulator.chat.handoff')}</p>}
        {ended && !working && (
          <div className="sim-ended">
            <span>{t('simulator.chat.ended')}</span>
            <Button size="sm" icon="restore" onClick={onRestart}>
              {t('simulator.chat.endedRestart')}
            </Button>
          </div>
        )}
        {sendError !== null && (
          <div className="sim-send-error">
            <Callout tone="danger" role="alert">
              {t('simulator.chat.sendFailed', { reason: describeError(sendError, t).message })}
            </Callout>
          </div>
        )}
        <ChatComposer onSend={(text) => say({ text })} disabled={ended} />
      </div>

      <div id="sim-tabpanel-inspector" role="tabpanel" aria-labelledby="sim-tab-inspector" className="sim-tabpanel sim-tabpanel--inspector" hidden={tab !== 'inspector'} tabIndex={0}>
        <SimulationInspector document={document} state={state} path={path} sessionId={started.sessionId} refreshError={simulation.refreshError} />
      </div>

      {eventOpen && <SendEventDialog document={document} awaited={awaitedEvents(document, state)} onSend={sendEvent} onClose={() => setEventOpen(false)} />}
    </div>
  );
}

/** The client's id of a message: a retried post of the same message is processed once. */
function clientMessageId(): string {
  return `simulator-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
