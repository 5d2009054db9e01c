import type { FlowNode, Trigger } from '@jornada/flow-engine';
import { estimateBox, NODE_WIDTH, TRIGGER_WIDTH } from './box-estimate.js';
import { outputPorts } from './projection.js';

const box = (node: FlowNode) => estimateBox(node, outputPorts(node));
const sources = (estimate: ReturnType<typeof estimateBox>) => estimate.handles.filter((handle) => handle.type === 'source');
const centreY = (handle: { y: number; height?: number }) => handle.y + (handle.height ?? 0) / 2;

function message(buttons: number, text = 'Hi {{contact.first_name}}, what would you like?'): FlowNode {
  return { id: 'm', type: 'message', label: 'Ask', data: { text, buttons: Array.from({ length: buttons }, (_, i) => ({ id: `b${String(i)}`, title: `Option ${String(i)}` })) } };
}

describe('estimateBox', () => {
  it('gives a box the width its stylesheet does, and a trigger its narrower one', () => {
    expect(box(message(1)).width).toBe(NODE_WIDTH);
    const trigger: Trigger = { id: 't', type: 'commerce_event', event: 'cart.abandoned' };
    expect(estimateBox(trigger, [{ id: 'next', label: null, fallback: false }]).width).toBe(TRIGGER_WIDTH);
  });

  it('makes a box with more buttons taller, by one 28 px row per button', () => {
    const heights = [1, 2, 3].map((count) => box(message(count)).height);
    expect(heights[1]! - heights[0]!).toBe(28);
    expect(heights[2]! - heights[1]!).toBe(28);
  });

  it('makes a box with a longer text taller, up to the four lines the box shows', () => {
    const short = box(message(1, 'Hi')).height;
    const long = box(message(1, 'A much longer message that surely wraps onto a few lines of the box when it is drawn at its width')).height;
    const huge = box(message(1, 'word '.repeat(200))).height;
    expect(long).toBeGreaterThan(short);
    expect(huge).toBeGreaterThanOrEqual(long);
    expect(huge - short).toBeLessThanOrEqual(3 * 18.2 + 1);
  });

  it('has an input handle and one output handle per output, in order, inside the box', () => {
    const node: FlowNode = { id: 'q', type: 'message', data: { text: 'Pick', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }], timeout: { amount: 1, unit: 'hours' } } };
    const estimate = box(node);
    expect(estimate.handles.filter((handle) => handle.type === 'target')).toHaveLength(1);
    const outs = sources(estimate);
    expect(outs.map((handle) => handle.id)).toEqual(['yes', 'no', 'other', 'timeout']);
    // Top to bottom, a row (28 px) apart (the second half a rule lower), on the right edge, the last one inside the box.
    outs.forEach((handle, index) => {
      expect(handle.position).toBe('right');
      if (index > 0) expect(centreY(handle) - centreY(outs[index - 1]!)).toBeCloseTo(index === 1 ? 28.5 : 28, 6);
    });
    expect(centreY(outs[outs.length - 1]!)).toBeLessThan(estimate.height);
    expect(centreY(outs[0]!)).toBeGreaterThan(centreY(estimate.handles[0]!));
  });

  it('gives branches, variants and a timeout a handle each', () => {
    const condition: FlowNode = { id: 'c', type: 'condition', data: { branches: [{ id: 'vip', when: 'true' }, { id: 'big', when: 'cart.total > 100' }] } };
    expect(sources(box(condition)).map((handle) => handle.id)).toEqual(['vip', 'big', 'else']);
    const split: FlowNode = { id: 'a', type: 'ab_split', data: { variants: [{ id: 'v1', weight: 1 }, { id: 'v2', weight: 1 }, { id: 'v3', weight: 2 }] } };
    expect(sources(box(split)).map((handle) => handle.id)).toEqual(['v1', 'v2', 'v3']);
    const waiting: FlowNode = { id: 'w', type: 'wait_for_event', data: { events: ['order.paid'], within: { amount: 2, unit: 'days' } } };
    expect(sources(box(waiting)).map((handle) => handle.id)).toEqual(outputPorts(waiting).map((port) => port.id));
    expect(sources(box(waiting)).map((handle) => handle.id)).toContain('timeout');
  });

  it('puts a single `next` output level with the input, on the right edge', () => {
    const end: FlowNode = { id: 'e', type: 'set_variable', data: { assignments: [{ variable: 'x', value: '1' }] } };
    const estimate = box(end);
    const [input] = estimate.handles.filter((handle) => handle.type === 'target');
    const [output] = sources(estimate);
    expect(output?.id).toBe('next');
    expect(centreY(output!)).toBe(centreY(input!));
    expect(output!.x + (output!.width ?? 0) / 2).toBe(NODE_WIDTH);
  });

  it('leaves out a body that draws nothing (a condition shows only its branches)', () => {
    const condition: FlowNode = { id: 'c', type: 'condition', label: 'Check', data: { branches: [{ id: 'vip', when: 'true' }] } };
    const withBody: FlowNode = { id: 'e', type: 'end', label: 'Check', data: {} };
    // Header (49.6) + two rows (13 + 2 × 28) for the condition; header + a 16.8 px line + 12 px for the end.
    expect(box(condition).height).toBe(Math.round(2 + 49.6 + 5 + 2 * 28 + 8));
    expect(box(withBody).height).toBe(Math.round(2 + 49.6 + 16.8 + 12));
  });
});
