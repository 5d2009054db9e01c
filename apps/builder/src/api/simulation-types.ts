import type { ChannelType, OutboundMessage } from '@jornada/flow-engine';

// The simulator's shapes, as the API's OpenAPI document describes them (`simulator` tag).

/** Channels a simulation can render as: every channel but the sandbox, which is where it runs. */
export type SimulatedChannel = Exclude<ChannelType, 'sandbox'>;

export interface StartSimulationRequest {
  readonly channel?: SimulatedChannel;
  readonly triggerId?: string;
  /** For a message trigger: the customer's first message. */
  readonly message?: string;
  /** For a commerce trigger: the event object; for a manual trigger: the start variables. */
  readonly data?: Record<string, unknown>;
  readonly contactName?: string;
}

export interface SimulationStarted {
  /** The simulation's conversation id: use it in /api/simulations/:id/… */
  readonly id: string;
  readonly flowId: string;
  readonly sessionId: string;
  readonly channel: SimulatedChannel;
  readonly triggerId: string;
}

/** What the simulated customer sent: a text, or the tap of a button or list row. */
export type SimulationInboundContent =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'button' | 'list'; readonly id: string; readonly title: string };

/** A message of the simulation's conversation, either direction, as the stream and the thread show it. */
export interface SimulationMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly direction: 'in' | 'out';
  readonly kind: string;
  /** Outbound: the channel-neutral message the runtime sent (`OutboundMessage`); inbound: what the customer sent. */
  readonly content: Record<string, unknown>;
  /** Outbound: `queued` until the channel took it, then `sent` (or `failed`). */
  readonly status: string;
  readonly providerMessageId: string | null;
  readonly createdAt: string;
}

export interface SimulationTimer {
  readonly nodeId: string;
  readonly fireAt: string;
}

export interface SimulationPathEntry {
  readonly sessionId: string;
  readonly nodeId: string;
  /** The output the node left by (its handle). */
  readonly output?: string;
  readonly at: string;
}

/** An error or warning of the run log: `kind` is `error` or `log`; the rest is the engine's log effect. */
export interface SimulationProblem {
  readonly kind: string;
  readonly at: string;
  readonly level?: 'info' | 'warn' | 'error';
  readonly code?: string;
  readonly message?: string;
  readonly nodeId?: string;
  readonly [key: string]: unknown;
}

export type SimulationSessionStatus = 'active' | 'waiting' | 'handoff' | 'ended';
export type SimulationWaitKind = 'reply' | 'timer' | 'event' | 'effect' | 'human';

export interface SimulationState {
  readonly id: string;
  readonly flowId: string;
  readonly conversationStatus: 'open' | 'handoff' | 'resolved' | string;
  /** The latest session (a jump to another flow starts another). */
  readonly sessionId: string | null;
  readonly status: SimulationSessionStatus | null;
  readonly waitingAt: string | null;
  readonly waitingFor: SimulationWaitKind | null;
  readonly variables: Record<string, unknown>;
  /** Pending timers, soonest first. */
  readonly timers: readonly SimulationTimer[];
  /** Every node entered, in order. */
  readonly path: readonly SimulationPathEntry[];
  readonly problems: readonly SimulationProblem[];
}

export interface SkippedWait {
  readonly timerId: string;
  readonly nodeId: string;
  readonly status: 'fired' | 'stale';
}

export interface SimulationStep {
  /** `ignored`: the session was not waiting for this. */
  readonly outcome: 'advanced' | 'ignored';
}

export interface SimulationMessageAccepted {
  readonly eventId: string;
  readonly duplicate: boolean;
}

/** What the simulation stream announces. */
export type SimulationStreamEvent =
  | { readonly type: 'message'; readonly message: SimulationMessage }
  | { readonly type: 'session'; readonly sessionId: string }
  | { readonly type: 'conversation' };

/** Reads an outbound message's content as the engine's message, when it is one. */
export function asOutboundMessage(content: Record<string, unknown>): OutboundMessage | null {
  const kind = content['kind'];
  return kind === 'text' || kind === 'media' || kind === 'buttons' || kind === 'list' || kind === 'template' ? (content as unknown as OutboundMessage) : null;
}
