import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FlowDocument, FlowNode, FlowOperation, Trigger } from '@jornada/flow-engine';
import type { FlowSummary } from '../../api/types.js';
import { InspectorHarness, type HarnessProps } from './testing/inspector-harness.js';
import { flowWith } from './testing/sample-flows.js';

function setup(props: Omit<HarnessProps, 'onDispatch'>) {
  const operations: FlowOperation[] = [];
  render(<InspectorHarness {...props} onDispatch={(operation) => operations.push(operation)} />);
  return operations;
}

const node = (id: string, data: FlowNode['data'], type: FlowNode['type'], label?: string) => ({ id, type, data, ...(label === undefined ? {} : { label }) }) as FlowNode;
const onNode = (nodes: FlowNode[], id = nodes[0]?.id ?? '') => ({ document: flowWith({ nodes }), selection: { kind: 'node', id } as const });
const type = (element: HTMLElement, value: string) => {
  fireEvent.focus(element);
  fireEvent.change(element, { target: { value } });
};
const typeAndLeave = (element: HTMLElement, value: string) => {
  type(element, value);
  fireEvent.blur(element);
};
const shownDocument = (): FlowDocument => JSON.parse(screen.getByTestId('document').textContent ?? '{}') as FlowDocument;

const question = node('q1', { text: 'What is your email?', kind: 'email', variable: 'email', maxAttempts: 3 }, 'question', 'Ask email');

describe('NodeInspector: editing', () => {
  it('commits text on blur, not per keystroke: one update_node with the whole new data', () => {
    const operations = setup(onNode([node('m1', { text: 'Hi' }, 'message', 'Hello')]));
    const text = screen.getByLabelText('Text');
    type(text, 'Hello');
    fireEvent.change(text, { target: { value: 'Hello, your cart is waiting' } });
    expect(operations).toEqual([]);
    fireEvent.blur(text);
    expect(operations).toEqual([{ type: 'update_node', nodeId: 'm1', data: { text: 'Hello, your cart is waiting' } }]);
  });

  it('Escape puts the saved text back; Enter commits a one-line field', () => {
    const operations = setup(onNode([question]));
    const label = screen.getByLabelText<HTMLInputElement>(/Name on the canvas/);
    type(label, 'Something else');
    fireEvent.keyDown(label, { key: 'Escape' });
    expect(label.value).toBe('Ask email');
    type(label, 'Email capture');
    fireEvent.keyDown(label, { key: 'Enter' });
    expect(operations).toEqual([{ type: 'update_node', nodeId: 'q1', label: 'Email capture' }]);
  });

  it('dispatches selects at once, and switching a question to choice adds a first option with a new id', () => {
    const operations = setup(onNode([question]));
    fireEvent.change(screen.getByLabelText('Expected answer'), { target: { value: 'choice' } });
    expect(operations).toEqual([
      { type: 'update_node', nodeId: 'q1', data: { text: 'What is your email?', kind: 'choice', variable: 'email', maxAttempts: 3, options: [{ id: 'option_1', title: 'Option 1' }] } },
    ]);
    expect(screen.getByLabelText<HTMLInputElement>('Option text').value).toBe('Option 1');
  });

  it('holds an edit that fails the schema, shows why at the field, and applies it once valid', () => {
    const operations = setup(onNode([question]));
    const text = screen.getByLabelText('Question');
    typeAndLeave(text, '');
    expect(operations).toEqual([]);
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Required.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Not applied yet');

    const variable = screen.getByLabelText('Save the answer in');
    typeAndLeave(variable, 'e-mail');
    expect(screen.getByText('Start with a letter or “_”, then letters, digits or “_” (no spaces or accents).')).toBeTruthy();
    typeAndLeave(variable, 'customer_email');
    typeAndLeave(text, 'Your email, please?');
    expect(operations).toEqual([{ type: 'update_node', nodeId: 'q1', data: { text: 'Your email, please?', kind: 'email', variable: 'customer_email', maxAttempts: 3 } }]);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('does not commit a number field holding something else than a number', () => {
    const operations = setup(onNode([question]));
    const attempts = screen.getByLabelText('Attempts');
    typeAndLeave(attempts, 'three');
    expect(screen.getByText('Enter a number.')).toBeTruthy();
    expect(operations).toEqual([]);
    typeAndLeave(attempts, '11');
    expect(screen.getByText('At most 10.')).toBeTruthy();
    typeAndLeave(attempts, '5');
    expect(operations).toEqual([{ type: 'update_node', nodeId: 'q1', data: { text: 'What is your email?', kind: 'email', variable: 'email', maxAttempts: 5 } }]);
  });

  it('turns a timeout on and off with its switch', () => {
    const operations = setup(onNode([question]));
    fireEvent.click(screen.getByRole('switch', { name: 'No-reply timeout: on' }));
    expect(operations.at(-1)).toMatchObject({ data: { timeout: { amount: 1, unit: 'hours' } } });
    fireEvent.change(screen.getByLabelText('No-reply timeout: unit'), { target: { value: 'days' } });
    expect(operations.at(-1)).toMatchObject({ data: { timeout: { amount: 1, unit: 'days' } } });
    fireEvent.click(screen.getByRole('switch', { name: 'No-reply timeout: on' }));
    expect(operations.at(-1)).toEqual({ type: 'update_node', nodeId: 'q1', data: { text: 'What is your email?', kind: 'email', variable: 'email', maxAttempts: 3 } });
  });

  it('switches a wait between its modes, keeping "stop when the customer replies"', () => {
    const operations = setup(onNode([node('w1', { mode: 'duration', duration: { amount: 2, unit: 'days' }, interruptOnReply: true }, 'wait')]));
    fireEvent.change(screen.getByRole('combobox', { name: 'Wait' }), { target: { value: 'until_time' } });
    expect(operations).toEqual([{ type: 'update_node', nodeId: 'w1', data: { mode: 'until_time', time: '09:00', interruptOnReply: true } }]);
    typeAndLeave(screen.getByLabelText('Time of day'), '18:30');
    expect(operations.at(-1)).toEqual({ type: 'update_node', nodeId: 'w1', data: { mode: 'until_time', time: '18:30', interruptOnReply: true } });
  });

  it('edits a trigger with update_trigger: keywords are held until one is typed', () => {
    const trigger: Trigger = { id: 't1', type: 'inbound_message', match: { kind: 'any' } };
    const operations = setup({ document: flowWith({ triggers: [trigger] }), selection: { kind: 'trigger', id: 't1' } });
    fireEvent.change(screen.getByLabelText('Which messages'), { target: { value: 'keyword' } });
    expect(operations).toEqual([]);
    typeAndLeave(screen.getByRole('textbox', { name: 'Keyword 1' }), 'promo');
    fireEvent.click(screen.getByLabelText('WhatsApp'));
    expect(operations).toEqual([
      { type: 'update_trigger', trigger: { id: 't1', type: 'inbound_message', match: { kind: 'keyword', keywords: ['promo'] } } },
      { type: 'update_trigger', trigger: { id: 't1', type: 'inbound_message', match: { kind: 'keyword', keywords: ['promo'] }, channels: ['whatsapp'] } },
    ]);
  });

  it('changes a trigger type, same id', () => {
    const operations = setup({ document: flowWith({}), selection: { kind: 'trigger', id: 't1' } });
    fireEvent.change(screen.getByLabelText('Starts when'), { target: { value: 'manual' } });
    expect(operations).toEqual([{ type: 'update_trigger', trigger: { id: 't1', type: 'manual' } }]);
  });

  it('edits the flow: settings with update_flow, variables with set_variables', () => {
    const operations = setup({ document: flowWith({}), selection: { kind: 'flow' } });
    expect(screen.getByRole('heading', { name: 'Flow settings' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Channels' })).getByLabelText('Web chat'));
    typeAndLeave(screen.getByLabelText('Step budget'), '500');
    fireEvent.click(screen.getByRole('button', { name: 'Add a variable' }));
    typeAndLeave(screen.getByLabelText(/Starting value/), 'VOLTA10');
    expect(operations).toEqual([
      { type: 'update_flow', settings: { channels: ['whatsapp', 'webchat'], stepBudget: 200 } },
      { type: 'update_flow', settings: { channels: ['whatsapp', 'webchat'], stepBudget: 500 } },
      { type: 'set_variables', variables: [{ name: 'variable_1', type: 'text' }] },
      { type: 'set_variables', variables: [{ name: 'variable_1', type: 'text', default: 'VOLTA10' }] },
    ]);
  });

  it('refuses a flow without channels', () => {
    const operations = setup({ document: flowWith({}), selection: { kind: 'flow' } });
    fireEvent.click(within(screen.getByRole('group', { name: 'Channels' })).getByLabelText('WhatsApp'));
    expect(operations).toEqual([]);
    expect(screen.getByText('Add at least 1.')).toBeTruthy();
  });

  it('picks the flow to jump to from the workspace list, leaving out this flow', async () => {
    const flows: FlowSummary[] = [
      { id: 'f-self', name: 'This flow', description: '', status: 'draft', currentVersion: null, draftRevision: 1, createdAt: '', updatedAt: '', lastPublishedAt: null },
      { id: 'f-2', name: 'Post-purchase', description: '', status: 'published', currentVersion: 3, draftRevision: 4, createdAt: '', updatedAt: '', lastPublishedAt: null },
    ];
    const operations: FlowOperation[] = [];
    render(<JumpHarness flows={flows} onDispatch={(operation) => operations.push(operation)} />);
    const combobox = screen.getByRole<HTMLInputElement>('combobox', { name: 'Flow to continue in' });
    await waitFor(() => expect(combobox.disabled).toBe(false));
    fireEvent.click(combobox);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Post-purchasePublished']);
    fireEvent.keyDown(combobox, { key: 'Enter' });
    expect(operations).toEqual([{ type: 'update_node', nodeId: 'j1', data: { flowId: 'f-2' } }]);
  });
});

function JumpHarness({ flows, onDispatch }: { flows: FlowSummary[]; onDispatch: (operation: FlowOperation) => void }) {
  return <InspectorHarness {...onNode([node('j1', { flowId: '' }, 'jump_to_flow')])} flows={flows} flowId="f-self" onDispatch={onDispatch} />;
}

describe('NodeInspector: variables and preview', () => {
  const message = node('m1', { text: 'Hi , your cart' }, 'message');

  it('inserts a variable at the cursor from the picker, by keyboard', () => {
    const operations = setup(onNode([message]));
    const text = screen.getByLabelText<HTMLTextAreaElement>('Text');
    fireEvent.focus(text);
    text.setSelectionRange(3, 3);
    fireEvent.blur(text);
    fireEvent.click(screen.getByRole('button', { name: 'Insert a variable into Text' }));
    const search = screen.getByRole('combobox', { name: 'Search variables' });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: 'first' } });
    expect(screen.getAllByRole('option').map((option) => option.querySelector('code')?.textContent)).toEqual(['contact.first_name']);
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(operations).toEqual([{ type: 'update_node', nodeId: 'm1', data: { text: 'Hi {{contact.first_name}}, your cart' } }]);
    expect(document.activeElement).toBe(text);
    expect(text.selectionStart).toBe('Hi {{contact.first_name}}'.length);
  });

  it('Escape closes the picker back to its button', () => {
    setup(onNode([message]));
    const button = screen.getByRole('button', { name: 'Insert a variable into Text' });
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search variables' }), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('previews a template with sample values while typing, marking unknown variables and syntax errors', () => {
    setup(onNode([message]));
    const text = screen.getByLabelText('Text');
    type(text, 'Hi {{contact.first_name}}, {{cart.total | currency}}');
    const preview = screen.getByText('Preview with sample data').parentElement as HTMLElement;
    expect(preview.querySelector('.inspector-preview__text')?.textContent).toBe('Hi Ana, $259.80');
    type(text, 'Hi {{frist_name}}');
    expect(screen.getByText('{{frist_name}}').tagName).toBe('MARK');
    expect(screen.getAllByText(/Unknown variable: frist_name/).length).toBeGreaterThan(0);
    type(text, 'Hi {{contact.first_name');
    expect(screen.getByText(/Cannot be read: Unclosed "\{\{" at position 4/)).toBeTruthy();
  });

  it('shows what an expression gives over the samples', () => {
    setup(onNode([node('c1', { branches: [{ id: 'branch_1', when: 'cart.total > 100' }] }, 'condition')]));
    expect(screen.getByText('With sample data:').parentElement?.textContent).toContain('true');
    type(screen.getByLabelText('Take this branch when'), 'cart.total >');
    expect(screen.getByText(/Cannot be read:/)).toBeTruthy();
  });
});

describe('NodeInspector: lint issues, focus, keyboard and read-only', () => {
  const buttons = node(
    'm1',
    {
      text: 'Pick',
      buttons: [
        { id: 'button_1', title: 'One' },
        { id: 'button_2', title: 'Two' },
        { id: 'button_3', title: 'Three' },
        { id: 'button_4', title: 'Four' },
      ],
    },
    'message',
  );

  it('lists the issues of the selection and shows each at its field', () => {
    setup(onNode([buttons, node('m2', { text: 'Hi {{nobody}}' }, 'message')], 'm1'));
    const issues = screen.getByRole('region', { name: 'Problems found' });
    expect(issues.textContent).toContain('1 problem to fix · 6 points to review');
    expect(issues.textContent).toContain('4 buttons; WhatsApp shows at most 3. Use a list for more choices.');
    expect(issues.textContent).toContain('The output “Four” is not connected: the conversation ends there.');
    expect(issues.textContent).not.toContain('nobody');
    const list = screen.getByRole('group', { name: 'Buttons' });
    expect(list.textContent).toContain('WhatsApp shows at most 3');
    fireEvent.click(within(issues).getAllByRole('button', { name: 'Go to field' })[0] as HTMLElement);
    expect(list.contains(document.activeElement)).toBe(true);
  });

  it('shows an unknown variable at the text field', () => {
    setup(onNode([node('m2', { text: 'Hi {{nobody}}' }, 'message')]));
    const text = screen.getByLabelText('Text');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${text.id}-error`)?.textContent).toContain('Uses “nobody”, but no variable “nobody” is declared or set in this flow.');
  });

  it('focuses the field a focusPath names', () => {
    render(<InspectorHarness {...onNode([buttons])} focusPath="nodes.0.data.buttons.2.title" />);
    expect(document.activeElement).toBe(screen.getAllByLabelText('Button text')[2]);
  });

  it('adds, moves and removes list items from the keyboard, focus following the item', () => {
    const operations = setup(onNode([node('m1', { text: 'Pick', buttons: [{ id: 'button_1', title: 'Yes' }] }, 'message')]));
    fireEvent.click(screen.getByRole('button', { name: 'Add a button' }));
    const titles = () => screen.getAllByLabelText<HTMLInputElement>('Button text');
    expect(titles().map((input) => input.value)).toEqual(['Yes', 'Button 2']);
    expect(document.activeElement).toBe(titles()[1]);
    fireEvent.keyDown(titles()[1] as HTMLElement, { key: 'ArrowUp', altKey: true });
    expect(titles().map((input) => input.value)).toEqual(['Button 2', 'Yes']);
    expect(screen.getByRole('button', { name: 'Move Button 2 down' })).toBe(document.activeElement);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Button 2' }));
    expect(titles().map((input) => input.value)).toEqual(['Yes']);
    expect(document.activeElement).toBe(titles()[0]);
    expect(operations.map((operation) => (operation.type === 'update_node' && operation.data !== undefined && 'buttons' in operation.data ? operation.data.buttons?.map((b) => b.id) : null))).toEqual([
      ['button_1', 'button_2'],
      ['button_2', 'button_1'],
      ['button_1'],
    ]);
    expect(shownDocument().nodes[0]).toMatchObject({ data: { buttons: [{ id: 'button_1', title: 'Yes' }] } });
  });

  it('keeps Delete, Backspace and Ctrl+A/D on its buttons from reaching the editor\'s shortcuts on the window', () => {
    const reached: string[] = [];
    const listener = (event: KeyboardEvent) => reached.push(event.key);
    window.addEventListener('keydown', listener);
    try {
      setup(onNode([buttons]));
      const remove = screen.getByRole('button', { name: 'Remove One' });
      fireEvent.keyDown(remove, { key: 'Delete' });
      fireEvent.keyDown(remove, { key: 'Backspace' });
      fireEvent.keyDown(remove, { key: 'a', ctrlKey: true });
      fireEvent.keyDown(remove, { key: 'z', ctrlKey: true });
      expect(reached).toEqual(['z']);
    } finally {
      window.removeEventListener('keydown', listener);
    }
  });

  it('read-only: every field is shown and disabled, no list actions', () => {
    render(<InspectorHarness {...onNode([buttons])} readOnly />);
    expect(screen.getByText('View only: your role cannot edit this flow.')).toBeTruthy();
    for (const control of screen.getByRole('complementary').querySelectorAll('input, textarea, select')) expect((control as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Add a button' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    // Disabled fields cannot take the focus: no "Go to field" either.
    expect(screen.queryByRole('button', { name: 'Go to field' })).toBeNull();
  });

  it('speaks Portuguese, help texts included', () => {
    render(<InspectorHarness {...onNode([question])} locale="pt-BR" />);
    expect(screen.getByLabelText('Pergunta')).toBeTruthy();
    expect(screen.getByText('A pergunta, como o cliente a lê.')).toBeTruthy();
    expect(screen.getByText('Tentativas antes da saída "inválida".')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Problemas encontrados' }).textContent).toContain('A saída “Próximo” não está ligada: a conversa termina aí.');
  });
});
