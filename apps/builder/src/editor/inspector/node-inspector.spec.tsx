import { fireEvent, render, screen, within } from '@testing-library/react';
import type { FlowOperation } from '@jornada/flow-engine';
import { InspectorHarness } from './testing/inspector-harness.js';
import { flowWith } from './testing/sample-flows.js';

const message = flowWith({ nodes: [{ id: 'm1', type: 'message', label: 'Hello', data: { text: 'Hi {{customer.name}}' } }] });

function setup(props: Partial<Parameters<typeof InspectorHarness>[0]> & Pick<Parameters<typeof InspectorHarness>[0], 'document' | 'selection'>) {
  const operations: FlowOperation[] = [];
  render(<InspectorHarness {...props} onDispatch={(operation) => operations.push(operation)} />);
  return operations;
}

describe('NodeInspector', () => {
  it('edits a message text on blur: one update_node with the whole new data', () => {
    const operations = setup({ document: message, selection: { kind: 'node', id: 'm1' } });
    const text = screen.getByLabelText('Text');
    fireEvent.focus(text);
    fireEvent.change(text, { target: { value: 'Hello {{customer.name}}!' } });
    fireEvent.change(text, { target: { value: 'Hello {{customer.name}}, your cart is waiting' } });
    expect(operations).toEqual([]);
    fireEvent.blur(text);
    expect(operations).toEqual([{ type: 'update_node', nodeId: 'm1', data: { text: 'Hello {{customer.name}}, your cart is waiting' } }]);
  });

  it('shows the flow settings when nothing is selected', () => {
    const operations = setup({ document: message, selection: { kind: 'flow' } });
    expect(screen.getByRole('heading', { name: 'Flow settings' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Channels' })).getByLabelText('Web chat'));
    expect(operations).toEqual([{ type: 'update_flow', settings: { channels: ['whatsapp', 'webchat'], stepBudget: 200 } }]);
  });
});
