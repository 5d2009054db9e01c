import { buildFlow } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, manual } from '../test-support/session.js';

function record(data: { kind: 'cart_recovered' | 'repurchase' | 'custom'; value?: string; currency?: string }, trigger = manual({ order: { total: 259.9, total_text: '129.90' } })) {
  const flow = buildFlow({ nodes: [{ id: 'conv', type: 'conversion', data }] });
  const c = Conversation.start(flow, { trigger });
  return { c, effects: effectsOf(c.last.effects, 'record_conversion') };
}

describe('conversion node', () => {
  it('records the value of the expression in the workspace currency by default', () => {
    const { c, effects } = record({ kind: 'cart_recovered', value: 'order.total' });
    expect(effects).toEqual([{ type: 'record_conversion', id: 'sess:1', nodeId: 'conv', kind: 'cart_recovered', value: 259.9, currency: 'BRL' }]);
    expect(c.last.trace).toContainEqual({ nodeId: 'conv', output: 'next' });
  });

  it('uses the currency of the node when set, and reads numeric text', () => {
    expect(record({ kind: 'repurchase', value: 'order.total_text', currency: 'USD' }).effects).toEqual([
      expect.objectContaining({ kind: 'repurchase', value: 129.9, currency: 'USD' }),
    ]);
  });

  it('records without a value when there is none, or it is not a number', () => {
    expect(record({ kind: 'custom' }).effects).toEqual([{ type: 'record_conversion', id: 'sess:1', nodeId: 'conv', kind: 'custom' }]);
    expect(record({ kind: 'custom', value: 'order.missing' }).effects).toEqual([{ type: 'record_conversion', id: 'sess:1', nodeId: 'conv', kind: 'custom' }]);
    expect(record({ kind: 'custom', value: '"abc"' }).effects).toEqual([{ type: 'record_conversion', id: 'sess:1', nodeId: 'conv', kind: 'custom' }]);
  });
});
