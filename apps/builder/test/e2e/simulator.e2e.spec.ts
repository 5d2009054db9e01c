// The simulator in real Chromium against the real API and runtime (sandbox channel, real queues
// and timers): the cart-recovery journey to its "converted" branch (an order arrives) and to its
// reminder branch (the waits skipped), a visitor question with buttons, a list and free text, and
// the panel in Portuguese. The first tests check the API the panel stands on (what the stream
// sends); the rest drive the panel inside the flow editor. Screenshots land in __screenshots__.
import { sampleEventData } from '@jornada/flow-engine';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../../api/test/support/create-test-app.js';
import { BUILDER_DIST_VARIABLE } from './support/build-builder.js';
import { hasChromium, launchChromium, SKIP_MESSAGE } from './support/chromium.js';
import { watchPage } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';

const OWNER = { name: 'Ana Souza', email: 'ana@example.com', password: 'a long passphrase' };

jest.setTimeout(60_000);

if (!hasChromium()) {
  console.warn(SKIP_MESSAGE);
}
const describeInBrowser = hasChromium() ? describe : describe.skip;

interface SimulationState {
  status: string | null;
  waitingAt: string | null;
  waitingFor: string | null;
  timers: { nodeId: string; fireAt: string }[];
  path: { nodeId: string; output?: string }[];
  variables: Record<string, unknown>;
}

describeInBrowser('the simulator, in Chromium, on the real API and runtime', () => {
  let api: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  const flows: Record<string, string> = {};

  const url = (path: string) => `${api.url}${path}`;
  const post = async <T>(path: string, data: unknown): Promise<T> => {
    const response = await page.request.post(url(path), { data });
    if (!response.ok()) throw new Error(`POST ${path}: ${String(response.status())} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const get = async <T>(path: string): Promise<T> => (await (await page.request.get(url(path))).json()) as T;
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const panel = () => page.getByRole('complementary', { name: /^(Simulator|Simulador)$/ });
  const thread = () => panel().getByRole('log');
  const openSimulator = async (flowId: string, button = 'Test') => {
    const openedAt = Date.now();
    await page.goto(url(`/flows/${flowId}`));
    await page.getByRole('button', { name: button, exact: true }).click();
    await panel().waitFor();
    console.info(`simulator: editor and panel open ${String(Date.now() - openedAt)} ms after navigation`);
  };
  /** A box on the editor's canvas, by node id. */
  const box = (id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
  const bot = (text: string | RegExp): Locator => thread().locator('.sim-msg--out').filter({ hasText: text });

  beforeAll(async () => {
    const builderDist = process.env[BUILDER_DIST_VARIABLE];
    if (builderDist === undefined) throw new Error('The builder-e2e global setup did not build the builder');
    api = await createTestApp({ builderDist, env: { LOG_LEVEL: 'warn' } });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    watch = watchPage(page);
    await post('/api/auth/setup', { ...OWNER, workspaceName: 'Loja da Ana', locale: 'en' });
    for (const [key, templateId, locale] of [
      ['cart', 'cart-recovery', 'en'],
      ['visitor', 'visitor-question', 'en'],
      ['cartPt', 'cart-recovery', 'pt-BR'],
    ] as const) {
      flows[key] = (await post<{ id: string }>('/api/flows', { name: `${templateId} ${locale}`, templateId, locale })).id;
    }
    // The visitor flow also talks on SMS and web chat: the panel offers them.
    const visitor = await get<{ draftRevision: number; document: { settings: { channels: string[] } } }>(`/api/flows/${flows['visitor']!}`);
    visitor.document.settings.channels = ['whatsapp', 'sms', 'webchat'];
    const saved = await page.request.put(url(`/api/flows/${flows['visitor']!}/draft`), { data: { document: visitor.document, revision: visitor.draftRevision } });
    expect(saved.status()).toBe(200);
  });

  afterEach(() => watch.assertClean());

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  describe('the API under the panel', () => {
    it('streams the thread as Server-Sent Events: messages both ways, and session steps', async () => {
      const started = await post<{ id: string; sessionId: string }>(`/api/flows/${flows['visitor']!}/simulate`, { message: 'Hi', contactName: 'Bia' });
      await page.goto(url('/flows'));
      const body = await page.evaluate(async (id) => {
        const controller = new AbortController();
        const response = await fetch(`/api/simulations/${id}/stream`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
        const reader = response.body!.getReader();
        // Something the stream announces: the customer's tap and the bot's answer.
        void fetch(`/api/simulations/${id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ buttonId: 'human', title: 'Talk to a person' }) });
        let text = '';
        const deadline = Date.now() + 8000;
        while (Date.now() < deadline && !(text.includes('event: session') && text.includes('"direction":"out"'))) {
          const { value } = await reader.read();
          text += new TextDecoder().decode(value);
        }
        controller.abort();
        return text;
      }, started.id);
      expect(body).toMatch(/event: message\nid: [0-9a-f-]{36}\ndata: \{.*"direction":"in".*"title":"Talk to a person"/);
      expect(body).toMatch(/event: session\n(id: \d+\n)?data: \{"sessionId":"[0-9a-f-]{36}"\}/);
      expect(body).toContain('"direction":"out"');
      const state = await get<SimulationState>(`/api/simulations/${started.id}`);
      expect(state.path.filter((step) => step.nodeId === 'menu').map((step) => step.output)).toContain('human');
    });

    it('starts a commerce trigger with the sample cart, skips its wait, and takes an order to the converted branch', async () => {
      const started = await post<{ id: string }>(`/api/flows/${flows['cart']!}/simulate`, {});
      let state = await get<SimulationState>(`/api/simulations/${started.id}`);
      expect(state).toMatchObject({ waitingAt: 'wait_1h', waitingFor: 'timer', variables: { cart: { token: 'cart-7f3a9c' } } });
      await post(`/api/simulations/${started.id}/skip-wait`, {});
      state = await until(() => get<SimulationState>(`/api/simulations/${started.id}`), (s) => s.waitingAt === 'wait_order', 'the wait for an order');
      expect(await post(`/api/simulations/${started.id}/events`, { name: 'order.created', data: sampleEventData('order.created', 'en') })).toEqual({ outcome: 'advanced' });
      state = await get<SimulationState>(`/api/simulations/${started.id}`);
      expect(state.path.some((step) => step.nodeId === 'wait_order' && step.output !== 'timeout')).toBe(true);
    });
  });

  describe('the panel in the flow editor', () => {
    it('cart recovery, converted: the sample cart, skip the hour, the template, then an order arrives', async () => {
      await openSimulator(flows['cart']!);
      const form = panel();
      await form.getByRole('heading', { name: 'Start a test conversation' }).waitFor();
      expect(await form.getByLabel('Start from').locator('option:checked').textContent()).toBe('Shop event: Cart abandoned');
      expect(JSON.parse(await form.getByLabel('Event data (JSON)').inputValue())).toMatchObject({ token: 'cart-7f3a9c' });
      await screenshot(page, 'sim-01-start-form-en');

      await form.getByRole('button', { name: 'Start simulation' }).click();
      await panel().getByText('Waiting at Wait 1 hour').waitFor();
      await panel().getByText(/Wait 1 hour goes on in 1 hour/).waitFor();
      await box('wait_1h').locator('.is-sim-current').waitFor();
      await screenshot(page, 'sim-02-waiting-en');

      await panel().getByRole('button', { name: 'Skip the wait: fire the timer of Wait 1 hour now' }).click();
      await bot('Template abandoned_cart_reminder · en_US').waitFor();
      await thread().getByText('Lightweight running shoe').waitFor();
      await thread().getByRole('button', { name: 'Stop reminders' }).waitFor();
      await panel().getByText(/Waiting for Order created at Order within 23 h\?/).waitFor();
      await screenshot(page, 'sim-03-template-en');

      await panel().getByRole('button', { name: 'Send event' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send an event' });
      expect(await dialog.getByLabel('Event').inputValue()).toBe('order.created');
      await screenshot(page, 'sim-04-send-event-en');
      await dialog.getByRole('button', { name: 'Send event' }).click();
      await page.locator('.toast').filter({ hasText: 'Order created sent: the flow went on.' }).waitFor();
      await panel().getByText('Ended').first().waitFor();

      await panel().getByRole('tab', { name: 'Inspector' }).click();
      const inspector = panel().getByRole('tabpanel', { name: 'Inspector' });
      await inspector.getByText('order', { exact: true }).waitFor();
      await inspector.getByText('Order within 23 h?').first().waitFor();
      await screenshot(page, 'sim-05-converted-inspector-en');
      // The canvas marks the path the simulator reported: the converted branch, not the coupon.
      for (const id of ['wait_order', 'converted', 'thank']) await box(id).locator('.is-sim-entered, .is-sim-current').waitFor();
      expect(await box('coupon').locator('.is-sim-entered, .is-sim-current').count()).toBe(0);
    });

    it('cart recovery, reminder: restart, skip both waits, the coupon reminder goes out', async () => {
      await panel().getByRole('button', { name: 'Restart the simulation from the start form values' }).click();
      await panel().getByText('Waiting at Wait 1 hour').waitFor();
      await panel().getByRole('button', { name: /^Skip the wait/ }).click();
      await panel().getByText(/Order within 23 h\? times out (in 23 hours|tomorrow) without the event/).waitFor();
      await panel().getByRole('button', { name: 'Skip the wait: fire the timer of Order within 23 h? now' }).click();
      await bot(/VOLTA10|coupon/i).first().waitFor();
      await screenshot(page, 'sim-06-reminder-en');
      await box('coupon').locator('.is-sim-entered, .is-sim-current').waitFor();
      await panel().getByRole('button', { name: 'Stop the simulation and go back to the start form' }).click();
      await panel().getByRole('button', { name: 'Start simulation' }).waitFor();
      // Stopped: the canvas no longer marks a path.
      expect(await page.locator('.is-sim-entered, .is-sim-current').count()).toBe(0);
    });

    it('visitor question: reply buttons, a list, free text, keyboard only', async () => {
      await openSimulator(flows['visitor']!);
      await panel().getByLabel('The customer’s first message').fill('Hi');
      await panel().getByRole('button', { name: 'Start simulation' }).click();
      await bot('How can I help?').waitFor();
      await screenshot(page, 'sim-07-visitor-buttons-en');

      // Keyboard: focus the first reply button and press Enter.
      await thread().getByRole('button', { name: 'Product question' }).focus();
      await page.keyboard.press('Enter');
      await thread().locator('.sim-msg--in').filter({ hasText: 'Product question' }).waitFor();
      // The list's menu button, by keyboard: Enter opens the rows, Escape closes them and focus comes back.
      const listButton = thread().getByRole('button', { name: 'Open the list: See topics' });
      await listButton.focus();
      await page.keyboard.press('Enter');
      const list = page.getByRole('dialog', { name: 'See topics' });
      await list.waitFor();
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });
      expect(await listButton.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await screenshot(page, 'sim-08-visitor-list-en');
      await list.getByRole('button', { name: /Delivery time/ }).focus();
      await page.keyboard.press('Enter');
      await bot(/We ship within 2 business days/).waitFor();
      await bot('Did that answer your question?').waitFor();

      const composer = panel().getByLabel('Message as the customer');
      await composer.fill('yes');
      const sentAt = Date.now();
      await composer.press('Enter');
      await bot('Glad I could help! Message us any time. 💚').waitFor();
      // From Enter to the bot's answer on screen: the post, the inbound queue, the step, the send, the stream.
      const replyMs = Date.now() - sentAt;
      console.info(`simulator: reply on screen ${String(replyMs)} ms after Enter`);
      expect(replyMs).toBeLessThan(3_000);
      await screenshot(page, 'sim-09-visitor-free-text-en');
    });

    it('renders as SMS (numbered options, no buttons) and as web chat (quick replies)', async () => {
      await openSimulator(flows['visitor']!);
      expect(await panel().getByLabel('Show messages as').locator('option').allTextContents()).toEqual(['WhatsApp', 'SMS', 'Web chat']);
      await panel().getByLabel('Show messages as').selectOption('sms');
      await panel().getByRole('button', { name: 'Start simulation' }).click();
      await bot(/How can I help\?\s+1\. Product question\s+2\. Where is my order\s+3\. Talk to a person/).waitFor();
      expect(await thread().getByRole('button').count()).toBe(0);
      const composer = panel().getByLabel('Message as the customer');
      await composer.fill('1');
      await composer.press('Enter');
      await bot(/What is your question about\?\s+1\. Delivery time/).waitFor();
      await screenshot(page, 'sim-10-sms-en');

      await panel().getByRole('button', { name: 'Stop the simulation and go back to the start form' }).click();
      await panel().getByLabel('Show messages as').selectOption('webchat');
      await panel().getByRole('button', { name: 'Start simulation' }).click();
      await thread().locator('.sim-choices--webchat').getByRole('button', { name: 'Where is my order' }).click();
      await bot('What is your order number?').waitFor();
      await screenshot(page, 'sim-10b-webchat-en');

      // The order lookup calls the shop's API (which does not exist here): the panel says what it waits for.
      await composer.fill('1042');
      await composer.press('Enter');
      await panel().getByText('Waiting for an HTTP answer at Look up order').waitFor();
      await panel().getByRole('tab', { name: 'Inspector' }).click();
      const inspector = panel().getByRole('tabpanel', { name: 'Inspector' });
      await inspector.getByText('an HTTP answer').waitFor();
      expect(await inspector.locator('.sim-vars__row', { hasText: 'order_number' }).locator('dd').textContent()).toBe('1042');
      await screenshot(page, 'sim-10c-http-wait-inspector-en');
    });

    it('speaks Portuguese', async () => {
      await page.evaluate(() => window.localStorage.setItem('jornada.locale', 'pt-BR'));
      await openSimulator(flows['cartPt']!, 'Testar');
      await panel().getByRole('heading', { name: 'Comece uma conversa de teste' }).waitFor();
      expect(JSON.parse(await panel().getByLabel('Dados do evento (JSON)').inputValue())).toMatchObject({ currency: 'BRL' });
      await panel().getByRole('button', { name: 'Iniciar simulação' }).click();
      await panel().getByText('Esperando em Esperar 1 hora').or(panel().getByText(/^Esperando em /)).first().waitFor();
      await panel().getByRole('button', { name: /^Pular a espera/ }).click();
      await bot(/Modelo abandoned_cart_reminder · pt_BR/).waitFor();
      await screenshot(page, 'sim-11-template-pt');
      await page.evaluate(() => window.localStorage.setItem('jornada.locale', 'en'));
    });
  });
});
