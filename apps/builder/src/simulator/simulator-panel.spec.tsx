import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FlowDocumentSchema, sampleEventData, type FlowDocument } from '@jornada/flow-engine';
import { ApiError } from '../api/api-error.js';
import { ApiProvider } from '../api/api-context.js';
import type { SimulatedChannel } from '../api/simulation-types.js';
import { I18nProvider, type Locale } from '../i18n/index.js';
import { ToastProvider } from '../ui/toast.js';
import type { SimulatorPath } from './simulator-panel-props.js';
import { SimulatorPanel } from './simulator-panel.js';
import { createFakeSimulationsApi, templateDocument } from './test-support/fake-simulations-api.js';

function renderPanel({ document = templateDocument('cart-recovery'), locale = 'en' as Locale, flush = () => Promise.resolve() } = {}) {
  const fake = createFakeSimulationsApi();
  const paths: (SimulatorPath | null)[] = [];
  const flushes: number[] = [];
  const onClose = jest.fn();
  const view = render(
    <I18nProvider locale={locale}>
      <ApiProvider api={fake.api}>
        <ToastProvider>
          <SimulatorPanel
            flowId="flow-1"
            document={document}
            flush={() => {
              flushes.push(fake.calls.length);
              return flush();
            }}
            onPathChange={(path) => paths.push(path)}
            onClose={onClose}
          />
        </ToastProvider>
      </ApiProvider>
    </I18nProvider>,
  );
  return { fake, paths, flushes, onClose, view };
}

async function startWith(channel?: SimulatedChannel) {
  if (channel !== undefined) fireEvent.change(screen.getByLabelText('Show messages as'), { target: { value: channel } });
  fireEvent.click(screen.getByRole('button', { name: 'Start simulation' }));
  await screen.findByRole('log');
}

const manualDocument = (): FlowDocument =>
  FlowDocumentSchema.parse({
    schemaVersion: 1,
    name: 'Manual',
    triggers: [{ id: 'api', type: 'manual' }],
    nodes: [{ id: 'hello', type: 'message', data: { text: 'Hello' } }],
    edges: [{ id: 'e1', source: 'api', sourceHandle: 'start', target: 'hello' }],
    settings: { channels: ['whatsapp', 'sms', 'telegram'] },
  });

describe('SimulatorPanel: the start form', () => {
  it('starts a commerce trigger with the sample cart as editable JSON, after saving the draft', async () => {
    const { fake, flushes } = renderPanel();
    expect(screen.getByLabelText('Start from')).toHaveProperty('value', 'cart_abandoned');
    const data = screen.getByLabelText('Event data (JSON)') as HTMLTextAreaElement;
    expect(JSON.parse(data.value)).toEqual(sampleEventData('cart.abandoned', 'en'));
    fireEvent.change(data, { target: { value: JSON.stringify({ ...sampleEventData('cart.abandoned', 'en'), total: 12 }) } });
    fireEvent.change(screen.getByLabelText('Customer name'), { target: { value: 'Bia Lima' } });
    await startWith();
    expect(flushes).toEqual([0]); // flushed before anything reached the simulator API
    expect(fake.calls[0]).toEqual({
      name: 'start',
      flowId: 'flow-1',
      body: { channel: 'whatsapp', triggerId: 'cart_abandoned', contactName: 'Bia Lima', data: { ...sampleEventData('cart.abandoned', 'en'), total: 12 } },
    });
    expect(screen.getByText('As WhatsApp · Bia Lima')).toBeTruthy();
    expect(within(screen.getByRole('log')).getByText('Started by: Shop event: Cart abandoned')).toBeTruthy();
  });

  it('refuses data that is not a JSON object, and resets to the sample', async () => {
    const { fake } = renderPanel();
    const data = screen.getByLabelText('Event data (JSON)');
    fireEvent.change(data, { target: { value: '{"total": 12,' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start simulation' }));
    expect(await screen.findByText('This is not valid JSON: check quotes, commas and braces.')).toBeTruthy();
    fireEvent.change(data, { target: { value: '[1, 2]' } });
    expect(screen.getByText('Write a JSON object: names and values between curly braces.')).toBeTruthy();
    expect(fake.calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the sample' }));
    expect(JSON.parse((data as HTMLTextAreaElement).value)).toEqual(sampleEventData('cart.abandoned', 'en'));
  });

  it('starts a message trigger with the first message the customer writes', async () => {
    const { fake } = renderPanel({ document: templateDocument('visitor-question') });
    const first = screen.getByLabelText('The customer’s first message');
    expect((first as HTMLInputElement).value).not.toBe('');
    fireEvent.change(first, { target: { value: 'Where is my order?' } });
    await startWith();
    expect(fake.calls[0]).toMatchObject({ name: 'start', body: { triggerId: 'inbound', message: 'Where is my order?', channel: 'whatsapp' } });
  });

  it('starts a manual trigger with start variables, on a channel of the flow', async () => {
    const { fake } = renderPanel({ document: manualDocument() });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Manual start (API)', 'WhatsApp', 'SMS', 'Telegram']);
    fireEvent.change(screen.getByLabelText('Start variables (JSON)'), { target: { value: '{"order": {"id": "1042"}}' } });
    await startWith('sms');
    expect(fake.calls[0]).toMatchObject({ body: { triggerId: 'api', channel: 'sms', data: { order: { id: '1042' } } } });
  });

  it('prefills keywords in Portuguese, and says a draft without triggers cannot start', () => {
    const { view } = renderPanel({ document: templateDocument('cart-recovery', 'pt-BR'), locale: 'pt-BR' });
    expect(screen.getByRole('button', { name: 'Iniciar simulação' })).toBeTruthy();
    expect(JSON.parse((screen.getByLabelText('Dados do evento (JSON)') as HTMLTextAreaElement).value)).toMatchObject({ currency: 'BRL' });
    view.unmount();
    renderPanel({ document: { ...manualDocument(), triggers: [] } });
    expect(screen.getByText('Add a trigger first')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start simulation' })).toBeNull();
  });

  it('shows the API’s 4xx in words, and a draft that could not be saved', async () => {
    const { fake } = renderPanel();
    fake.handlers.start = () =>
      Promise.reject(new ApiError({ status: 422, code: 'invalid_flow_document', message: 'The draft cannot be read by this version of Jornada; open it in the editor and save it again.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start simulation' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The simulation did not start');
    expect(alert.textContent).toContain('The draft cannot be read by this version of Jornada');
  });

  it('does not start when the draft cannot be saved', async () => {
    const { fake } = renderPanel({ flush: () => Promise.reject(new ApiError({ status: 409, code: 'draft_conflict', message: 'The draft changed.' })) });
    fireEvent.click(screen.getByRole('button', { name: 'Start simulation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The draft could not be saved');
    expect(fake.calls).toEqual([]);
  });
});

describe('SimulatorPanel: the chat', () => {
  it('renders WhatsApp reply buttons, and a tap sends the button id and title', async () => {
    const { fake } = renderPanel({ document: templateDocument('visitor-question') });
    await startWith();
    act(() => {
      fake.botSays({ kind: 'buttons', text: 'How can we *help*?', buttons: [{ id: 'product', title: 'A product' }, { id: 'order', title: 'My order' }] });
    });
    const log = screen.getByRole('log');
    await within(log).findByText('help');
    expect(within(log).getByText('help').tagName).toBe('STRONG');
    fireEvent.click(within(log).getByRole('button', { name: 'My order' }));
    await waitFor(() => expect(fake.calls.at(-1)).toMatchObject({ name: 'say', id: 'sim-1', body: { buttonId: 'order', title: 'My order' } }));
  });

  it('opens a list message’s rows from its menu button and sends the chosen row', async () => {
    const { fake } = renderPanel({ document: templateDocument('visitor-question') });
    await startWith();
    act(() => {
      fake.botSays({ kind: 'list', text: 'Pick a topic', buttonLabel: 'Topics', sections: [{ title: 'Help', rows: [{ id: 'shipping', title: 'Delivery', description: 'Times and costs' }, { id: 'returns', title: 'Returns' }] }] });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the list: Topics' }));
    const dialog = screen.getByRole('dialog', { name: 'Topics' });
    expect(within(dialog).getByText('Times and costs')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /Returns/ }));
    await waitFor(() => expect(fake.calls.at(-1)).toMatchObject({ name: 'say', body: { buttonId: 'returns', title: 'Returns' } }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a WhatsApp template with its parameters and quick replies, and media as placeholders', async () => {
    const { fake } = renderPanel();
    await startWith();
    act(() => {
      fake.botSays({
        kind: 'template',
        name: 'abandoned_cart_reminder',
        language: 'en_US',
        header: { kind: 'image', url: 'https://example.com/images/running-shoe.jpg' },
        body: ['Ana', 'Lightweight running shoe'],
        urlButtons: [{ index: 0, param: 'cart/c/cart-7f3a9c?key=sample' }],
        quickReplies: [{ index: 1, id: 'stop', title: 'Stop reminders' }],
      });
      fake.botSays({ kind: 'media', mediaType: 'document', url: 'https://example.com/files/invoice.pdf', caption: 'Your invoice' });
    });
    const log = screen.getByRole('log');
    expect(await within(log).findByText('Template abandoned_cart_reminder · en_US')).toBeTruthy();
    expect(within(log).getByText('Lightweight running shoe')).toBeTruthy();
    expect(within(log).getByText('Link button: …/cart/c/cart-7f3a9c?key=sample')).toBeTruthy();
    expect(within(log).getByText('example.com/…/running-shoe.jpg')).toBeTruthy();
    expect(within(log).getByText('Document')).toBeTruthy();
    expect(within(log).getByText('Your invoice')).toBeTruthy();
    fireEvent.click(within(log).getByRole('button', { name: 'Stop reminders' }));
    await waitFor(() => expect(fake.calls.at(-1)).toMatchObject({ name: 'say', body: { buttonId: 'stop', title: 'Stop reminders' } }));
  });

  it('shows choices as numbered text on SMS, and as an inline keyboard on Telegram', async () => {
    const first = renderPanel({ document: manualDocument() });
    await startWith('sms');
    act(() => {
      first.fake.botSays({ kind: 'buttons', text: 'Did that help?', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] });
    });
    expect(await within(screen.getByRole('log')).findByText(/Did that help\?\s+1\. Yes\s+2\. No/)).toBeTruthy();
    expect(within(screen.getByRole('log')).queryByRole('button')).toBeNull();
    first.view.unmount();

    const second = renderPanel({ document: manualDocument() });
    await startWith('telegram');
    act(() => {
      second.fake.botSays({ kind: 'buttons', text: 'Did that help?', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] });
    });
    const yes = await within(screen.getByRole('log')).findByRole('button', { name: 'Yes' });
    expect(yes.parentElement?.className).toContain('sim-choices--telegram');
  });

  it('sends free text, shows the customer’s messages and keeps the text when sending fails', async () => {
    const { fake } = renderPanel({ document: templateDocument('visitor-question') });
    await startWith();
    const input = screen.getByLabelText('Message as the customer');
    fireEvent.change(input, { target: { value: 'ana@example.com' } });
    fireEvent.submit(input);
    await waitFor(() => expect(fake.calls.at(-1)).toMatchObject({ name: 'say', body: { text: 'ana@example.com' } }));
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(''));
    act(() => {
      fake.customerSays({ kind: 'text', text: 'ana@example.com' });
    });
    expect(await within(screen.getByRole('log')).findByText('ana@example.com')).toBeTruthy();

    fake.handlers.say = () => Promise.reject(new ApiError({ status: 400, code: 'validation_failed', message: 'Invalid', details: [{ field: 'text', message: 'text must be shorter' }] }));
    fireEvent.change(input, { target: { value: 'again' } });
    fireEvent.submit(input);
    expect((await screen.findByRole('alert')).textContent).toContain('text must be shorter');
    expect((input as HTMLInputElement).value).toBe('again');
  });
});

describe('SimulatorPanel: controls, inspector and path', () => {
  it('offers Skip wait only while a timer is pending, and says when it would fire', async () => {
    const { fake } = renderPanel();
    fake.setState({ status: 'waiting', waitingAt: 'check_opt_out', waitingFor: null });
    await startWith();
    const skip = await screen.findByRole('button', { name: /Skip wait/ });
    expect(skip).toHaveProperty('disabled', true);
    expect(screen.getByText('Nothing is waiting on a timer.')).toBeTruthy();

    const fireAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    fake.setState({ waitingAt: 'wait_1h', waitingFor: 'timer', timers: [{ nodeId: 'wait_1h', fireAt }], path: [{ sessionId: 'session-1', nodeId: 'cart_abandoned', output: 'start', at: fireAt }] });
    act(() => fake.stepped());
    const enabled = await screen.findByRole('button', { name: 'Skip the wait: fire the timer of Wait 1 hour now' });
    expect(screen.getByText(/Wait 1 hour goes on in 1 hour/)).toBeTruthy();
    fireEvent.click(enabled);
    await waitFor(() => expect(fake.calls.at(-1)).toEqual({ name: 'skipWait', id: 'sim-1' }));
    expect(await screen.findByText('The wait was skipped.')).toBeTruthy();
    act(() => {
      fake.botSays({ kind: 'text', text: 'Your cart is waiting' });
    });
    await within(screen.getByRole('log')).findByText('Your cart is waiting');
    // The note stands where the tester skipped: before what the skip made the bot send.
    const items = within(screen.getByRole('log')).getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(items.findIndex((text) => text.includes('Wait skipped at Wait 1 hour'))).toBeLessThan(items.findIndex((text) => text.includes('Your cart is waiting')));
    expect(items.findIndex((text) => text.includes('Started by: Shop event: Cart abandoned'))).toBe(0);
  });

  it('sends an event to the simulation, prefilled with the sample order the flow waits for', async () => {
    const { fake } = renderPanel();
    fake.setState({ waitingAt: 'wait_order', waitingFor: 'event', path: [{ sessionId: 'session-1', nodeId: 'wait_order', at: '2026-12-04T12:00:00.000Z' }] });
    await startWith();
    expect(await screen.findByText('Waiting for Order created at Order within 23 h?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send event' }));
    const dialog = screen.getByRole('dialog', { name: 'Send an event' });
    expect((within(dialog).getByLabelText('Event') as HTMLSelectElement).value).toBe('order.created');
    expect(JSON.parse((within(dialog).getByLabelText('Data (JSON)') as HTMLTextAreaElement).value)).toEqual(sampleEventData('order.created', 'en'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send event' }));
    await waitFor(() => expect(fake.calls.at(-1)).toEqual({ name: 'sendEvent', id: 'sim-1', body: { name: 'order.created', data: sampleEventData('order.created', 'en') } }));
    expect(await screen.findByText('Order created sent: the flow went on.')).toBeTruthy();
    expect(within(screen.getByRole('log')).getByText('Event sent: Order created')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says when the flow was not waiting for the event', async () => {
    const { fake } = renderPanel();
    fake.handlers.sendEvent = () => Promise.resolve({ outcome: 'ignored' });
    await startWith();
    fireEvent.click(await screen.findByRole('button', { name: 'Send event' }));
    const dialog = screen.getByRole('dialog', { name: 'Send an event' });
    fireEvent.change(within(dialog).getByLabelText('Event'), { target: { value: 'order.shipped' } });
    expect(JSON.parse((within(dialog).getByLabelText('Data (JSON)') as HTMLTextAreaElement).value)).toMatchObject({ tracking_number: 'BR123456789BR' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send event' }));
    expect(await screen.findByText('The flow was not waiting for Order shipped, so nothing changed.')).toBeTruthy();
  });

  it('reports the path taken as it grows, and null when stopped', async () => {
    const { fake, paths } = renderPanel();
    await startWith();
    const at = '2026-12-04T12:00:00.000Z';
    fake.setState({
      waitingAt: 'wait_order',
      waitingFor: 'event',
      path: [
        { sessionId: 'session-1', nodeId: 'cart_abandoned', output: 'start', at },
        { sessionId: 'session-1', nodeId: 'check_opt_out', output: 'else', at },
        { sessionId: 'session-1', nodeId: 'wait_1h', at },
        { sessionId: 'session-1', nodeId: 'wait_1h', output: 'next', at },
        { sessionId: 'session-1', nodeId: 'reminder', output: 'next', at },
        { sessionId: 'session-1', nodeId: 'wait_order', at },
        { sessionId: 'session-other', nodeId: 'elsewhere', at },
      ],
    });
    act(() => fake.stepped());
    await waitFor(() =>
      expect(paths.at(-1)).toEqual({
        steps: [
          { nodeId: 'cart_abandoned', output: 'start' },
          { nodeId: 'check_opt_out', output: 'else' },
          { nodeId: 'wait_1h', output: 'next' },
          { nodeId: 'reminder', output: 'next' },
          { nodeId: 'wait_order' },
        ],
        currentNodeId: 'wait_order',
      }),
    );
    const reports = paths.length;
    act(() => fake.stepped()); // the same state again: no new report
    await act(() => new Promise((resolve) => setTimeout(resolve, 80)));
    expect(paths.length).toBe(reports);
    fireEvent.click(screen.getByRole('button', { name: 'Stop the simulation and go back to the start form' }));
    expect(paths.at(-1)).toBeNull();
    expect(screen.getByRole('button', { name: 'Start simulation' })).toBeTruthy();
  });

  it('shows variables, timers, problems and the handoff in the inspector', async () => {
    const { fake } = renderPanel({ document: templateDocument('visitor-question') });
    fake.setState({
      status: 'handoff',
      conversationStatus: 'handoff',
      waitingAt: 'fetch_order',
      waitingFor: 'human',
      variables: { email: 'ana@example.com', csat_score: 5, cart: { token: 'cart-7f3a9c', total: 259.8 } },
      problems: [{ kind: 'log', type: 'log', level: 'warn', code: 'http_request_failed', message: 'HTTP 503', nodeId: 'fetch_order', at: '2026-12-04T12:00:00.000Z' }],
    });
    await startWith();
    const inspectorTab = await screen.findByRole('tab', { name: /Inspector/ });
    expect(inspectorTab.textContent).toContain('1 problem');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Chat' }), { key: 'ArrowRight' });
    expect(inspectorTab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: /Inspector/ });
    expect(within(panel).getByText('"ana@example.com"')).toBeTruthy();
    expect(within(panel).getByText('5')).toBeTruthy();
    expect(within(panel).getByText('http_request_failed')).toBeTruthy();
    expect(within(panel).getByText('HTTP 503')).toBeTruthy();
    expect(within(panel).getByText('Handed off to a person')).toBeTruthy();
    expect(within(panel).getByText('Warning')).toBeTruthy();
  });

  it('closes', () => {
    const { onClose } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Close the simulator' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
