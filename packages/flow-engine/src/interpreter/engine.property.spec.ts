// Property-based: random lint-clean flows from the whole node catalogue, started with random
// triggers and fed random event sequences. The engine must never throw, always return a valid
// state, respect the step budget, keep ended sessions ended and never reuse an effect id.
import fc from 'fast-check';
import { nodeOutputs, nodeWaits } from '../graph/node-outputs.js';
import { hasErrors, lint } from '../lint/index.js';
import { CHANNEL_TYPES, type Json } from '../schema/common.schema.js';
import type { FlowDocument, FlowNode } from '../schema/flow-document.schema.js';
import { parseFlow } from '../schema/parse-flow.js';
import type { Effect } from '../session/effects.js';
import type { EngineEvent, InboundMessage, SessionContext, StartTrigger } from '../session/events.js';
import { parseSessionState, type SessionState } from '../session/session-state.js';
import { start, step, type StepResult } from './engine.js';
import type { EdgeTriple, NodeInput } from './test-support/flow-builder.js';
import { NOW } from './test-support/session.js';

type NodeBody = Omit<NodeInput, 'id'>;

/** Drops undefined keys, so optional fields are either set or absent. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

// Every template and expression only reads built-in roots, the cart trigger's data and declared variables.
const TEMPLATES = ['Oi {{contact.first_name}}!', 'Carrinho de {{cart.total | currency}}', 'Nota {{v_num}}', 'Texto simples', 'Você disse: {{message.text}}', '{{v_text | default:"-"}}'];
const EXPRESSIONS = ['v_num > 1', 'contact.tags contains "vip"', 'message.text == "sim"', 'cart.total >= 100', 'len(v_text) > 3', 'true', 'false', 'v_num + 1', '"gold"', 'event.name', 'v_obj.status'];
const DATE_EXPRESSIONS = ['cart.abandoned_at', '"2026-03-10T10:00:00Z"', '"2026-03-12T10:00:00Z"', 'v_text', 'v_num'];
const TITLES = ['Sim', 'Não', 'Talvez', 'Falar com atendente', 'Pix', 'Cartão', 'Boleto'];
const duration = fc.record({ amount: fc.integer({ min: 1, max: 48 }), unit: fc.constantFrom('seconds' as const, 'minutes' as const, 'hours' as const, 'days' as const) });
const template = fc.constantFrom(...TEMPLATES);
const expression = fc.constantFrom(...EXPRESSIONS);

/** `count` distinct ids with a prefix that never collides with built-in outputs. */
const ids = (prefix: string, min: number, max: number) => fc.integer({ min, max }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}${i}`));
const titled = (prefix: string, min: number, max: number) =>
  ids(prefix, min, max).chain((list) => fc.tuple(...list.map((id) => fc.constantFrom(...TITLES).map((title) => ({ id, title })))));

const messageNode: fc.Arbitrary<NodeBody> = fc.oneof(
  template.map((text) => ({ type: 'message', data: { text } }) as const),
  fc.record({ kind: fc.constantFrom('image' as const, 'document' as const, 'audio' as const), caption: opt(template), text: opt(template) }).map(({ kind, caption, text }) => ({
    type: 'message' as const,
    data: compact({ text, media: compact({ kind, url: 'https://cdn.test/{{contact.id}}', caption }) }),
  })),
  fc.record({ text: template, buttons: titled('b', 1, 3), timeout: opt(duration) }).map((data) => ({ type: 'message' as const, data: compact(data) })),
  fc.record({ text: template, rows: titled('r', 1, 5), timeout: opt(duration) }).map(({ text, rows, timeout }) => ({
    type: 'message' as const,
    data: compact({ text, list: { buttonLabel: 'Ver', sections: [{ rows }] }, timeout }),
  })),
);

const questionNode: fc.Arbitrary<NodeBody> = fc
  .record({
    text: template,
    kind: fc.constantFrom('text' as const, 'email' as const, 'phone' as const, 'number' as const, 'date' as const, 'choice' as const),
    variable: fc.constantFrom('v_text', 'v_num', 'answer'),
    options: titled('o', 1, 4),
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    timeout: opt(duration),
    invalidText: opt(template),
  })
  .map(({ options, ...data }) => ({ type: 'question' as const, data: compact({ ...data, ...(data.kind === 'choice' ? { options } : {}) }) }));

const conditionNode: fc.Arbitrary<NodeBody> = ids('c', 1, 3).chain((list) =>
  fc.tuple(...list.map((id) => expression.map((when) => ({ id, when })))).map((branches) => ({ type: 'condition' as const, data: { branches } })),
);

const setVariableNode: fc.Arbitrary<NodeBody> = fc
  .array(fc.record({ variable: fc.constantFrom('v_text', 'v_num', 'v_obj', 'contact.attributes.level'), value: expression }), { minLength: 1, maxLength: 3 })
  .map((assignments) => ({ type: 'set_variable' as const, data: { assignments } }));

const waitNode: fc.Arbitrary<NodeBody> = fc
  .record({
    mode: fc.constantFrom('duration' as const, 'until_time' as const, 'until_date' as const, 'business_hours' as const),
    duration,
    time: fc.constantFrom('00:00', '08:30', '09:00', '18:45', '23:59'),
    at: fc.constantFrom(...DATE_EXPRESSIONS),
    interruptOnReply: opt(fc.boolean()),
  })
  .map(({ mode, duration: d, time, at, interruptOnReply }) => {
    const extra = compact({ interruptOnReply });
    switch (mode) {
      case 'duration':
        return { type: 'wait' as const, data: { mode, duration: d, ...extra } };
      case 'until_time':
        return { type: 'wait' as const, data: { mode, time, ...extra } };
      case 'until_date':
        return { type: 'wait' as const, data: { mode, at, ...extra } };
      case 'business_hours':
        return { type: 'wait' as const, data: { mode, ...extra } };
    }
  });

const waitForEventNode: fc.Arbitrary<NodeBody> = fc
  .record({
    events: fc.subarray(['order.created', 'order.paid', 'custom.event'], { minLength: 1 }),
    within: duration,
    match: opt(fc.constantFrom('event.cart_token == cart.token', 'event.total > 10', 'true')),
    saveAs: opt(fc.constantFrom('order', 'v_obj')),
    interruptOnReply: opt(fc.boolean()),
  })
  .map((data) => ({ type: 'wait_for_event' as const, data: compact(data) }));

const httpNode: fc.Arbitrary<NodeBody> = fc
  .record({
    method: fc.constantFrom('GET' as const, 'POST' as const),
    url: fc.constantFrom('https://api.test/{{v_num}}', 'https://api.test/cart/{{cart.token}}'),
    body: opt(fc.constantFrom('{"n":"{{v_num}}"}')),
    responseMapping: opt(fc.constant<Array<{ variable: string; path: string }>>([{ variable: 'v_obj', path: 'data' }, { variable: 'v_num', path: 'status' }])),
  })
  .map((data) => ({ type: 'http_request' as const, data: compact(data) }));

const handoffNode: fc.Arbitrary<NodeBody> = fc
  .record({ reason: template, priority: fc.constantFrom('low' as const, 'normal' as const, 'urgent' as const), message: opt(template), team: opt(fc.constant('support')) })
  .map((data) => ({ type: 'handoff' as const, data: compact(data) }));

const surveyNode: fc.Arbitrary<NodeBody> = fc
  .record({
    kind: fc.constantFrom('nps' as const, 'csat' as const, 'ces' as const),
    text: template,
    variable: opt(fc.constant('v_num')),
    comment: opt(fc.record({ prompt: template, timeout: opt(duration) }).map(compact)),
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    timeout: opt(duration),
  })
  .map((data) => ({ type: 'survey' as const, data: compact(data) }));

const tagNode: fc.Arbitrary<NodeBody> = fc
  .record({ add: fc.subarray(['vip', 'lead', 'promoter']), remove: fc.subarray(['vip', 'detractor']) })
  .filter((d) => d.add.length + d.remove.length > 0)
  .map((data) => ({ type: 'tag' as const, data }));

const templateNode: fc.Arbitrary<NodeBody> = fc
  .record({ body: fc.array(template, { maxLength: 3 }), quickReplies: titled('q', 0, 2) })
  .map(({ body, quickReplies }) => ({
    type: 'whatsapp_template' as const,
    data: { name: 'tpl_test', language: 'pt_BR', body, quickReplies: quickReplies.map((q, index) => ({ index, ...q })) },
  }));

const abSplitNode: fc.Arbitrary<NodeBody> = ids('v', 2, 3).chain((list) =>
  fc.tuple(...list.map((id) => fc.integer({ min: 1, max: 100 }).map((weight) => ({ id, weight })))).map((variants) => ({ type: 'ab_split' as const, data: { variants } })),
);

const conversionNode: fc.Arbitrary<NodeBody> = fc
  .record({ kind: fc.constantFrom('cart_recovered' as const, 'custom' as const), value: opt(fc.constantFrom('cart.total', 'v_num', '"12,50"')), currency: opt(fc.constant('USD')) })
  .map((data) => ({ type: 'conversion' as const, data: compact(data) }));

const NODE_ARBITRARIES: Record<NodeInput['type'], fc.Arbitrary<NodeBody>> = {
  message: messageNode,
  question: questionNode,
  condition: conditionNode,
  set_variable: setVariableNode,
  wait: waitNode,
  wait_for_event: waitForEventNode,
  http_request: httpNode,
  handoff: handoffNode,
  survey: surveyNode,
  tag: tagNode,
  whatsapp_template: templateNode,
  jump_to_flow: fc.constant({ type: 'jump_to_flow' as const, data: { flowId: 'other-flow' } }),
  ab_split: abSplitNode,
  conversion: conversionNode,
  end: fc.constant({ type: 'end' as const, data: {} }),
};

/** Nodes that wait are drawn more often, so sessions live long enough to meet many events. */
const WAITING_TYPES: ReadonlySet<string> = new Set(['message', 'question', 'wait', 'wait_for_event', 'http_request', 'handoff', 'survey']);
const nodeBodyArb: fc.Arbitrary<NodeBody> = fc.oneof(
  ...(Object.keys(NODE_ARBITRARIES) as Array<NodeInput['type']>).map((type) => ({ weight: WAITING_TYPES.has(type) ? 3 : 1, arbitrary: NODE_ARBITRARIES[type] })),
);

const TRIGGER_IDS = ['t_manual', 't_inbound', 't_cart'] as const;

/**
 * Lint-clean by design: nodes that run straight through (lint's view) only link forward, so
 * the only cycles go through a node that waits (or a template's quick replies).
 */
function assemble(bodies: NodeBody[], picks: number[], stepBudget: number): FlowDocument | undefined {
  const nodes = bodies.map((body, i) => ({ ...body, id: `n${i}` }) as NodeInput);
  const parsedNodes = parseFlow({ schemaVersion: 1, name: 'p', triggers: [], nodes, edges: [] });
  if (!parsedNodes.ok) throw new Error(`generator made an invalid node: ${JSON.stringify(parsedNodes.errors)}`);
  const typed: FlowNode[] = parsedNodes.flow.nodes;
  let cursor = 0;
  const pick = (): number => picks[cursor++ % picks.length] ?? 0;
  const edges: EdgeTriple[] = [];
  for (const id of TRIGGER_IDS) edges.push([id, 'next', `n${pick() % nodes.length}`]);
  typed.forEach((node, i) => {
    const quickReplies = new Set(node.type === 'whatsapp_template' ? (node.data.quickReplies ?? []).map((q) => q.id) : []);
    for (const handle of new Set(nodeOutputs(node))) {
      const roll = pick();
      if (roll % 5 === 0) continue; // leave ~20% of outputs open
      const free = nodeWaits(node) || quickReplies.has(handle);
      const candidates = typed.filter((target, j) => free || j > i || nodeWaits(target)).map((t) => t.id);
      const target = candidates[roll % Math.max(1, candidates.length)];
      if (target !== undefined) edges.push([node.id, handle, target]);
    }
  });
  const parsed = parseFlow({
    schemaVersion: 1,
    name: 'random flow',
    triggers: [
      { id: 't_manual', type: 'manual' },
      { id: 't_inbound', type: 'inbound_message', match: { kind: 'any' } },
      { id: 't_cart', type: 'commerce_event', event: 'cart.abandoned' },
    ],
    variables: [
      { name: 'v_text', type: 'text', default: 'olá' },
      { name: 'v_num', type: 'number', default: 0 },
      { name: 'v_obj', type: 'object' },
      { name: 'order', type: 'object' },
      { name: 'answer', type: 'text' },
    ],
    nodes,
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
    settings: { stepBudget },
  });
  return parsed.ok ? parsed.flow : undefined;
}

const flowArb: fc.Arbitrary<FlowDocument> = fc
  .record({
    bodies: fc.array(nodeBodyArb, { minLength: 1, maxLength: 9 }),
    picks: fc.array(fc.nat({ max: 1_000 }), { minLength: 8, maxLength: 40 }),
    stepBudget: fc.constantFrom(10, 15, 200),
  })
  .map(({ bodies, picks, stepBudget }) => assemble(bodies, picks, stepBudget))
  .filter((flow): flow is FlowDocument => flow !== undefined && !hasErrors(lint(flow)));

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
