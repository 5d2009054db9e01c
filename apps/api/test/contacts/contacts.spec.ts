// Contacts through the HTTP API on real PostgreSQL: CRUD, search by name (any case or
// accent), email and phone (any notation), tags, consent, identities and their uniqueness.
import { foldForSearch } from '../../src/contacts/contact-fields.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { callerFor, createWorkspace, HeaderAuthenticator, type Caller } from '../flows/api-client.js';

describe('contacts', () => {
  let api: TestApp;
  let editor: Caller;
  let agent: Caller;

  beforeAll(async () => {
    api = await createTestApp({ authenticator: new HeaderAuthenticator() });
    const workspaceId = await createWorkspace(api.database.dataSource, { country: 'BR' });
    editor = callerFor(api.url, { workspaceId, role: 'editor' });
    agent = callerFor(api.url, { workspaceId, role: 'agent' });
  });
  afterAll(() => api.close());

  async function create(body: Record<string, unknown>): Promise<string> {
    const response = await editor.request('POST', '/api/contacts', body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  it('creates, reads, updates and deletes a contact, normalising phone and email', async () => {
    const created = await editor.request('POST', '/api/contacts', {
      name: '  Ana   Souza ',
      email: 'Ana.Souza@Example.COM',
      phone: '(11) 98765-4321',
      attributes: { city: 'São Paulo', orders: 3 },
      tags: ['vip', ' vip ', 'newsletter'],
      optIn: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Ana Souza',
      firstName: 'Ana',
      email: 'ana.souza@example.com',
      phone: '+5511987654321',
      attributes: { city: 'São Paulo', orders: 3 },
      tags: ['vip', 'newsletter'],
      optIn: { status: 'subscribed', optedInAt: expect.any(String), optedOutAt: null },
      identities: [],
    });
    const id = created.body.id as string;

    expect((await agent.request('GET', `/api/contacts/${id}`)).body).toEqual(created.body);

    const updated = await editor.request('PATCH', `/api/contacts/${id}`, { name: 'Ana Lima', email: null, attributes: { orders: 4, city: null, vip_since: '2026' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Ana Lima', firstName: 'Ana', email: null, phone: '+5511987654321', attributes: { orders: 4, vip_since: '2026' } });
    expect(updated.body.attributes).not.toHaveProperty('city');

    expect((await editor.request('DELETE', `/api/contacts/${id}`)).status).toBe(204);
    expect((await agent.request('GET', `/api/contacts/${id}`)).status).toBe(404);
    expect((await editor.request('PATCH', `/api/contacts/${id}`, { name: 'x' })).status).toBe(404);
    // Its phone is free again.
    await create({ name: 'Ana again', phone: '+55 11 98765-4321' });
  });

  it('refuses a duplicate phone or email with 409 naming the contact that has it', async () => {
    const first = await create({ name: 'Bruno', phone: '21 99876-5432', email: 'bruno@example.com' });
    const phone = await editor.request('POST', '/api/contacts', { name: 'Other', phone: '+5521998765432' });
    expect(phone.status).toBe(409);
    expect(phone.body.error).toMatchObject({ code: 'contact_exists', meta: { contactId: first, field: 'phone' }, details: [{ field: 'phone' }] });
    const email = await editor.request('POST', '/api/contacts', { name: 'Other', email: 'BRUNO@example.com' });
    expect(email.body.error).toMatchObject({ code: 'contact_exists', meta: { contactId: first, field: 'email' } });

    const second = await create({ name: 'Carla' });
    const taken = await editor.request('PATCH', `/api/contacts/${second}`, { phone: '(21) 99876-5432' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.meta.contactId).toBe(first);
    // Changing a contact's own phone to itself is fine.
    expect((await editor.request('PATCH', `/api/contacts/${first}`, { phone: '+55 21 99876 5432', name: 'Bruno S.' })).status).toBe(200);
  });

  it('refuses concurrent creates of the same phone but one', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => editor.request('POST', '/api/contacts', { name: `Racer ${String(i)}`, phone: '+55 41 99123-4567' })));
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    expect(results.filter((result) => result.status === 409)).toHaveLength(5);
  });

  it('refuses an invalid phone or email with 400 naming the field', async () => {
    const phone = await editor.request('POST', '/api/contacts', { name: 'X', phone: '12345' });
    expect(phone.status).toBe(400);
    expect(phone.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'phone' }] });
    const email = await editor.request('POST', '/api/contacts', { name: 'X', email: 'ana@loja' });
    expect(email.body.error.details).toEqual([{ field: 'email', message: expect.any(String) }]);
    const attributes = await editor.request('POST', '/api/contacts', { attributes: { 'bad key': 1 } });
    expect(attributes.body.error.details[0].field).toBe('attributes');
    const proto = await editor.request('POST', '/api/contacts', undefined, { raw: '{"attributes": {"__proto__": {"admin": true}}}' });
    // A "__proto__" key never becomes an attribute (nor anyone's prototype).
    expect(proto.status === 400 || JSON.stringify(proto.body.attributes) === '{}').toBe(true);
    expect((await editor.request('POST', '/api/contacts', { tags: ['ok', ''] })).body.error.details[0].field).toBe('tags');
    expect((await editor.request('POST', '/api/contacts', { nickname: 'x' })).body.error.details).toEqual([{ field: 'nickname', message: 'nickname is not an accepted field' }]);
  });

  it('searches by name ignoring case and accents, by email, by phone in any notation, by tag and consent', async () => {
    const joao = await create({ name: 'João Conceição', email: 'joao.c@example.com', phone: '(31) 97654-3210', tags: ['vip', 'sp'] });
    const maria = await create({ name: 'MARIA da Silva', email: 'maria@shop.example', tags: ['sp'], optIn: false });
    const search = async (query: string): Promise<string[]> => {
      const response = await agent.request('GET', `/api/contacts?${query}`);
      expect(response.status).toBe(200);
      return response.body.items.map((item: { id: string }) => item.id);
    };
    expect(await search('search=joao')).toEqual([joao]);
    expect(await search(`search=${encodeURIComponent('CONCEIÇÃO')}`)).toEqual([joao]);
    expect(await search('search=conceic')).toEqual([joao]);
    expect(await search('search=maria%20da')).toEqual([maria]);
    expect(await search('search=shop.example')).toEqual([maria]);
    expect(await search(`search=${encodeURIComponent('(31) 97654-3210')}`)).toEqual([joao]);
    expect(await search('search=976543')).toEqual([joao]);
    expect(await search('search=%2B5531976543210')).toEqual([joao]);
    expect(await search('search=nobody')).toEqual([]);
    expect(await search('search=50%25')).toEqual([]);
    expect(await search('tag=sp')).toEqual([maria, joao]);
    expect(await search('tag=sp&tag=vip')).toEqual([joao]);
    expect(await search('tag=sp&optIn=unsubscribed')).toEqual([maria]);
  });

  it('folds names in SQL exactly as search terms are folded', async () => {
    const text = 'ÁàÂãÄå ÉèÊë ÍìÎï ÓòÔõÖ ÚùÛü Çç Ññ Ýÿ Zoë';
    const [row] = await api.database.dataSource.query<[{ folded: string }]>(`SELECT jornada_fold($1) AS folded`, [text]);
    expect(row.folded).toBe(foldForSearch(text));
    expect(row.folded).toBe('aaaaaa eeee iiii ooooo uuuu cc nn yy zoe');
  });

  it('pages through contacts newest first without repeats or gaps', async () => {
    const all = (await agent.request('GET', '/api/contacts?limit=100')).body.items.map((item: { id: string }) => item.id);
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await agent.request('GET', `/api/contacts?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(seen).toEqual(all);
  });

  it('adds and removes tags, records opt-in and opt-out with their times', async () => {
    const id = await create({ name: 'Tagged', tags: ['a'] });
    const added = await editor.request('POST', `/api/contacts/${id}/tags`, { tags: ['b', 'a', 'c'] });
    expect(added.status).toBe(200);
    expect(added.body.tags).toEqual(['a', 'b', 'c']);
    expect((await editor.request('DELETE', `/api/contacts/${id}/tags/b`)).body.tags).toEqual(['a', 'c']);
    expect((await editor.request('DELETE', `/api/contacts/${id}/tags/zzz`)).body.tags).toEqual(['a', 'c']);

    const optedIn = await editor.request('POST', `/api/contacts/${id}/opt-in`);
    expect(optedIn.body.optIn).toMatchObject({ status: 'subscribed', optedInAt: expect.any(String), optedOutAt: null });
    const optedOut = await editor.request('POST', `/api/contacts/${id}/opt-out`);
    expect(optedOut.body.optIn).toMatchObject({ status: 'unsubscribed', optedInAt: optedIn.body.optIn.optedInAt, optedOutAt: expect.any(String) });
    expect((await agent.request('POST', `/api/contacts/${id}/opt-in`)).status).toBe(403);
  });

  it('adds channel identities, unique per workspace and channel, and removes them', async () => {
    const ana = await create({ name: 'Ident Ana' });
    const bia = await create({ name: 'Ident Bia' });
    const added = await editor.request('POST', `/api/contacts/${ana}/identities`, { channel: 'whatsapp', externalId: '(11) 91234-5678' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ channel: 'whatsapp', externalId: '+5511912345678' });
    expect((await editor.request('POST', `/api/contacts/${ana}/identities`, { channel: 'telegram', externalId: ' 123456789 ' })).body.externalId).toBe('123456789');
    expect((await editor.request('POST', `/api/contacts/${ana}/identities`, { channel: 'email', externalId: 'Ana@Example.com' })).body.externalId).toBe('ana@example.com');

    const taken = await editor.request('POST', `/api/contacts/${bia}/identities`, { channel: 'whatsapp', externalId: '+55 11 91234-5678' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'identity_exists', meta: { contactId: ana, identityId: added.body.id }, details: [{ field: 'externalId' }] });
    // The same id on another channel is another identity.
    expect((await editor.request('POST', `/api/contacts/${bia}/identities`, { channel: 'sms', externalId: '+5511912345678' })).status).toBe(201);

    const invalid = await editor.request('POST', `/api/contacts/${bia}/identities`, { channel: 'whatsapp', externalId: 'not a phone' });
    expect(invalid.body.error).toMatchObject({ status: 400, details: [{ field: 'externalId' }] });
    expect((await editor.request('POST', `/api/contacts/${bia}/identities`, { channel: 'fax', externalId: '1' })).body.error.details[0].field).toBe('channel');

    expect((await agent.request('GET', `/api/contacts/${ana}`)).body.identities.map((identity: { channel: string }) => identity.channel)).toEqual(['whatsapp', 'telegram', 'email']);
    expect((await editor.request('DELETE', `/api/contacts/${bia}/identities/${added.body.id as string}`)).status).toBe(404);
    expect((await editor.request('DELETE', `/api/contacts/${ana}/identities/${added.body.id as string}`)).status).toBe(204);
    expect((await editor.request('POST', `/api/contacts/${bia}/identities`, { channel: 'whatsapp', externalId: '+5511912345678' })).status).toBe(201);

    // Deleting a contact frees its identities.
    await editor.request('DELETE', `/api/contacts/${bia}`);
    expect((await editor.request('POST', `/api/contacts/${ana}/identities`, { channel: 'whatsapp', externalId: '+5511912345678' })).status).toBe(201);
  });

  it('lets agents look contacts up but not change them', async () => {
    expect((await agent.request('GET', '/api/contacts')).status).toBe(200);
    expect((await agent.request('POST', '/api/contacts', { name: 'x' })).status).toBe(403);
  });
});
