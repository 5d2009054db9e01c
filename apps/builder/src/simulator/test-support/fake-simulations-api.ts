import { FlowDocumentSchema, JOURNEY_TEMPLATES, type FlowDocument, type OutboundMessage } from '@jornada/flow-engine';
import { createApi, type Api } from '../../api/create-api.js';
import type { HttpClient } from '../../api/http-client.js';
import type {
  SimulationMessage,
  SimulationStarted,
  SimulationState,
  SimulationStreamEvent,
  StartSimulationRequest,
} from '../../api/simulation-types.js';

type SimulationsApi = Api['simulations'];

/** A recorded call of the fake, in order. */
export type FakeCall =
  | { readonly name: 'start'; readonly flowId: string; readonly body: StartSimulationRequest }
  | { readonly name: 'say'; readonly id: string; readonly body: Record<string, unknown> }
  | { readonly name: 'skipWait'; readonly id: string }
  | { readonly name: 'sendEvent'; readonly id: string; readonly body: { name: string; data?: Record<string, unknown> } };

/**
 * The simulator's API as a scripted server: the test sets the state and messages the server
 * would answer, pushes stream events, and reads the calls the panel made. The rest of the API is
 * the real client over an HTTP client that refuses every call.
 */
export function createFakeSimulationsApi() {
  const calls: FakeCall[] = [];
  let seq = 0;
  let messages: SimulationMessage[] = [];
  let state: SimulationState = emptyState();
  let streamListener: ((event: SimulationStreamEvent) => void) | null = null;
  const started: SimulationStarted = { id: 'sim-1', flowId: 'flow-1', sessionId: 'session-1', channel: 'whatsapp', triggerId: 'cart_abandoned' };
  const handlers = {
    start: (_body: StartSimulationRequest): Promise<SimulationStarted> => Promise.resolve(started),
    skipWait: (): Promise<{ timerId: string; nodeId: string; status: 'fired' | 'stale' }> => Promise.resolve({ timerId: 't1', nodeId: 'wait_1h', status: 'fired' }),
    sendEvent: (): Promise<{ outcome: 'advanced' | 'ignored' }> => Promise.resolve({ outcome: 'advanced' }),
    say: (): Promise<{ eventId: string; duplicate: boolean }> => Promise.resolve({ eventId: 'e1', duplicate: false }),
  };

  const simulations: SimulationsApi = {
    start: (flowId, body) => {
      calls.push({ name: 'start', flowId, body });
      return handlers.start(body).then((answer) => ({ ...answer, channel: body.channel ?? 'whatsapp' }));
    },
    state: () => Promise.resolve(state),
    messages: () => Promise.resolve(messages),
    say: (id, body) => {
      calls.push({ name: 'say', id, body: { ...body } });
      return handlers.say();
    },
    skipWait: (id) => {
      calls.push({ name: 'skipWait', id });
      return handlers.skipWait();
    },
    sendEvent: (id, body) => {
      calls.push({ name: 'sendEvent', id, body });
      return handlers.sendEvent();
    },
    follow: (_id, { onOpen, onEvent, signal }) =>
      new Promise<void>((resolve) => {
        streamListener = onEvent;
        onOpen?.();
        signal.addEventListener('abort', () => {
          streamListener = null;
          resolve();
        });
      }),
  };

  const refuse: HttpClient = {
    request: () => Promise.reject(new Error('not part of this test')),
    requestText: () => Promise.reject(new Error('not part of this test')),
    requestStream: () => Promise.reject(new Error('not part of this test')),
  };
  const api: Api = { ...createApi(refuse), simulations };

  return {
    api,
    calls,
    handlers,
    started,
    /** What GET /api/simulations/:id answers from now on. */
    setState(next: Partial<SimulationState>) {
      state = { ...state, ...next };
    },
    /** A bot message stored (and announced on the stream when it is open). */
    botSays(content: OutboundMessage, status = 'sent'): SimulationMessage {
      const message = toMessage('out', content as unknown as Record<string, unknown>, status);
      messages = [...messages, message];
      streamListener?.({ type: 'message', message });
      return message;
    },
    customerSays(content: Record<string, unknown>): SimulationMessage {
      const message = toMessage('in', content, 'delivered');
      messages = [...messages, message];
      streamListener?.({ type: 'message', message });
      return message;
    },
    /** The session stepped (the panel re-reads the state). */
    stepped() {
      streamListener?.({ type: 'session', sessionId: state.sessionId ?? '' });
    },
    get streamOpen() {
      return streamListener !== null;
    },
  };

  function toMessage(direction: 'in' | 'out', content: Record<string, unknown>, status: string): SimulationMessage {
    seq += 1;
    return {
      id: `m${String(seq)}`,
      conversationId: started.id,
      direction,
      kind: String(content['kind']),
      content,
      status,
      providerMessageId: null,
      createdAt: new Date(Date.UTC(2026, 11, 4, 12, 0, seq)).toISOString(),
    };
  }
}

function emptyState(): SimulationState {
  return {
    id: 'sim-1',
    flowId: 'flow-1',
    conversationStatus: 'open',
    sessionId: 'session-1',
    status: 'waiting',
    waitingAt: null,
    waitingFor: null,
    variables: {},
    timers: [],
    path: [],
    problems: [],
  };
}

/** A journey template's document, in a language. */
export function templateDocument(id: 'cart-recovery' | 'visitor-question' | 'post-purchase', locale: 'en' | 'pt-BR' = 'en'): FlowDocument {
  const template = JOURNEY_TEMPLATES.find((item) => item.id === id);
  if (template === undefined) throw new Error(`no template ${id}`);
  return FlowDocumentSchema.parse(template.build(locale));
}
