// The node inspector inside the real flow editor, in Chromium, against the real API: edits made
// with the keyboard only (fields, the variable picker, list editing, the flow's variables) reach
// the editor's document (its canvas boxes show them, undo takes them back one edit at a time);
// the template preview renders sample data; an invalid edit is held with its reason; Portuguese;
// no console errors. Saving the draft is the editor's (its own browser test covers it).
// Screenshots land in __screenshots__ (inspector-*.png).
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../../api/test/support/create-test-app.js';
import { BUILDER_DIST_VARIABLE } from './support/build-builder.js';
import { hasChromium, launchChromium, SKIP_MESSAGE } from './support/chromium.js';
import { watchPage } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';
import { eventually } from './support/eventually.js';

const OWNER = { name: 'Ana Souza', email: 'ana@example.com', password: 'a long passphrase' };

jest.setTimeout(60_000);

if (!hasChromium()) {
  console.warn(SKIP_MESSAGE);
}
const describeInBrowser = hasChromium() ? describe : describe.skip;

describeInBrowser('the node inspector, in Chromium, in the flow editor', () => {
  let api: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  let flowId = '';

  const url = (path: string) => `${api.url}${path}`;
  const inspector = (): Locator => page.locator('.node-inspector');
  const box = (id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
  const selectBox = async (id: string) => {
    await box(id).click();
    // The inspector follows the selection in a transition: wait for this box's form, not any title.
    await page.locator(`.node-inspector[data-selection="node:${id}"], .node-inspector[data-selection="trigger:${id}"]`).waitFor();
  };
  const deselect = async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
    await inspector().getByRole('heading', { name: /^(Flow settings|Configurações do fluxo)$/ }).waitFor();
  };

  beforeAll(async () => {
    const builderDist = process.env[BUILDER_DIST_VARIABLE];
    if (builderDist === undefined) throw new Error('The builder-e2e global setup did not build the builder');
    api = await createTestApp({ builderDist, env: { LOG_LEVEL: 'warn' } });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    watch = watchPage(page);
    const setup = await page.request.post(url('/api/auth/setup'), { data: { ...OWNER, workspaceName: 'Loja da Ana', locale: 'en' } });
    if (!setup.ok()) throw new Error(`setup: ${String(setup.status())}`);
    const created = await page.request.post(url('/api/flows'), { data: { name: 'Cart recovery', templateId: 'cart-recovery', locale: 'en' } });
    flowId = ((await created.json()) as { id: string }).id;
    await page.goto(url(`/flows/${flowId}`));
    await page.locator('.react-flow__node').first().waitFor();
  });

  afterEach(() => watch.assertClean());

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('edits a message with the keyboard: preview over sample data, a variable inserted at the cursor, one undo step per edit', async () => {
    await selectBox('confirm_opt_out');
    const text = inspector().getByLabel('Text', { exact: true });
    const original = await text.inputValue();
    await text.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Total: {{cart.total | currency}}');
    await eventually(async () => expect(await inspector().locator('.inspector-preview__text').innerText()).toContain('Total: $259.80'));
    // Typing alone does not edit the flow: the box changes when the field is left.
    expect(await box('confirm_opt_out').innerText()).not.toContain('Total');

    // Shift+Tab reaches the picker button; Enter opens it; typing narrows; Enter inserts at the cursor.
    await page.keyboard.press('Shift+Tab');
    await eventually(async () => expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('listbox'));
    await page.keyboard.press('Enter');
    await page.keyboard.type('first_name');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await text.inputValue()).toBe(`${original} Total: {{cart.total | currency}}{{contact.first_name}}`));
    await eventually(async () => expect(await text.evaluate((element) => element === document.activeElement)).toBe(true));
    await eventually(async () => expect(await inspector().locator('.inspector-preview__text').innerText()).toContain('Total: $259.80Ana'));
    await box('confirm_opt_out').getByText('contact.first_name').waitFor();
    await screenshot(page, 'inspector-01-message-preview-en');

    // Two edits (leaving the field, then the insertion): two undo steps back to the original.
    await deselect();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await selectBox('confirm_opt_out');
    await eventually(async () => expect(await inspector().getByLabel('Text', { exact: true }).inputValue()).toBe(original));
  });

  it('adds, names and moves the branches of a condition from the keyboard', async () => {
    await selectBox('is_opt_out');
    await inspector().getByRole('button', { name: 'Add a branch' }).focus();
    await page.keyboard.press('Enter');
    // Focus lands in the new branch's first field: its name.
    await page.keyboard.type('Big cart');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await eventually(async () => expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('branches.1.when'));
    await page.keyboard.press('Control+a');
    await page.keyboard.type('cart.total > 200');
    await eventually(async () => expect(await inspector().getByText('With sample data:').last().locator('..').innerText()).toContain('true'));
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(async () => expect(await inspector().locator('.list-editor__name').allInnerTexts()).toEqual(['Big cart', 'Opt-out']));
    // The condition typed just before the move travels with its branch.
    await eventually(async () => expect(await inspector().locator('[data-path="branches.0.when"]').inputValue()).toBe('cart.total > 200'));
    await box('is_opt_out').getByText('Big cart').waitFor();
    await screenshot(page, 'inspector-02-condition-en');
  });

  it('holds an emptied required field with its reason, and applies the fix', async () => {
    await selectBox('thank');
    const name = inspector().getByLabel('Template name', { exact: true });
    await name.fill('');
    await name.press('Tab');
    await inspector().getByText('Not applied yet').waitFor();
    await eventually(async () => expect(await name.getAttribute('aria-invalid')).toBe('true'));
    await inspector().getByText('Lower-case letters, digits and “_”, as approved by Meta.').waitFor();
    await eventually(async () => expect(await box('thank').innerText()).toContain('purchase_thank_you'));
    await screenshot(page, 'inspector-03-held-en');
    await name.fill('purchase_thanks_v2');
    await name.press('Tab');
    await box('thank').getByText('purchase_thanks_v2').waitFor();
    await eventually(async () => expect(await inspector().getByText('Not applied yet').count()).toBe(0));
  });

  it('shows the flow settings with nothing selected and declares a variable the picker then offers', async () => {
    await deselect();
    await inspector().getByRole('button', { name: 'Add a variable' }).focus();
    await page.keyboard.press('Enter');
    // The new variable's name field takes the focus once it is rendered: type only then (a slow
    // machine would otherwise send the keys to the button, or select the page).
    await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement && document.activeElement.closest('.node-inspector') !== null);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('vip_discount');
    await page.keyboard.press('Enter');
    await inspector().locator('.list-editor__name', { hasText: 'vip_discount' }).waitFor();
    await screenshot(page, 'inspector-04-flow-settings-en');
    await selectBox('confirm_opt_out');
    await inspector().getByRole('button', { name: 'Insert a variable into Text' }).click();
    await inspector().getByRole('option', { name: /vip_discount/ }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('speaks Portuguese', async () => {
    await page.evaluate(() => window.localStorage.setItem('jornada.locale', 'pt-BR'));
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await selectBox('wait_order');
    await inspector().getByText('Esperar no máximo').waitFor();
    await inspector().getByText('Quanto esperar antes da saída "tempo esgotado".').waitFor();
    await screenshot(page, 'inspector-05-wait-for-event-pt');
    await page.evaluate(() => window.localStorage.setItem('jornada.locale', 'en'));
  });
});
