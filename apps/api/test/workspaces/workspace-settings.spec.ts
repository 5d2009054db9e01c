// My workspaces, creating one, and the current workspace's settings (validated at the edge).
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { AccountKit, call, type Person } from '../accounts/account-kit.js';

describe('workspaces and settings', () => {
  let api: TestApp;
  let kit: AccountKit;
  let shop: string;
  let owner: Person;
  let editor: Person;

  beforeAll(async () => {
    api = await createTestApp();
    kit = await AccountKit.create(api.database.dataSource);
    shop = await kit.workspace('Loja');
    owner = await kit.person(shop, 'owner');
    editor = await kit.person(shop, 'editor');
  });
  afterAll(() => api.close());

  it('lists my workspaces with my role; creating one makes me its owner', async () => {
    const created = await call(api, 'POST', '/api/workspaces', { token: editor.token, body: { name: '  Loja Nova  ', currency: 'BRL', country: 'BR' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Loja Nova', slug: expect.stringMatching(/^loja-nova-[a-z2-9]{6}$/), currency: 'BRL', country: 'BR', role: 'owner' });
    const mine = await call(api, 'GET', '/api/workspaces', { token: editor.token });
    expect(mine.body).toEqual({
      workspaces: [
        { id: shop, name: 'Loja', role: 'editor' },
        { id: created.body.id, name: 'Loja Nova', role: 'owner' },
      ],
    });
  });

  it('refuses bad workspace input naming the field', async () => {
    const response = await call(api, 'POST', '/api/workspaces', { token: owner.token, body: { name: '', timezone: '+03:00', currency: 'brl' } });
    expect(response.status).toBe(400);
    expect(new Set(response.body.error.details.map((detail: { field: string }) => detail.field))).toEqual(new Set(['name', 'timezone', 'currency']));
  });

  it('reads and changes the current workspace’s settings', async () => {
    const hours = {
      timezone: 'America/Sao_Paulo',
      days: { mon: [{ start: '09:00', end: '18:00' }], fri: [{ start: '22:00', end: '02:00' }], sun: [] },
      holidays: ['2026-12-25', '01-01'],
    };
    const patched = await call(api, 'PATCH', '/api/workspace', {
      token: owner.token,
      body: { name: 'Loja da Ana', timezone: 'america/sao_paulo', locale: 'pt-BR', currency: 'BRL', country: 'BR', businessHours: hours },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: shop, name: 'Loja da Ana', timezone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL', country: 'BR', businessHours: hours });
    expect((await call(api, 'GET', '/api/workspace', { token: editor.token })).body).toEqual(patched.body);
    const cleared = await call(api, 'PATCH', '/api/workspace', { token: owner.token, body: { businessHours: null, country: null } });
    expect(cleared.body).toMatchObject({ name: 'Loja da Ana', businessHours: null, country: null });
  });

  it('names every bad business-hours field, down to the interval', async () => {
    const response = await call(api, 'PATCH', '/api/workspace', {
      token: owner.token,
      body: {
        locale: 'fr',
        businessHours: { timezone: 'Nowhere/City', days: { mon: [{ start: '9:00', end: '18:00' }, { start: '10:00', end: '10:00' }], funday: [] }, holidays: ['2026-02-30'] },
      },
    });
    expect(response.status).toBe(400);
    const fields = new Set(response.body.error.details.map((detail: { field: string }) => detail.field));
    expect(fields).toEqual(
      new Set(['locale', 'businessHours.timezone', 'businessHours.days.mon.0.start', 'businessHours.days.mon.1.end', 'businessHours.days.funday', 'businessHours.holidays']),
    );
    const missingDays = await call(api, 'PATCH', '/api/workspace', { token: owner.token, body: { businessHours: {} } });
    expect(missingDays.body.error.details.map((detail: { field: string }) => detail.field)).toContain('businessHours.days');
  });

  it('lets only owners and admins change settings', async () => {
    const response = await call(api, 'PATCH', '/api/workspace', { token: editor.token, body: { name: 'Mine now' } });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('Your role (editor) does not allow workspace.manage.');
  });
});
