import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context.js';
import type { SimulationMessage, SimulationStarted, SimulationState, SimulationStreamEvent } from '../api/simulation-types.js';

/** While the stream is down, the thread is re-read this often (and the stream retried, backing off). */
const POLL_MS = 2_000;
const MAX_RETRY_MS = 15_000;
/** While the bot works on a reply, the state is also re-read this often: a lost event never leaves "typing" on. */
const WORKING_REFRESH_MS = 1_500;
/** A reply the runtime ignores (the session ended, a person has it) never brings a step: stop "typing" after this. */
const WORKING_GIVE_UP_MS = 10_000;

export interface SimulationView {
  readonly messages: readonly SimulationMessage[];
  readonly state: SimulationState | null;
  /** The stream is open (false: refreshing by polling). */
  readonly live: boolean;
  /** The runtime is working on what the customer just did. */
  readonly working: boolean;
  /** The last refresh failed (kept until one succeeds). */
  readonly refreshError: unknown;
  /** Re-reads the thread and the state. */
  refresh(): Promise<void>;
  /** Marks the runtime as working until the session steps past `pathLength` (or gives up). */
  expectStep(): void;
}

/**
 * A running simulation as the panel shows it: its messages (from the stream, merged by id,
 * again when a message's status changes) and its state (re-read after every session step), with
 * polling while the stream is down.
 */
export function useSimulation(started: SimulationStarted): SimulationView {
  const api = useApi();
  const { id } = started;
  const [messages, setMessages] = useState<readonly SimulationMessage[]>([]);
  const [state, setState] = useState<SimulationState | null>(null);
  const [live, setLive] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>(null);
  // Working from the start: the first step's messages are on their way.
  const [working, setWorking] = useState<{ pathLength: number; since: number } | null>({ pathLength: 0, since: Date.now() });
  const mounted = useRef(true);
  const stateRequest = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const loadState = useCallback(async () => {
    const request = ++stateRequest.current;
    const next = await api.simulations.state(id);
    // Answers can cross: only the latest request's answer is shown.
    if (mounted.current && request === stateRequest.current) setState(next);
  }, [api, id]);

  const refresh = useCallback(async () => {
    try {
      const [thread] = await Promise.all([api.simulations.messages(id), loadState()]);
      if (!mounted.current) return;
      // Messages are never deleted: what the stream brought meanwhile stays.
      setMessages((current) => current.reduce((merged, message) => (merged.some((item) => item.id === message.id) ? merged : mergeMessage(merged, message)), thread as readonly SimulationMessage[]));
      setRefreshError(null);
    } catch (error) {
      if (mounted.current) setRefreshError(error);
    }
  }, [api, id, loadState]);

  // Several events arrive together (a step stores messages and steps the session): one state read.
  const stateTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduleState = useCallback(() => {
    clearTimeout(stateTimer.current);
    stateTimer.current = setTimeout(() => {
      loadState().then(
        () => setRefreshError(null),
        (error: unknown) => {
          if (mounted.current) setRefreshError(error);
        },
      );
    }, 40);
  }, [loadState]);
  useEffect(() => () => clearTimeout(stateTimer.current), []);

  const onEvent = useCallback(
    (event: SimulationStreamEvent) => {
      if (event.type === 'message') {
        const message = event.message;
        setMessages((current) => mergeMessage(current, message));
        if (message.direction === 'out') scheduleState();
      } else scheduleState();
    },
    [scheduleState],
  );

  // The stream, reopened with a backoff when it drops; the thread is polled meanwhile.
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let poll: ReturnType<typeof setInterval> | undefined;
    const stopPolling = () => {
      clearInterval(poll);
      poll = undefined;
    };
    const startPolling = () => {
      if (poll === undefined) poll = setInterval(() => void refresh(), POLL_MS);
    };
    void (async () => {
      let retry = 1_000;
      while (!signal.aborted) {
        try {
          await api.simulations.follow(id, {
            signal,
            onEvent,
            onOpen: () => {
              retry = 1_000;
              stopPolling();
              setLive(true);
              // Events are not replayed: what happened before the stream opened is read once.
              void refresh();
            },
          });
        } catch {
          // The stream could not open (or broke): poll until it is back.
        }
        if (signal.aborted) break;
        setLive(false);
        startPolling();
        void refresh();
        await sleep(retry, signal);
        retry = Math.min(retry * 2, MAX_RETRY_MS);
      }
      stopPolling();
    })();
    return () => {
      controller.abort();
      stopPolling();
    };
  }, [api, id, onEvent, refresh]);

  // "Typing" ends once the session stepped past where it was and waits (or ended).
  useEffect(() => {
    if (working === null || state === null) return;
    const stepped = state.path.length > working.pathLength;
    // An HTTP request runs in the background: the bot is still working until its answer.
    if (stepped && state.status !== 'active' && state.waitingFor !== 'effect') setWorking(null);
  }, [state, working]);

  useEffect(() => {
    if (working === null) return undefined;
    const refreshTimer = setInterval(() => void refresh(), WORKING_REFRESH_MS);
    const giveUp = setTimeout(() => setWorking(null), Math.max(0, working.since + WORKING_GIVE_UP_MS - Date.now()));
    return () => {
      clearInterval(refreshTimer);
      clearTimeout(giveUp);
    };
  }, [working, refresh]);

  const pathLength = state?.path.length ?? 0;
  const expectStep = useCallback(() => setWorking({ pathLength, since: Date.now() }), [pathLength]);

  return { messages, state, live, working: working !== null, refreshError, refresh, expectStep };
}

/** Adds a message, or replaces the one with its id (a status change), keeping the thread in time order. */
export function mergeMessage(current: readonly SimulationMessage[], message: SimulationMessage): readonly SimulationMessage[] {
  const index = current.findIndex((item) => item.id === message.id);
  if (index !== -1) return current.map((item, i) => (i === index ? message : item));
  const next = [...current, message];
  // Usually already last; a message stored earlier but announced later goes back to its place.
  return next.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
