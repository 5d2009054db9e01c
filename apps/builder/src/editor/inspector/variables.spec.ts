import type { FlowDocument } from '@jornada/flow-engine';
import { analyzeExpression, analyzeTemplate } from './analyze.js';
import { flowWith } from './testing/sample-flows.js';
import { previewEnv, variableCatalog, withIncomingEvent } from './variables.js';

const flow: FlowDocument = flowWith({
  variables: [{ name: 'coupon', type: 'text', default: 'VOLTA10', description: 'Discount code' }],
  nodes: [
    { id: 'q1', type: 'question', label: 'Email', data: { text: 'Your email?', kind: 'email', variable: 'email', maxAttempts: 3 } },
    { id: 's1', type: 'set_variable', data: { assignments: [{ variable: 'discounted', value: 'cart.total * 0.9' }, { variable: 'contact.attributes.tier', value: '"gold"' }] } },
  ],
});
const env = previewEnv('en');

describe('variableCatalog', () => {
  const catalog = variableCatalog(flow, 'en');
  const paths = catalog.entries.map((entry) => entry.path);

  it('lists declared variables, answers, contact fields and the trigger event data', () => {
    expect(paths).toEqual(expect.arrayContaining(['coupon', 'email', 'discounted', 'contact.first_name', 'contact.attributes.tier', 'cart.total', 'cart.items', 'customer.name', 'event.name']));
    expect(catalog.entries.find((entry) => entry.path === 'coupon')).toMatchObject({ source: 'flow', sample: 'VOLTA10', detail: 'Discount code' });
    expect(catalog.entries.find((entry) => entry.path === 'email')).toMatchObject({ source: 'answer', sample: 'ana.smith@example.com', detail: 'Email' });
  });

  it('samples come from the engine sample shop; set values are evaluated over them', () => {
    expect(catalog.scope['cart']).toMatchObject({ total: 259.8, currency: 'USD' });
    expect(catalog.scope['discounted']).toBeCloseTo(233.82);
    expect(catalog.scope['contact']).toMatchObject({ first_name: 'Ana', attributes: { tier: 'gold' } });
    expect(variableCatalog(flow, 'pt-BR').scope['cart']).toMatchObject({ currency: 'BRL' });
  });

  it('a trigger filter sees only the event data; a response path only data and status', () => {
    expect([...variableCatalog(flow, 'en', 'filter').roots].sort()).toEqual(['cart', 'customer', 'event']);
    expect([...variableCatalog(flow, 'en', 'response').roots].sort()).toEqual(['data', 'status']);
  });
});

describe('withIncomingEvent', () => {
  it('makes `event` the incoming event, so a wait-for-event match previews as the engine evaluates it', () => {
    const catalog = withIncomingEvent(variableCatalog(flow, 'en'), 'order.created', 'en');
    expect(analyzeExpression('event.cart_token == cart.token', catalog, env)).toEqual({ ok: true, unknown: [], value: true });
    expect(catalog.entries.map((entry) => entry.path)).toEqual(expect.arrayContaining(['event.cart_token', 'event.total', 'cart.total']));
  });
});

describe('analyzeTemplate', () => {
  const catalog = variableCatalog(flow, 'en');

  it('renders each placeholder over the samples', () => {
    const result = analyzeTemplate('Hi {{contact.first_name}}, {{cart.total | currency}} with {{coupon}}', catalog, env);
    expect(result).toEqual({
      ok: true,
      unknown: [],
      parts: [
        { kind: 'text', text: 'Hi ' },
        { kind: 'value', source: 'contact.first_name', text: 'Ana' },
        { kind: 'text', text: ', ' },
        { kind: 'value', source: 'cart.total | currency', text: '$259.80' },
        { kind: 'text', text: ' with ' },
        { kind: 'value', source: 'coupon', text: 'VOLTA10' },
      ],
    });
  });

  it('marks placeholders of unknown variables and reports syntax errors with their offset', () => {
    const unknown = analyzeTemplate('Hi {{frist_name}}', catalog, env);
    expect(unknown).toMatchObject({ ok: true, unknown: ['frist_name'], parts: [{ kind: 'text' }, { kind: 'unknown', source: 'frist_name', names: ['frist_name'] }] });
    expect(analyzeTemplate('Hi {{contact.name', catalog, env)).toEqual({ ok: false, error: { message: 'Unclosed "{{" at position 4', offset: 3 } });
  });
});

describe('analyzeExpression', () => {
  const catalog = variableCatalog(flow, 'en');
  it('evaluates over the samples, names unknown roots, reports syntax errors', () => {
    expect(analyzeExpression('cart.total > 100', catalog, env)).toEqual({ ok: true, unknown: [], value: true });
    expect(analyzeExpression('carrt.total > 100', catalog, env)).toMatchObject({ ok: true, unknown: ['carrt'] });
    expect(analyzeExpression('cart.total >', catalog, env)).toMatchObject({ ok: false });
  });
});
