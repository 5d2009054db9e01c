// Property-based: random lint-clean flows from the whole node catalogue, started with random
// triggers and fed random event sequences. The engine must never throw, always return a valid
// state, respect the step budget, keep ended sessions ended and never reuse an effect id.
import fc from 'fast-check';
import { CHANNEL_TYPES, type Json } from '../schema/common.schema.js';
import type { FlowDocument } from '../schema/flow-document.schema.js';
import type { Effect } from '../session/effects.js';
import type { EngineEvent, InboundMessage, SessionContext, StartTrigger } from '../session/events.js';
import { parseSessionState, type SessionState } from '../session/session-state.js';
import { start, step, type StepResult } from './engine.js';
import { NOW } from './test-support/session.js';

import { NODE_ARBITRARIES, TITLES, compact, flowArb, opt } from './__fixtures__/random-flow.arbitrary.js';

// --- Starts and events ------------------------------------------------------------------------

const TEXT_POOL = ['1', '2', '3', 'sim', 'Sim', 'Pix', 'nota 9', '10', '0', '4', '11', 'ana@example.com', '(11) 98765-4321', '1.234,56', '25/12/2026', 'amanhã', 'parar', 'Falar com atendente', '', '   ', 'oi', 'Cartão'];
const ID_POOL = ['b0', 'b1', 'b2', 'r0', 'r3', 'o0', 'o2', 'q0', 'q1', 'score_1', 'score_4', 'score_9', 'other', 'x'];

const inboundArb: fc.Arbitrary<InboundMessage> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.constantFrom(...TEXT_POOL), fc.string({ maxLength: 30 })).map((text) => ({ kind: 'text' as const, text })) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('button' as const, 'list' as const), id: fc.constantFrom(...ID_POOL), title: fc.constantFrom(...TITLES, ...TEXT_POOL) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('media' as const), mediaType: fc.constantFrom('image' as const, 'sticker' as const), caption: opt(fc.constantFrom(...TEXT_POOL)) }).map(compact) },
  { weight: 1, arbitrary: fc.constant({ kind: 'location' as const, latitude: -23.5, longitude: -46.6 }) },
);

const dataArb: fc.Arbitrary<Record<string, Json>> = fc.oneof(
  fc.constant({}),
  fc.constant({ cart_token: 'tok-1', total: 120 }),
  fc.constant({ cart_token: 'tok-2', total: 5 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxKeys: 3 }),
);

/** True three times out of four. */
const mostly = fc.nat({ max: 3 }).map((n) => n > 0);

/** An event described relative to the state it will be fed to (current or stale timer, own or foreign effect). */
type EventSpec =
  | { t: 'message'; message: InboundMessage }
  | { t: 'timer'; current: boolean; n: number }
  | { t: 'external'; name: string; data: Record<string, Json> }
  | { t: 'effect'; current: boolean; ok: boolean; status: number; body: Json }
  | { t: 'send_failed' }
  | { t: 'conversation'; action: 'handed_back' | 'resolved' };

const eventSpecArb: fc.Arbitrary<EventSpec> = fc.oneof(
  { weight: 5, arbitrary: inboundArb.map((message) => ({ t: 'message' as const, message })) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('timer' as const), current: mostly, n: fc.nat({ max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('external' as const), name: fc.constantFrom('order.created', 'order.paid', 'custom.event', 'nope'), data: dataArb }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('effect' as const), current: mostly, ok: fc.boolean(), status: fc.constantFrom(200, 404, 500), body: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'send_failed' as const }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('conversation' as const), action: fc.constantFrom('handed_back' as const, 'resolved' as const) }) },
);

function toEvent(spec: EventSpec, state: SessionState): EngineEvent {
  const wait = state.wait;
  switch (spec.t) {
    case 'message':
      return { type: 'message', message: spec.message };
    case 'timer': {
      const own = wait && 'timerId' in wait ? wait.timerId : undefined;
      return { type: 'timer', timerId: spec.current && own ? own : `${state.sessionId}:${spec.n}` };
    }
    case 'external':
      return { type: 'external', name: spec.name, data: spec.data };
    case 'effect': {
      const own = wait && wait.kind === 'effect' ? wait.effectId : undefined;
      return { type: 'effect_result', effectId: spec.current && own ? own : 'foreign:1', ok: spec.ok, status: spec.status, body: spec.body };
    }
    case 'send_failed':
      return { type: 'send_failed', effectId: `${state.sessionId}:1`, error: 'blocked', errorClass: 'user' };
    case 'conversation':
      return { type: 'conversation', action: spec.action };
  }
}

const triggerArb: fc.Arbitrary<StartTrigger> = fc.oneof(
  fc.constant<StartTrigger>({ type: 'manual' }),
  fc.constant<StartTrigger>({ type: 'manual', data: { v_num: 5 } }),
  inboundArb.map((message): StartTrigger => ({ type: 'inbound_message', message })),
  fc.constant<StartTrigger>({ type: 'commerce_event', event: 'cart.abandoned', data: { cart: { token: 'tok-1', total: 150, abandoned_at: '2026-03-10T11:00:00Z' } } }),
);

const contextArb: fc.Arbitrary<SessionContext> = fc
  .record({
    channel: fc.constantFrom(...CHANNEL_TYPES),
    locale: fc.constantFrom('pt-BR', 'en'),
    vip: fc.boolean(),
    hours: fc.boolean(),
  })
  .map(({ channel, locale, vip, hours }) => ({
    sessionId: 'prop',
    flowId: 'flow',
    flowVersion: 1,
    channel,
    contact: { id: 'c-1', name: 'Maria Silva', tags: vip ? ['vip'] : [], attributes: {} },
    workspace: {
      timezone: 'America/Sao_Paulo',
      locale,
      currency: 'BRL',
      country: 'BR',
      ...(hours ? { businessHours: { days: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }] } } } : {}),
    },
  }));

// --- Checks -----------------------------------------------------------------------------------

interface Session {
  seenIds: Set<string>;
  surveyIds: Set<string>;
  ended: boolean;
}

function check(flow: FlowDocument, result: StepResult, session: Session, previous: SessionState | undefined): void {
  const { state } = result;
  // A valid state, also after a JSON round trip (that is how the shell stores it).
  expect(parseSessionState(state)).toEqual({ ok: true, state });
  expect(parseSessionState(JSON.parse(JSON.stringify(state)) as unknown).ok).toBe(true);
  // The step budget: at most stepBudget nodes entered, plus the trigger (start) or the resumed node (step).
  expect(result.trace.length).toBeLessThanOrEqual(flow.settings.stepBudget + 1);
  // At rest a session either waits on something or has ended.
  if (state.status === 'ended') expect(state.wait).toBeNull();
  else {
    expect(['waiting', 'handoff']).toContain(state.status);
    expect(state.wait).not.toBeNull();
  }
  // Ignored means untouched.
  if (result.outcome === 'ignored') {
    expect(previous).toBeDefined();
    expect(result.state).toBe(previous);
    expect(result.effects).toEqual([]);
    expect(result.trace).toEqual([]);
  }
  // Ended sessions stay ended and ignore everything.
  if (session.ended) {
    expect(result.outcome).toBe('ignored');
    expect(state.status).toBe('ended');
  }
  const endEffects = result.effects.filter((e) => e.type === 'end_session');
  expect(endEffects.length).toBe(!session.ended && state.status === 'ended' ? 1 : 0);
  // Effect and timer ids never repeat; a survey comment reuses the id of its own score record.
  for (const effect of result.effects) for (const id of newIds(effect, session)) {
    expect(session.seenIds.has(id)).toBe(false);
    session.seenIds.add(id);
  }
  if (state.status === 'ended') session.ended = true;
}

function newIds(effect: Effect, session: Session): string[] {
  switch (effect.type) {
    case 'schedule_timer':
      return [effect.timerId];
    case 'record_survey':
      if (effect.comment !== undefined) {
        expect(session.surveyIds.has(effect.id)).toBe(true);
        return [];
      }
      session.surveyIds.add(effect.id);
      return [effect.id];
    case 'send':
    case 'handoff':
    case 'http_request':
    case 'record_conversion':
      return [effect.id];
    default:
      return [];
  }
}

function runSession(flow: FlowDocument, trigger: StartTrigger, context: SessionContext, specs: ReadonlyArray<{ spec: EventSpec; advance: number }>): StepResult[] {
  const session: Session = { seenIds: new Set(), surveyIds: new Set(), ended: false };
  const results: StepResult[] = [];
  const first = start({ flow, trigger, context, now: NOW });
  check(flow, first, session, undefined);
  results.push(first);
  let state = first.state;
  let now = NOW.getTime();
  for (const { spec, advance } of specs) {
    now += advance;
    const result = step({ flow, state, event: toEvent(spec, state), now: new Date(now) });
    check(flow, result, session, state);
    results.push(result);
    state = result.state;
  }
  return results;
}

const eventsArb = fc.array(fc.record({ spec: eventSpecArb, advance: fc.integer({ min: 0, max: 3 * 86_400_000 }) }), { maxLength: 12 });

describe('engine properties', () => {
  it('random lint-clean flows: never throw, valid states, bounded steps, ended stays ended, unique ids, deterministic', () => {
    fc.assert(
      fc.property(flowArb, triggerArb, contextArb, eventsArb, (flow, trigger, context, specs) => {
        const results = runSession(flow, trigger, context, specs);
        expect(runSession(flow, trigger, context, specs)).toEqual(results);
      }),
      { numRuns: 250 },
    );
  });

  it('the generator is not vacuous: it builds every node type, waits, loops through waits and ends', () => {
    const seen = new Set<string>();
    let waited = 0;
    let ended = 0;
    fc.assert(
      fc.property(flowArb, triggerArb, contextArb, (flow, trigger, context) => {
        for (const node of flow.nodes) seen.add(node.type);
        const { state } = start({ flow, trigger, context, now: NOW });
        if (state.status === 'ended') ended += 1;
        else waited += 1;
      }),
      { numRuns: 200, seed: 42 },
    );
    expect([...seen].sort()).toEqual(Object.keys(NODE_ARBITRARIES).sort());
    expect(waited).toBeGreaterThan(20);
    expect(ended).toBeGreaterThan(20);
  });
});
