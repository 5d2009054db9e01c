import type { HttpClient } from './http-client.js';
import { readEventStream } from './read-event-stream.js';
import type {
  SimulationMessage,
  SimulationMessageAccepted,
  SimulationStarted,
  SimulationState,
  SimulationStep,
  SimulationStreamEvent,
  SkippedWait,
  StartSimulationRequest,
} from './simulation-types.js';

const simulationPath = (id: string): string => `/simulations/${encodeURIComponent(id)}`;

/** The builder's simulator: a flow's saved draft run through the real runtime on the sandbox channel. */
export function simulationsApi(http: HttpClient) {
  return {
    /** Runs a snapshot of the saved draft (flush edits first). */
    start: (flowId: string, body: StartSimulationRequest) =>
      http.request<SimulationStarted>({ method: 'POST', path: `/flows/${encodeURIComponent(flowId)}/simulate`, body }),
    /** Where the session waits, its variables, timers, the path taken and the run log's problems. */
    state: (id: string, signal?: AbortSignal) => http.request<SimulationState>({ path: simulationPath(id), ...(signal === undefined ? {} : { signal }) }),
    messages: (id: string, signal?: AbortSignal) =>
      http.request<SimulationMessage[]>({ path: `${simulationPath(id)}/messages`, ...(signal === undefined ? {} : { signal }) }),
    /** What the simulated customer sends: a text, or a tapped button / list row. `messageId` makes a retry a duplicate. */
    say: (id: string, body: { text: string; messageId?: string } | { buttonId: string; title: string; messageId?: string }) =>
      http.request<SimulationMessageAccepted>({ method: 'POST', path: `${simulationPath(id)}/messages`, body }),
    /** The soonest pending timer fires now; 409 `nothing_to_skip` when none waits. */
    skipWait: (id: string) => http.request<SkippedWait>({ method: 'POST', path: `${simulationPath(id)}/skip-wait` }),
    /** An event for this simulation's session only (commerce events without data get the sample order). */
    sendEvent: (id: string, body: { name: string; data?: Record<string, unknown> }) =>
      http.request<SimulationStep>({ method: 'POST', path: `${simulationPath(id)}/events`, body }),
    /**
     * Follows the simulation's stream until `signal` aborts or the server closes it. Resolves when
     * the stream ends (the caller decides whether to reconnect); rejects with an ApiError when it
     * cannot open. Events are not replayed: re-read the thread once it is open (`onOpen`).
     */
    follow: async (id: string, { onOpen, onEvent, signal }: { onOpen?: () => void; onEvent: (event: SimulationStreamEvent) => void; signal: AbortSignal }) => {
      const body = await http.requestStream({ path: `${simulationPath(id)}/stream`, signal });
      onOpen?.();
      await readEventStream(body, ({ event, data }) => {
        const parsed = parseJson(data);
        if (event === 'message' && isMessage(parsed)) onEvent({ type: 'message', message: parsed });
        else if (event === 'session') onEvent({ type: 'session', sessionId: readString(parsed, 'sessionId') ?? '' });
        else if (event === 'conversation') onEvent({ type: 'conversation' });
      });
    },
  };
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

function readString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

function isMessage(value: unknown): value is SimulationMessage {
  return readString(value, 'id') !== undefined && (readString(value, 'direction') === 'in' || readString(value, 'direction') === 'out');
}
