import { lint } from '../lint/index.js';
import type { Effect } from '../session/effects.js';
import type { EngineEvent } from '../session/events.js';
import { parseSessionState, type SessionState } from '../session/session-state.js';
import { start, step, type StepResult } from './engine.js';
import { buildFlow, chain, endNode, setVars, textMessage, type NodeInput } from './test-support/flow-builder.js';
import { Conversation, NOW, deepFreeze, effectsOf, endReason, external, makeContext, manual, tap, text, timer } from './test-support/session.js';

/** A flow that touches most node types and state fields (routes, contact, survey comment). */
const richFlow = buildFlow({
  variables: [
    { name: 'order', type: 'object' },
    { name: 'email', type: 'text' },
    { name: 'score', type: 'number' },
    { name: 'status', type: 'text' },
  ],
  nodes: [
    {
      id: 'tpl',
      type: 'whatsapp_template',
      data: { name: 'hello', language: 'pt_BR', body: ['{{contact.first_name}}'], quickReplies: [{ index: 0, id: 'stop', title: 'Parar' }] },
    },
    { id: 'w', type: 'wait', data: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } },
    { id: 'tag', type: 'tag', data: { add: ['lead'], remove: [] } },
    setVars('attrs', { 'contact.attributes.stage': '"lead"', counter: '1' }),
    { id: 'ev', type: 'wait_for_event', data: { events: ['order.created'], within: { amount: 1, unit: 'days' }, saveAs: 'order' } },
    {
      id: 'menu',
      type: 'message',
      data: { text: 'Escolha', buttons: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }], timeout: { amount: 1, unit: 'hours' } },
    },
    { id: 'q', type: 'question', data: { text: 'E-mail?', kind: 'email', variable: 'email', timeout: { amount: 1, unit: 'hours' } } },
    {
      id: 'http',
      type: 'http_request',
      data: { method: 'GET', url: 'https://api/x/{{email}}', responseMapping: [{ variable: 'status', path: 'data.status' }] },
    },
    { id: 'nps', type: 'survey', data: { kind: 'nps', text: 'Nota?', variable: 'score', comment: { prompt: 'Por quê?' } } },
    { id: 'human', type: 'handoff', data: { reason: 'NPS {{score}}' } },
    { id: 'conv', type: 'conversion', data: { kind: 'custom', value: 'order.total' } },
    textMessage('bye', 'Tchau'),
    endNode('done'),
  ],
  edges: [
    ...chain('tpl', 'w', 'tag', 'attrs', 'ev'),
    ['tpl', 'stop', 'bye'],
    ['ev', 'received', 'menu'],
    ['ev', 'timeout', 'bye'],
    ['menu', 'a', 'q'],
    ['menu', 'b', 'bye'],
    ['menu', 'other', 'menu'],
    ['q', 'next', 'http'],
    ['http', 'success', 'nps'],
    ['http', 'error', 'bye'],
    ['nps', 'detractor', 'human'],
    ['nps', 'passive', 'conv'],
    ['nps', 'promoter', 'conv'],
    ['human', 'resolved', 'conv'],
    ...chain('conv', 'bye', 'done'),
  ],
});

/** A script for richFlow: events that each move the session forward. */
function richScript(state: () => SessionState): Array<() => EngineEvent> {
  const timerOf = () => {
    const wait = state().wait;
    return wait && 'timerId' in wait && wait.timerId ? wait.timerId : 'none';
  };
  const effectOf = () => {
    const wait = state().wait;
    return wait && wait.kind === 'effect' ? wait.effectId : 'none';
  };
  return [
    () => timer(timerOf()),
    () => external('order.created', { total: 99.9 }),
    () => text('nada'),
    () => tap('a', 'A'),
    () => text('ana@example.com'),
    () => ({ type: 'effect_result', effectId: effectOf(), ok: true, status: 200, body: { status: 'ok' } }),
    () => text('5'),
    () => text('demorou'),
    () => ({ type: 'conversation', action: 'resolved' }),
  ];
}

function runRich(): StepResult[] {
  const results: StepResult[] = [start({ flow: richFlow, trigger: manual(), context: makeContext(), now: NOW })];
  let now = NOW.getTime();
  const current = () => results[results.length - 1]?.state as SessionState;
  for (const next of richScript(current)) {
    now += 60_000;
    results.push(step({ flow: richFlow, state: current(), event: next(), now: new Date(now) }));
  }
  return results;
}

/** Ids that must be unique within a session: effect ids and timer ids (the survey comment reuses its record id on purpose). */
function idsOf(effects: readonly Effect[]): string[] {
  return effects.flatMap((e) => {
    if (e.type === 'schedule_timer') return [e.timerId];
    if (e.type === 'record_survey' && e.comment !== undefined) return [];
    return 'id' in e ? [e.id] : [];
  });
}

describe('engine', () => {
  it('runs the rich flow end to end (sanity check for the tests below)', () => {
    const results = runRich();
    expect(results.map((r) => r.outcome)).toEqual(Array(results.length).fill('advanced'));
    const last = results[results.length - 1];
    expect(last?.state.status).toBe('ended');
    expect(last && endReason(last)).toBe('end_node');
    expect(last?.state.vars).toMatchObject({ email: 'ana@example.com', status: 'ok', score: 5, order: { total: 99.9 } });
  });

  describe('stale timers', () => {
    it('are ignored: outcome "ignored", the same state object, no effects, no trace', () => {
      const c = Conversation.start(richFlow);
      const state = c.state;
      const result = step({ flow: richFlow, state, event: timer('sess:999'), now: NOW });
      expect(result).toEqual({ state, effects: [], trace: [], outcome: 'ignored' });
      expect(result.state).toBe(state);
    });

    it('include the timer of a wait the session already left', () => {
      const c = Conversation.start(richFlow);
      const oldTimer = (c.state.wait as { timerId: string }).timerId;
      c.fireTimer(); // leaves "w", now waits at "ev" with another timer
      const state = c.state;
      expect(state.wait).toMatchObject({ kind: 'event', nodeId: 'ev' });
      const result = step({ flow: richFlow, state, event: timer(oldTimer), now: c.now });
      expect(result.outcome).toBe('ignored');
      expect(result.state).toBe(state);
      expect(result.effects).toEqual([]);
    });
  });

  it('ended sessions ignore every event', () => {
    const flow = buildFlow({ nodes: [textMessage('hi', 'oi')] });
    const { state } = start({ flow, trigger: manual(), context: makeContext(), now: NOW });
    expect(state.status).toBe('ended');
    const events: EngineEvent[] = [
      text('oi'),
      tap('a'),
      timer('sess:1'),
      external('order.created', {}),
      { type: 'effect_result', effectId: 'sess:1', ok: true },
      { type: 'send_failed', effectId: 'sess:1', error: 'x', errorClass: 'user' },
      { type: 'conversation', action: 'resolved' },
      { type: 'conversation', action: 'handed_back' },
    ];
    for (const event of events) {
      const result = step({ flow, state, event, now: NOW });
      expect(result).toEqual({ state, effects: [], trace: [], outcome: 'ignored' });
      expect(result.state).toBe(state);
    }
  });

  it('never mutates its inputs (deep-frozen state, flow, event)', () => {
    deepFreeze(richFlow);
    const context = deepFreeze(makeContext({ contact: { attributes: { nested: { a: 1 } }, tags: ['x'] } }));
    const first = start({ flow: richFlow, trigger: deepFreeze(manual({ cart: { items: [{ id: 1 }] } })), context, now: NOW });
    let state = first.state;
    let now = NOW.getTime();
    for (const next of richScript(() => state)) {
      const frozen = deepFreeze(state);
      const before = JSON.stringify(frozen);
      const event = deepFreeze(next());
      now += 60_000;
      const result = step({ flow: richFlow, state: frozen, event, now: new Date(now) });
      expect(JSON.stringify(frozen)).toBe(before);
      expect(result.outcome).toBe('advanced');
      state = result.state;
    }
    expect(state.status).toBe('ended');
  });

  it('gives unique, deterministic effect ids: the same inputs give the same results', () => {
    const a = runRich();
    const b = runRich();
    expect(a).toEqual(b);
    const ids = idsOf(a.flatMap((r) => r.effects));
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^sess:\d+$/);
  });

  it('ends the session as completed when it leaves by an unconnected output', () => {
    const flow = buildFlow({
      nodes: [{ id: 'c', type: 'condition', data: { branches: [{ id: 'yes', when: 'true' }] } }, textMessage('never', 'x')],
      edges: [['c', 'else', 'never']],
    });
    const result = start({ flow, trigger: manual(), context: makeContext(), now: NOW });
    expect(result.trace).toEqual([
      { nodeId: 'start', output: 'next' },
      { nodeId: 'c', output: 'yes' },
    ]);
    expect(result.effects).toEqual([{ type: 'end_session', reason: 'completed' }]);
    expect(result.state).toMatchObject({ status: 'ended', endedReason: 'completed', wait: null });
  });

  describe('step budget', () => {
    const loopNodes: NodeInput[] = [
      setVars('inc', { n: 'n + 1' }),
      { id: 'again', type: 'condition', data: { branches: [{ id: 'loop', when: 'n >= 0' }] } },
    ];
    const loopEdges = [['inc', 'next', 'again'] as const, ['again', 'loop', 'inc'] as const];

    it('stops a loop without a wait (lint: loop_without_wait) after stepBudget nodes', () => {
      const flow = buildFlow({
        variables: [{ name: 'n', type: 'number', default: 0 }],
        settings: { stepBudget: 25 },
        nodes: loopNodes,
        edges: loopEdges,
      });
      expect(lint(flow).filter((i) => i.code === 'loop_without_wait').map((i) => i.nodeId).sort()).toEqual(['again', 'inc']);
      const result = start({ flow, trigger: manual(), context: makeContext(), now: NOW });
      const entered = result.trace.filter((t) => t.nodeId !== 'start');
      expect(entered).toHaveLength(25);
      expect(result.effects).toEqual([
        { type: 'log', level: 'error', code: 'step_budget_exceeded', message: expect.stringContaining('25'), nodeId: 'again' },
        { type: 'end_session', reason: 'step_budget_exceeded' },
      ]);
      expect(result.state).toMatchObject({ status: 'ended', endedReason: 'step_budget_exceeded', wait: null });
      expect(result.state.vars['n']).toBe(13);
    });

    it('stops a loop through a wait that does not pause (business hours while open, a past date)', () => {
      for (const data of [{ mode: 'business_hours' as const }, { mode: 'until_date' as const, at: '"2020-01-01T00:00:00Z"' }]) {
        const flow = buildFlow({
          variables: [{ name: 'n', type: 'number', default: 0 }],
          settings: { stepBudget: 10 },
          nodes: [setVars('inc', { n: 'n + 1' }), { id: 'w', type: 'wait', data }],
          edges: [['inc', 'next', 'w'], ['w', 'next', 'inc']],
        });
        const c = Conversation.start(flow, { context: { workspace: { businessHours: { days: { tue: [{ start: '08:00', end: '18:00' }] } } } } });
        expect(endReason(c.last)).toBe('step_budget_exceeded');
        expect(c.last.trace.filter((t) => t.nodeId !== 'start')).toHaveLength(10);
      }
    });

    it('also bounds a step, and cancels nothing that is not armed', () => {
      const flow = buildFlow({
        variables: [{ name: 'n', type: 'number', default: 0 }],
        settings: { stepBudget: 10 },
        nodes: [{ id: 'ask', type: 'question', data: { text: '?', kind: 'text', variable: 'x' } }, ...loopNodes],
        edges: [['ask', 'next', 'inc'], ...loopEdges],
      });
      const c = Conversation.start(flow);
      const r = c.text('go');
      expect(r.trace.filter((t) => t.nodeId !== 'ask')).toHaveLength(10);
      expect(endReason(r)).toBe('step_budget_exceeded');
      expect(effectsOf(r.effects, 'cancel_timer')).toEqual([]);
    });
  });

  describe('missing nodes', () => {
    it('ends with missing_node when the state waits at a node the flow version no longer has', () => {
      const v1 = buildFlow({ nodes: [{ id: 'old_q', type: 'question', data: { text: '?', kind: 'text', variable: 'x', timeout: { amount: 1, unit: 'hours' } } }] });
      const v2 = buildFlow({ nodes: [textMessage('new', 'novo')] });
      const { state } = start({ flow: v1, trigger: manual(), context: makeContext(), now: NOW });
      const r = step({ flow: v2, state, event: text('oi'), now: NOW });
      expect(r.outcome).toBe('advanced');
      expect(r.effects).toEqual([
        { type: 'log', level: 'error', code: 'missing_node', message: expect.stringContaining('old_q'), nodeId: 'old_q' },
        { type: 'cancel_timer', timerId: 'sess:2' },
        { type: 'end_session', reason: 'missing_node' },
      ]);
      expect(r.state).toMatchObject({ status: 'ended', endedReason: 'missing_node', wait: null });
    });

    it('ends with missing_node when an edge leads to a node that does not exist', () => {
      const flow = buildFlow({ nodes: [textMessage('a', 'a')], edges: [['start', 'next', 'a'], ['a', 'next', 'ghost']] });
      const r = start({ flow, trigger: manual(), context: makeContext(), now: NOW });
      expect(effectsOf(r.effects, 'log')).toEqual([expect.objectContaining({ code: 'missing_node', nodeId: 'ghost' })]);
      expect(endReason(r)).toBe('missing_node');
    });
  });

  describe('no entry', () => {
    it('ends with no_entry when the flow has no trigger of that kind', () => {
      const flow = buildFlow({ nodes: [textMessage('a', 'a')] });
      const r = start({ flow, trigger: { type: 'inbound_message', message: { kind: 'text', text: 'oi' } }, context: makeContext(), now: NOW });
      expect(effectsOf(r.effects, 'log')).toEqual([expect.objectContaining({ level: 'error', code: 'no_entry' })]);
      expect(endReason(r)).toBe('no_entry');
    });
  });

  describe('parseSessionState', () => {
    it('accepts every state the engine produces, after a JSON round trip', () => {
      for (const result of runRich()) {
        const stored: unknown = JSON.parse(JSON.stringify(result.state));
        const parsed = parseSessionState(stored);
        expect(parsed).toEqual({ ok: true, state: result.state });
      }
    });

    it('rejects junk with a message naming the field', () => {
      const { state } = start({ flow: richFlow, trigger: manual(), context: makeContext(), now: NOW });
      const json = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
      const error = (input: unknown): string => {
        const parsed = parseSessionState(input);
        if (parsed.ok) throw new Error('expected an error');
        return parsed.error;
      };
      expect(error({ ...json, seq: 'x' })).toMatch(/^seq: /);
      expect(error({ ...json, v: 2 })).toMatch(/^v: /);
      expect(error({ ...json, status: 'sleeping' })).toMatch(/^status: /);
      expect(error({ ...json, wait: { kind: 'timer', nodeId: 'w' } })).toMatch(/^wait\.timerId: /);
      expect(error({ ...json, env: { ...(json['env'] as object), channel: 'fax' } })).toMatch(/^env\.channel: /);
      expect(error({ ...json, vars: { x: { y: () => 1 } } })).toMatch(/^vars\.x/);
      expect(error(null)).toMatch(/^state: /);
      expect(error('{"v":1}')).toMatch(/^state: /);
    });
  });
});
