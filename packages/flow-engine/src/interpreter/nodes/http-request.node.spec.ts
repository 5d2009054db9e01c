import { buildFlow, textMessage } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, text } from '../test-support/session.js';

const flow = buildFlow({
  variables: [
    { name: 'api', type: 'text', default: 'https://api.loja.com' },
    { name: 'order_number', type: 'text', default: 'A-17' },
    { name: 'order_status', type: 'text' },
    { name: 'first_item', type: 'text' },
    { name: 'code', type: 'number' },
  ],
  nodes: [
    {
      id: 'fetch',
      type: 'http_request',
      data: {
        method: 'POST',
        url: '{{api}}/orders/{{order_number}}',
        headers: [
          { name: 'Accept', value: 'application/json' },
          { name: 'X-Contact', value: '{{contact.id}}' },
        ],
        body: '{"name":"{{contact.first_name}}"}',
        responseMapping: [
          { variable: 'order_status', path: 'data.status' },
          { variable: 'first_item', path: 'data.items[0].id' },
          { variable: 'code', path: 'status' },
        ],
      },
    },
    textMessage('ok', 'Status: {{order_status}}'),
    textMessage('fail', 'falhou'),
  ],
  edges: [
    ['fetch', 'success', 'ok'],
    ['fetch', 'error', 'fail'],
  ],
});

describe('http_request node', () => {
  it('asks the shell for the call with the rendered url, headers and body, and waits for its result', () => {
    const c = Conversation.start(flow);
    expect(effectsOf(c.last.effects, 'http_request')).toEqual([
      {
        type: 'http_request',
        id: 'sess:1',
        nodeId: 'fetch',
        method: 'POST',
        url: 'https://api.loja.com/orders/A-17',
        headers: { Accept: 'application/json', 'X-Contact': 'contact-1' },
        body: '{"name":"Maria"}',
        timeoutMs: 10_000,
      },
    ]);
    expect(c.state).toMatchObject({ status: 'waiting', wait: { kind: 'effect', nodeId: 'fetch', effectId: 'sess:1' } });
  });

  it('maps the response into variables and leaves by "success"', () => {
    const c = Conversation.start(flow);
    const r = c.step({ type: 'effect_result', effectId: 'sess:1', ok: true, status: 200, body: { status: 'enviado', items: [{ id: 'i-9' }] } });
    expect(r.trace[0]).toEqual({ nodeId: 'fetch', output: 'success' });
    expect(c.state.vars).toMatchObject({ order_status: 'enviado', first_item: 'i-9', code: 200 });
    expect(effectsOf(r.effects, 'send')[0]?.message).toEqual({ kind: 'text', text: 'Status: enviado' });
  });

  it('maps missing response fields to null', () => {
    const c = Conversation.start(flow);
    c.step({ type: 'effect_result', effectId: 'sess:1', ok: true, status: 204 });
    expect(c.state.vars).toMatchObject({ order_status: null, first_item: null, code: 204 });
  });

  it('leaves by "error" with a warning when the call failed', () => {
    const c = Conversation.start(flow);
    const r = c.step({ type: 'effect_result', effectId: 'sess:1', ok: false, status: 503 });
    expect(r.trace[0]).toEqual({ nodeId: 'fetch', output: 'error' });
    expect(effectsOf(r.effects, 'log')).toEqual([{ type: 'log', level: 'warn', code: 'http_request_failed', message: 'HTTP 503', nodeId: 'fetch' }]);
    expect(c.state.vars['order_status']).toBeNull();

    const timedOut = Conversation.start(flow).step({ type: 'effect_result', effectId: 'sess:1', ok: false, error: 'timeout after 10000 ms' });
    expect(effectsOf(timedOut.effects, 'log')[0]?.message).toBe('timeout after 10000 ms');
  });

  it('ignores the result of another effect, messages and send failures', () => {
    const c = Conversation.start(flow);
    const before = c.state;
    expect(c.step({ type: 'effect_result', effectId: 'sess:99', ok: true, body: { status: 'x' } }).outcome).toBe('ignored');
    expect(c.step({ type: 'effect_result', effectId: 'other:1', ok: false }).outcome).toBe('ignored');
    expect(c.step(text('alô?')).outcome).toBe('ignored');
    expect(c.step({ type: 'send_failed', effectId: 'sess:1', error: 'x', errorClass: 'transient' }).outcome).toBe('ignored');
    expect(c.state).toBe(before);
  });
});
