import type { FormatEnv, Value } from '../expressions/index.js';
import { isTruthy } from '../expressions/index.js';
import type { FlowIndex } from '../graph/flow-index.js';
import type { Duration, Json } from '../schema/common.schema.js';
import { addDuration } from '../time/index.js';
import type { FlowDocument } from '../schema/flow-document.schema.js';
import type { Effect, OutboundMessage, TimerPurpose } from '../session/effects.js';
import type { SessionState } from '../session/session-state.js';
import { evaluateSource, renderText } from './compiled.js';

/** One entry of the path a step took: the node entered and the output it left by. */
export interface TraceEntry {
  nodeId: string;
  output?: string;
}

/**
 * The working context of one `start` or `step` call. It owns a private copy of the state
 * and collects effects; nothing here outlives the call, so the engine stays pure.
 */
export class Run {
  readonly effects: Effect[] = [];
  readonly trace: TraceEntry[] = [];
  readonly env: FormatEnv;
  state: SessionState;

  constructor(
    readonly flow: FlowDocument,
    readonly index: FlowIndex,
    state: SessionState,
    readonly now: Date,
  ) {
    // Copy-on-write: top-level vars are replaced, never mutated in place.
    this.state = { ...state, vars: { ...state.vars } };
    this.env = { locale: state.env.locale, currency: state.env.currency, timezone: state.env.timezone };
  }

  /** A new deterministic id, unique within the session: `<sessionId>:<n>`. */
  nextId(): string {
    this.state.seq += 1;
    return `${this.state.sessionId}:${this.state.seq}`;
  }

  /** `now` plus a duration; days keep the wall-clock time in the workspace zone across DST. */
  after(duration: Duration): Date {
    return addDuration(this.now, duration.amount, duration.unit, this.env.timezone);
  }

  render(source: string): string {
    return renderText(source, this.state.vars, this.env);
  }

  evaluate(source: string): Value {
    return evaluateSource(source, this.state.vars, this.env);
  }

  /** Evaluates with extra roots layered over the session's variables (they win). */
  evaluateWith(source: string, extra: Record<string, Json>): Value {
    return evaluateSource(source, { ...this.state.vars, ...extra }, this.env);
  }

  holds(source: string): boolean {
    return isTruthy(this.evaluate(source));
  }

  setVar(name: string, value: Json): void {
    // Defence in depth (the schema refuses these names): never let a flow reach a prototype.
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') return;
    this.state.vars[name] = value;
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  send(nodeId: string, message: OutboundMessage): void {
    this.emit({ type: 'send', id: this.nextId(), nodeId, message });
  }

  scheduleTimer(nodeId: string, fireAt: Date, purpose: TimerPurpose): string {
    const timerId = this.nextId();
    this.emit({ type: 'schedule_timer', timerId, nodeId, fireAt: fireAt.toISOString(), purpose });
    return timerId;
  }

  cancelTimer(timerId: string | undefined): void {
    if (timerId) this.emit({ type: 'cancel_timer', timerId });
  }

  log(level: 'info' | 'warn' | 'error', code: string, message: string, nodeId?: string): void {
    this.emit({ type: 'log', level, code, message, ...(nodeId ? { nodeId } : {}) });
  }
}

/** Converts an evaluated value into JSON for storage (undefined becomes null). */
export function toJson(value: Value): Json {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return value;
}
