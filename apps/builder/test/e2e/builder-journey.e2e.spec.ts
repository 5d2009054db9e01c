// The builder in real Chromium against the real API on PostgreSQL: what a shop's marketer does
// in the first hour, in order. Each step leaves the state the next one starts from. Any page
// error or console error fails the step (see page-watch.ts), and every screen is saved as a
// PNG under __screenshots__ for people to look at.
import { readFile } from 'node:fs/promises';
import { JOURNEY_TEMPLATES } from '@jornada/flow-engine';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../../api/test/support/create-test-app.js';
import { BUILDER_DIST_VARIABLE } from './support/build-builder.js';
import { hasChromium, launchChromium, SKIP_MESSAGE } from './support/chromium.js';
import { watchPage } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';

const OWNER = { name: 'Ana Souza', email: 'ana@example.com', password: 'a long passphrase' };
const CART_TEMPLATE = JOURNEY_TEMPLATES.find((template) => template.id === 'cart-recovery')!;

// Jest's testTimeout is global, not per project: the browser steps set their own.
jest.setTimeout(30_000);

if (!hasChromium()) {
  console.warn(SKIP_MESSAGE);
}
const describeInBrowser = hasChromium() ? describe : describe.skip;

describeInBrowser('the builder, in Chromium, on the real API', () => {
  let api: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  let invitationLink = '';

  const url = (path: string) => `${api.url}${path}`;
  const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text });
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  const rowMenu = async (name: string, item: string) => {
    await page.getByRole('button', { name: `More actions for ${name}`, exact: true }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };

  beforeAll(async () => {
    const builderDist = process.env[BUILDER_DIST_VARIABLE];
    if (builderDist === undefined) throw new Error('The builder-e2e global setup did not build the builder');
    api = await createTestApp({ builderDist, env: { SEED_DEMO: 'true', LOG_LEVEL: 'warn' } });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'en-US', acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.url });
    // A missing element fails fast, with the locator in the message.
    context.setDefaultTimeout(8_000);
    page = await context.newPage();
    watch = watchPage(page);
    // Before signing in, the app asks who is there: 401 is the expected answer.
    watch.expectHttpError({ path: /^\/api\/auth\/me$/, status: 401 });
  });

  afterEach(() => watch.assertClean());

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the app at deep links, and keeps /api and /webhooks to the server', async () => {
    const deep = await fetch(url('/flows/some-id/versions'), { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const apiMiss = await fetch(url('/api/nope'), { headers: { accept: 'text/html' } });
    expect(apiMiss.status).toBe(404);
    expect(await apiMiss.json()).toMatchObject({ error: { code: 'not_found' } });
    const webhook = await fetch(url('/webhooks/whatsapp/unknown'), { headers: { accept: 'text/html' } });
    expect(webhook.headers.get('content-type')).toContain('application/json');
  });

  it('first run: the sign-up creates the owner, who lands on the demo flows', async () => {
    await page.goto(url('/'));
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { name: 'Set up Jornada' }).waitFor();
    await screenshot(page, '01-setup-en');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.getByText('Required.').count()).toBe(3);
    await page.getByLabel('Your name').fill(OWNER.name);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/flows');
    await toast(`Welcome to Jornada, ${OWNER.name}.`).waitFor();
    await page.getByText('3 flows').waitFor();
    for (const template of JOURNEY_TEMPLATES) await row(template.name['pt-BR']).waitFor();
    expect(await row(CART_TEMPLATE.name['pt-BR']).getByText('Published', { exact: true }).count()).toBe(1);
    await screenshot(page, '02-flows-en');
  });

  it('creates a flow from a template, and opens it in the editor', async () => {
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByRole('radio', { name: new RegExp(CART_TEMPLATE.name.en) }).check();
    expect(await dialog.getByLabel('Name').inputValue()).toBe(CART_TEMPLATE.name.en);
    await screenshot(page, '03-new-flow-en');
    await dialog.getByLabel('Name').fill('Black Friday cart');
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    await toast('Flow “Black Friday cart” created.').waitFor();
    await page.getByText('Black Friday cart').first().waitFor();
    await page.goto(url('/flows'));
    await row('Black Friday cart').waitFor();
  });

  it('renames, duplicates and deletes (after confirming) a flow', async () => {
    await rowMenu('Black Friday cart', 'Rename');
    const rename = page.getByRole('dialog', { name: 'Rename flow' });
    await rename.getByLabel('Name').fill('BF cart recovery');
    await rename.getByRole('button', { name: 'Save' }).click();
    await toast('Flow renamed to “BF cart recovery”.').waitFor();
    await row('BF cart recovery').waitFor();

    await rowMenu('BF cart recovery', 'Duplicate');
    await toast(/Copy created: “BF cart recovery \(copy\)”/).waitFor();
    await row('BF cart recovery (copy)').waitFor();

    await rowMenu('BF cart recovery (copy)', 'Delete');
    const confirm = page.getByRole('alertdialog', { name: 'Delete “BF cart recovery (copy)”?' });
    await screenshot(page, '04-delete-confirm-en');
    await confirm.getByRole('button', { name: 'Delete flow' }).click();
    await toast('Flow “BF cart recovery (copy)” deleted.').waitFor();
    await row('BF cart recovery (copy)').waitFor({ state: 'detached' });
  });

  it('exports a flow as JSON and imports it back; a broken file gets readable errors', async () => {
    const downloading = page.waitForEvent('download');
    await rowMenu('BF cart recovery', 'Export JSON');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('bf-cart-recovery.flow.json');
    const exported = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ name: 'BF cart recovery', nodes: expect.any(Array) });
    await toast('Downloaded bf-cart-recovery.flow.json.').waitFor();

    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a flow' });
    const file = dialog.locator('input[type=file]');
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"nodes": [') });
    await dialog.getByText(/This file is not valid JSON/).waitFor();

    watch.expectHttpError({ path: /^\/api\/flows\/import$/, status: 400 });
    await file.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'Wrong', nodes: 'none' })) });
    await dialog.getByRole('button', { name: 'Import flow' }).click();
    await dialog.getByText('The flow in this file has problems:').waitFor();
    await dialog.locator('.issue-list code', { hasText: 'nodes' }).first().waitFor();
    await screenshot(page, '05-import-errors-en');

    await file.setInputFiles({ name: 'bf-cart-recovery.flow.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await dialog.getByLabel('Name').fill('Imported cart');
    await dialog.getByRole('button', { name: 'Import flow' }).click();
    await toast('Flow “Imported cart” imported.').waitFor();
    await row('Imported cart').waitFor();
  });

  it('compares versions and restores one into the draft, explaining a conflict', async () => {
    const name = CART_TEMPLATE.name['pt-BR'];
    const href = await row(name).getByRole('link', { name, exact: true }).getAttribute('href');
    const flowId = href!.split('/').pop()!;
    // Version 2: one message reworded, published through the API the builder uses.
    const flow = (await (await page.request.get(url(`/api/flows/${flowId}`))).json()) as { draftRevision: number; document: { nodes: { type: string; data: { text?: string } }[] } };
    const message = flow.document.nodes.find((node) => node.type === 'message')!;
    message.data.text = `${message.data.text ?? ''} (Black Friday)`;
    expect((await page.request.put(url(`/api/flows/${flowId}/draft`), { data: { document: flow.document, revision: flow.draftRevision } })).status()).toBe(200);
    expect((await page.request.post(url(`/api/flows/${flowId}/publish`), { data: {} })).status()).toBe(200);

    await page.reload();
    await rowMenu(name, 'Versions');
    await page.waitForURL(`**/flows/${flowId}/versions`);
    await page.getByRole('heading', { name: `Versions of ${name}` }).waitFor();
    await page.getByText('1 changed').waitFor();
    await page.getByText(/^Changed message .*: text$/).first().waitFor();
    await screenshot(page, '06-versions-en');

    // Someone saves the draft after this page loaded: restoring must not overwrite it.
    const current = (await (await page.request.get(url(`/api/flows/${flowId}`))).json()) as { draftRevision: number; document: unknown };
    await page.request.put(url(`/api/flows/${flowId}/draft`), { data: { document: current.document, revision: current.draftRevision } });
    watch.expectHttpError({ path: new RegExp(`^/api/flows/${flowId}/versions/1/restore$`), status: 409 });
    await page.getByRole('button', { name: 'Restore: Version 1' }).click();
    await page.getByRole('alertdialog', { name: 'Restore version 1 into the draft?' }).getByRole('button', { name: 'Restore into draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'The draft changed since this page loaded' }).waitFor();
    await screenshot(page, '07-restore-conflict-en');

    await page.getByRole('button', { name: 'Load the latest draft' }).click();
    await page.getByText(`Draft revision ${String(current.draftRevision + 1)}`).waitFor();
    await page.getByRole('button', { name: 'Restore: Version 1' }).click();
    await page.getByRole('button', { name: 'Restore into draft' }).click();
    await toast(`Version 1 restored into the draft (revision ${String(current.draftRevision + 2)}).`).waitFor();
    await page.getByText(/No difference|Only boxes were moved/).waitFor();
  });

  it('changes workspace settings: time zone from the searchable list, a holiday', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings/workspace');
    const zone = page.getByRole('combobox', { name: 'Time zone', exact: true });
    await zone.fill('lisbon');
    await page.getByRole('option', { name: /Europe \/ Lisbon/ }).waitFor();
    await zone.press('Enter');
    expect(await zone.inputValue()).toBe('Europe / Lisbon');
    await page.getByLabel('Date', { exact: true }).fill('2026-12-25');
    await page.getByRole('checkbox', { name: 'Every year' }).check();
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByText('You have unsaved changes.').waitFor();
    await screenshot(page, '08-settings-workspace-en');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await toast('Workspace settings saved.').waitFor();

    await page.reload();
    expect(await page.getByRole('combobox', { name: 'Time zone', exact: true }).inputValue()).toBe('Europe / Lisbon');
    await page.getByRole('listitem').filter({ hasText: 'December 25' }).filter({ hasText: 'Every year' }).waitFor();
    const stored = (await (await page.request.get(url('/api/workspace'))).json()) as { timezone: string; businessHours: { holidays?: string[] } | null };
    expect(stored.timezone).toBe('Europe/Lisbon');
    expect(stored.businessHours?.holidays).toContain('12-25');
  });

  it('invites a member and shows the link to share', async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email').fill('bruno@example.com');
    await dialog.getByLabel('Role').selectOption('editor');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const shared = page.getByRole('dialog', { name: 'Share this link with bruno@example.com' });
    invitationLink = await shared.getByLabel('Invitation link').inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${api.url}/accept-invitation#token=.+`));
    await screenshot(page, '09-invitation-link-en');
    await shared.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('row').filter({ hasText: 'bruno@example.com' }).waitFor();
    await screenshot(page, '10-settings-members-en');
  });

  it('creates an API key, shown once with a copy button', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'No API keys' }).waitFor();
    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Name').fill('Shopify sync');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const created = page.getByRole('dialog', { name: 'Copy your new key' });
    const key = await created.getByLabel('API key').inputValue();
    expect(key).toMatch(/^jrn_/);
    await created.getByRole('button', { name: 'Copy', exact: true }).click();
    await created.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await screenshot(page, '11-api-key-created-en');
    await created.getByRole('button', { name: 'I copied it' }).click();
    await page.getByRole('row').filter({ hasText: 'Shopify sync' }).waitFor();
    // The key works, and is never shown again.
    expect((await fetch(url('/api/flows'), { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expect(await page.getByText(key).count()).toBe(0);
  });

  it('creates a second workspace, works in it, and switches back', async () => {
    await page.getByRole('button', { name: 'Workspace: Demo' }).click();
    await page.getByRole('menuitem', { name: 'Create workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByLabel('Workspace name').fill('Loja Nova');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await toast('Workspace “Loja Nova” created. You are working in it now.').waitFor();
    await page.getByRole('link', { name: 'Flows' }).click();
    await page.getByRole('heading', { name: 'Create your first flow' }).waitFor();
    await screenshot(page, '12-empty-workspace-en');

    await page.getByRole('button', { name: 'Workspace: Loja Nova' }).click();
    await screenshot(page, '13-workspace-switcher-en');
    await page.getByRole('menuitemradio', { name: 'Demo' }).click();
    await toast('You are now working in “Demo”.').waitFor();
    await page.waitForURL('**/flows');
    await row('Imported cart').waitFor();
  });

  it('works from the keyboard: a row menu opens a dialog that Escape closes, focus comes back', async () => {
    await page.getByRole('link', { name: 'Flows' }).click();
    const trigger = page.getByRole('button', { name: 'More actions for Imported cart' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Open editor' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open editor');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Rename flow' });
    await dialog.waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Imported cart');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('More actions for Imported cart');
  });

  it('speaks Portuguese once switched: labels, plurals and dates', async () => {
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitemradio', { name: 'Português (Brasil)' }).click();
    await page.getByRole('heading', { name: 'Fluxos', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Configurações' }).waitFor();
    await page.getByText('5 fluxos').waitFor();
    await page.getByRole('columnheader', { name: 'Última edição' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
    await screenshot(page, '14-flows-pt-BR');

    await page.goto(url('/settings/workspace'));
    await page.getByRole('heading', { name: 'Horário de atendimento' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: '25 de dezembro' }).waitFor();
    await screenshot(page, '15-settings-workspace-pt-BR');
    await page.getByRole('link', { name: 'Membros' }).click();
    await page.getByRole('heading', { name: 'Convites pendentes' }).waitFor();
    await screenshot(page, '16-settings-members-pt-BR');
    await page.getByRole('link', { name: 'Chaves de API' }).click();
    await page.getByRole('columnheader', { name: 'Último uso' }).waitFor();
    await screenshot(page, '17-settings-api-keys-pt-BR');

    const name = CART_TEMPLATE.name['pt-BR'];
    await page.getByRole('link', { name: 'Fluxos' }).click();
    await page.getByRole('button', { name: `Mais ações para ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Versões' }).click();
    await page.getByRole('heading', { name: `Versões de ${name}` }).waitFor();
    await page.getByText(/Mensagem .* alterada: texto/).first().waitFor();
    await screenshot(page, '18-versions-pt-BR');
    // The choice is remembered: a new visit starts in Portuguese.
    await page.reload();
    await page.getByRole('heading', { name: `Versões de ${name}` }).waitFor();
  });

  it('an invited person accepts the link, and as an editor sees no members', async () => {
    const invited = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'en-US' });
    const other = await invited.newPage();
    const otherWatch = watchPage(other);
    otherWatch.expectHttpError({ path: /^\/api\/auth\/me$/, status: 401 });
    otherWatch.expectHttpError({ path: /^\/api\/auth\/login$/, status: 401 });
    otherWatch.expectHttpError({ path: /^\/api\/auth\/login$/, status: 429 });
    try {
      await other.goto(invitationLink);
      await other.getByRole('heading', { name: 'Join a workspace' }).waitFor();
      await screenshot(other, '19-accept-invitation-en');
      await other.getByLabel('Your name').fill('Bruno Lima');
      await other.getByLabel('Password').fill('another long passphrase');
      await other.getByRole('button', { name: 'Accept invitation' }).click();
      await other.waitForURL('**/flows');
      await other.locator('.toast').filter({ hasText: 'You joined “Demo” as Editor.' }).waitFor();
      await other.getByRole('link', { name: 'Settings' }).click();
      await other.waitForURL('**/settings/preferences');
      expect(await other.getByRole('link', { name: 'Members' }).count()).toBe(0);
      expect(await other.getByRole('link', { name: 'API keys' }).count()).toBe(0);
      await screenshot(other, '20-settings-editor-en');

      // Signing out, then a guessed password: refused, and after five tries, paused.
      await other.getByRole('button', { name: 'Account: Bruno Lima' }).click();
      await other.getByRole('menuitem', { name: 'Sign out' }).click();
      await other.waitForURL('**/login');
      await other.getByLabel('Email').fill('nobody@example.com');
      await other.getByLabel('Password').fill('guess number 1');
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other.getByRole('alert').filter({ hasText: 'That email and password do not match an account.' }).waitFor();
      // Four more wrong guesses from the same address, straight to the API (each costs a password hash).
      const guesses = [2, 3, 4, 5].map((attempt) =>
        fetch(url('/api/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.com', password: `guess number ${String(attempt)}` }) }),
      );
      expect((await Promise.all(guesses)).map((response) => response.status)).toEqual([401, 401, 401, 401]);
      await other.getByLabel('Password').fill('guess number 6');
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other.getByRole('alert').filter({ hasText: /Too many attempts\. For your security, sign-in is paused for 15 minutes\./ }).waitFor();
      expect(await other.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
      await screenshot(other, '21-login-rate-limited-en');
      otherWatch.assertClean();
    } finally {
      await invited.close();
    }
  });
});
