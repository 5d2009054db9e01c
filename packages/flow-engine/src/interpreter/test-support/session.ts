// Test helper (not part of the engine): drives sessions through start/step and reads effects.
// Kept free of Jest and fast-check so it also type-checks and lints as engine source.
import type { FlowDocument } from '../../schema/flow-document.schema.js';
import type { Json } from '../../schema/common.schema.js';
import type { Effect, OutboundMessage } from '../../session/effects.js';
import type { ContactSnapshot, EngineEvent, InboundMessage, SessionContext, StartTrigger, WorkspaceSettings } from '../../session/events.js';
import type { SessionState } from '../../session/session-state.js';
import { start, step, type StepResult } from '../engine.js';

/** Tuesday 2026-03-10 12:00 UTC = 09:00 in São Paulo. */
export const NOW = new Date('2026-03-10T12:00:00.000Z');

export interface ContextOverrides {
  sessionId?: string;
  channel?: SessionContext['channel'];
  contact?: Partial<ContactSnapshot>;
  workspace?: Partial<WorkspaceSettings>;
}

export function makeContext(overrides: ContextOverrides = {}): SessionContext {
  return {
    sessionId: overrides.sessionId ?? 'sess',
    flowId: 'flow',
    flowVersion: 1,
    channel: overrides.channel ?? 'whatsapp',
    contact: { id: 'contact-1', name: 'Maria Silva', tags: [], attributes: {}, ...overrides.contact },
    workspace: { name: 'Loja Azul', timezone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL', country: 'BR', ...overrides.workspace },
  };
}

export const manual = (data?: Record<string, Json>): StartTrigger => (data ? { type: 'manual', data } : { type: 'manual' });

// Events
export const message = (m: InboundMessage): EngineEvent => ({ type: 'message', message: m });
export const text = (t: string): EngineEvent => message({ kind: 'text', text: t });
export const tap = (id: string, title = id): EngineEvent => message({ kind: 'button', id, title });
export const listTap = (id: string, title = id): EngineEvent => message({ kind: 'list', id, title });
export const timer = (timerId: string): EngineEvent => ({ type: 'timer', timerId });
export const external = (name: string, data: Record<string, Json> = {}): EngineEvent => ({ type: 'external', name, data });

// Effects
export type EffectOf<T extends Effect['type']> = Extract<Effect, { type: T }>;

export function effectsOf<T extends Effect['type']>(effects: readonly Effect[], type: T): EffectOf<T>[] {
  return effects.filter((e): e is EffectOf<T> => e.type === type);
}

export function sent(effects: readonly Effect[]): OutboundMessage[] {
  return effectsOf(effects, 'send').map((e) => e.message);
}

/** The words of each sent message (text, or caption), in order. */
export function sentTexts(effects: readonly Effect[]): string[] {
  return sent(effects).map((m) => {
    switch (m.kind) {
      case 'text':
      case 'buttons':
      case 'list':
        return m.text;
      case 'media':
        return m.caption ?? '';
      case 'template':
        return m.body.join('|');
    }
  });
}

/** The timer id the session currently waits on. */
export function waitingTimer(state: SessionState): string {
  const wait = state.wait;
  if (!wait || !('timerId' in wait) || wait.timerId === undefined) throw new Error(`no timer in wait ${JSON.stringify(wait)}`);
  return wait.timerId;
}

export function endReason(result: StepResult): string | undefined {
  return effectsOf(result.effects, 'end_session')[0]?.reason;
}

/** Freezes a value and everything inside it, so any mutation throws (spec files are strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * One session under test: keeps the latest state and a clock, and every result, so tests read
 * like a conversation.
 */
export class Conversation {
  readonly results: StepResult[] = [];
  state: SessionState;
  now: Date;

  private constructor(
    readonly flow: FlowDocument,
    first: StepResult,
    now: Date,
  ) {
    this.results.push(first);
    this.state = first.state;
    this.now = now;
  }

  static start(
    flow: FlowDocument,
    opts: { trigger?: StartTrigger; context?: ContextOverrides; now?: Date } = {},
  ): Conversation {
    const now = opts.now ?? NOW;
    const result = start({ flow, trigger: opts.trigger ?? manual(), context: makeContext(opts.context), now });
    return new Conversation(flow, result, now);
  }

  get last(): StepResult {
    const result = this.results[this.results.length - 1];
    if (!result) throw new Error('no result');
    return result;
  }

  /** Every effect of every call so far. */
  get allEffects(): Effect[] {
    return this.results.flatMap((r) => r.effects);
  }

  /** Moves the clock forward by `ms` and feeds the event. */
  step(event: EngineEvent, advanceMs = 1_000): StepResult {
    this.now = new Date(this.now.getTime() + advanceMs);
    const result = step({ flow: this.flow, state: this.state, event, now: this.now });
    this.results.push(result);
    this.state = result.state;
    return result;
  }

  text(t: string): StepResult {
    return this.step(text(t));
  }

  tap(id: string, title = id): StepResult {
    return this.step(tap(id, title));
  }

  /** Fires the timer the session waits on, at its due time. */
  fireTimer(): StepResult {
    const id = waitingTimer(this.state);
    const scheduled = effectsOf(this.allEffects, 'schedule_timer').find((e) => e.timerId === id);
    const due = scheduled ? new Date(scheduled.fireAt).getTime() - this.now.getTime() : 1_000;
    return this.step(timer(id), Math.max(0, due));
  }
}
