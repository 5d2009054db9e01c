import { cartAbandoned, edge, end, flow, inbound, only, text, type NodeInput, type TriggerInput } from './__fixtures__/flows.js';
import type { FlowDocumentInput } from '../schema/flow-document.schema.js';
import { lint } from './lint.js';

function doc(nodes: NodeInput[], extra: Partial<FlowDocumentInput> = {}, triggers: TriggerInput[] = [inbound()]): FlowDocumentInput {
  return flow({ triggers, nodes: [...nodes, end()], edges: triggers.map((t) => edge(t.id, nodes[0]?.id ?? 'end')), ...extra });
}
const undefinedNames = (d: FlowDocumentInput) => only(lint(d), 'undefined_variable').map((i) => i.params?.['name']);

describe('variables', () => {
  it('reports a root nothing provides, once per field, with the field path', () => {
    const issues = only(lint(doc([text('m', 'Hi {{nmae}} {{nmae.first}} {{contact.name}}', 'Greeting')])), 'undefined_variable');
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'm', path: 'nodes.0.data.text', params: { node: '"Greeting" message', field: 'text', name: 'nmae' } }),
    ]);
    expect(issues[0]?.message).toBe('The text of the "Greeting" message uses "nmae", but no variable "nmae" is declared or set in this flow. Declare it, or check the spelling.');
  });

  it('knows built-ins and declared variables', () => {
    const m = text('m', '{{contact.first_name}} {{workspace.name}} {{session.id}} {{event.name}} {{message.text}} {{coupon}}');
    expect(undefinedNames(doc([m], { variables: [{ name: 'coupon', type: 'text' }] }))).toEqual([]);
  });

  it('knows variables that nodes write, wherever they are', () => {
    const nodes: NodeInput[] = [
      text('m', '{{a}} {{b}} {{c}} {{d}} {{e}} {{f}}'),
      { id: 'q', type: 'question', data: { text: '?', kind: 'text', variable: 'a' } },
      { id: 's', type: 'survey', data: { kind: 'csat', text: '?', variable: 'b' } },
      { id: 'w', type: 'wait_for_event', data: { events: ['x'], within: { amount: 1, unit: 'days' }, saveAs: 'c' } },
      { id: 'h', type: 'http_request', data: { method: 'GET', url: 'https://x.example', responseMapping: [{ variable: 'd', path: 'data.d' }] } },
      { id: 'v', type: 'set_variable', data: { assignments: [{ variable: 'e', value: '1' }, { variable: 'contact.attributes.f', value: '2' }] } },
    ];
    expect(undefinedNames(doc(nodes))).toEqual(['f']);
  });

  it('knows what commerce triggers bring', () => {
    const m = text('m', '{{cart.total}} {{order.id}} {{customer.name}}');
    expect(undefinedNames(doc([m]))).toEqual(['cart', 'order', 'customer']);
    expect(undefinedNames(doc([m], {}, [cartAbandoned()]))).toEqual(['order']);
    expect(undefinedNames(doc([m], {}, [{ id: 'to', type: 'commerce_event', event: 'order.paid' }]))).toEqual(['cart']);
  });

  it('checks expressions', () => {
    const nodes: NodeInput[] = [
      { id: 'c', type: 'condition', data: { branches: [{ id: 'b', when: 'total > 10 && contact.tags contains "vip"' }] } },
      { id: 'v', type: 'set_variable', data: { assignments: [{ variable: 'x', value: 'y + 1' }] } },
      { id: 'w', type: 'wait', data: { mode: 'until_date', at: 'delivery.date' } },
      { id: 'we', type: 'wait_for_event', data: { events: ['x'], within: { amount: 1, unit: 'days' }, match: 'event.id == ticket' } },
      { id: 'cv', type: 'conversion', data: { kind: 'custom', value: 'amount' } },
    ];
    expect(only(lint(doc(nodes)), 'undefined_variable').map((i) => [i.params?.['name'], i.path])).toEqual([
      ['total', 'nodes.0.data.branches.0.when'],
      ['y', 'nodes.1.data.assignments.0.value'],
      ['delivery', 'nodes.2.data.at'],
      ['ticket', 'nodes.3.data.match'],
      ['amount', 'nodes.4.data.value'],
    ]);
  });

  it('checks every template field', () => {
    const t = '{{zz}}';
    const nodes: NodeInput[] = [
      { id: 'm', type: 'message', data: { text: t, footer: t, media: { kind: 'image', url: t, caption: t } } },
      { id: 'q', type: 'question', data: { text: t, kind: 'choice', variable: 'v', invalidText: t, options: [{ id: 'o', title: t }] } },
      { id: 'h', type: 'handoff', data: { reason: t, message: t } },
      { id: 's', type: 'survey', data: { kind: 'nps', text: t, comment: { prompt: t }, invalidText: t } },
      { id: 'r', type: 'http_request', data: { method: 'POST', url: t, headers: [{ name: 'X', value: t }], body: t } },
      { id: 'tp', type: 'whatsapp_template', data: { name: 'a', language: 'en', header: { kind: 'text', params: [t] }, body: [t], urlButtons: [{ index: 0, param: t }] } },
      { id: 'tm', type: 'whatsapp_template', data: { name: 'a', language: 'en', header: { kind: 'image', url: t } } },
    ];
    expect(only(lint(doc(nodes)), 'undefined_variable').map((i) => i.path)).toEqual([
      'nodes.0.data.text',
      'nodes.0.data.footer',
      'nodes.0.data.media.url',
      'nodes.0.data.media.caption',
      'nodes.1.data.text',
      'nodes.1.data.invalidText',
      'nodes.1.data.options.0.title',
      'nodes.2.data.reason',
      'nodes.2.data.message',
      'nodes.3.data.text',
      'nodes.3.data.comment.prompt',
      'nodes.3.data.invalidText',
      'nodes.4.data.url',
      'nodes.4.data.headers.0.value',
      'nodes.4.data.body',
      'nodes.5.data.header.params.0',
      'nodes.5.data.body.0',
      'nodes.5.data.urlButtons.0.param',
      'nodes.6.data.header.url',
    ]);
  });

  it('lets a trigger filter read only its event data', () => {
    const filtered = (filter: string): TriggerInput => ({ id: 'tc', type: 'commerce_event', event: 'cart.abandoned', filter });
    const issues = only(lint(doc([text('m')], { variables: [{ name: 'vip', type: 'boolean' }] }, [filtered('cart.total > 50 && customer.orders == 0 && event.x')])), 'undefined_variable');
    expect(issues).toEqual([]);
    const bad = only(lint(doc([text('m')], { variables: [{ name: 'vip', type: 'boolean' }] }, [filtered('vip || contact.tags contains "x"')])), 'undefined_variable');
    expect(bad.map((i) => [i.nodeId, i.path, i.params?.['name']])).toEqual([
      ['tc', 'triggers.0.filter', 'vip'],
      ['tc', 'triggers.0.filter', 'contact'],
    ]);
  });

  it('reads HTTP response paths against the response', () => {
    const http = (path: string): NodeInput => ({ id: 'h', type: 'http_request', data: { method: 'GET', url: 'https://x.example', responseMapping: [{ variable: 'v', path }] } });
    expect(only(lint(doc([http('data.items[0].id')])), 'undefined_variable')).toEqual([]);
    expect(only(lint(doc([http('status')])), 'undefined_variable')).toEqual([]);
    expect(only(lint(doc([http('items[0]')])), 'undefined_variable')).toEqual([expect.objectContaining({ path: 'nodes.0.data.responseMapping.0.path' })]);
  });

  it('reports template syntax errors with the parser message', () => {
    const issues = lint(doc([text('m', 'Hi {{contact.name')]));
    expect(only(issues, 'template_syntax')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'm', path: 'nodes.0.data.text', params: expect.objectContaining({ error: expect.any(String) }) }),
    ]);
    expect(only(issues, 'undefined_variable')).toEqual([]);
  });

  it('reports expression syntax errors with the parser message', () => {
    const cond: NodeInput = { id: 'c', type: 'condition', data: { branches: [{ id: 'b', when: 'cart.total >' }, { id: 'd', when: 'unknownFn(1)' }] } };
    expect(only(lint(doc([cond])), 'expression_syntax').map((i) => i.path)).toEqual(['nodes.0.data.branches.0.when', 'nodes.0.data.branches.1.when']);
    const trig: TriggerInput = { id: 'tc', type: 'commerce_event', event: 'cart.abandoned', filter: '(cart.total' };
    expect(only(lint(doc([text('m')], {}, [trig])), 'expression_syntax')).toEqual([expect.objectContaining({ nodeId: 'tc', path: 'triggers.0.filter' })]);
  });

  it('accepts plain text and valid placeholders with filters', () => {
    const issues = lint(doc([text('m', 'Total: {{ cart.total | currency }} — no braces here }}')], {}, [cartAbandoned()]));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
