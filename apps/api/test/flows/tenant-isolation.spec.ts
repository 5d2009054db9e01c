// Tenant isolation: a member of workspace A (even its owner) gets 404 on every flow, version,
// contact and identity of workspace B, by every route that names one, and B's data is left
// exactly as it was. The table is checked against the OpenAPI document, so a new route that
// names a resource cannot be forgotten here.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { callerFor, createWorkspace, HeaderAuthenticator, sampleDocument, type Caller } from './api-client.js';

interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI template, e.g. /api/flows/{id}/versions/{version}. */
  readonly path: string;
  readonly body?: unknown;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/api/flows/{id}' },
  { method: 'PATCH', path: '/api/flows/{id}', body: { name: 'Taken over' } },
  { method: 'DELETE', path: '/api/flows/{id}' },
  { method: 'POST', path: '/api/flows/{id}/duplicate', body: {} },
  { method: 'PUT', path: '/api/flows/{id}/draft', body: { document: sampleDocument({ text: 'Taken over' }), revision: 1 } },
  { method: 'POST', path: '/api/flows/{id}/draft/operations', body: { revision: 1, operations: [{ type: 'update_flow', name: 'Taken over' }] } },
  { method: 'GET', path: '/api/flows/{id}/export' },
  { method: 'POST', path: '/api/flows/{id}/publish', body: {} },
  { method: 'POST', path: '/api/flows/{id}/simulate', body: {} },
  { method: 'GET', path: '/api/flows/{id}/versions' },
  { method: 'GET', path: '/api/flows/{id}/versions/{version}' },
  { method: 'GET', path: '/api/flows/{id}/versions/{from}/diff/{to}' },
  { method: 'POST', path: '/api/flows/{id}/versions/{version}/restore', body: { revision: 1 } },
  { method: 'GET', path: '/api/contacts/{id}' },
  { method: 'PATCH', path: '/api/contacts/{id}', body: { name: 'Taken over' } },
  { method: 'DELETE', path: '/api/contacts/{id}' },
  { method: 'POST', path: '/api/contacts/{id}/identities', body: { channel: 'telegram', externalId: '424242' } },
  { method: 'DELETE', path: '/api/contacts/{id}/identities/{identityId}' },
  { method: 'POST', path: '/api/contacts/{id}/tags', body: { tags: ['taken'] } },
  { method: 'DELETE', path: '/api/contacts/{id}/tags/{tag}' },
  { method: 'POST', path: '/api/contacts/{id}/opt-in' },
  { method: 'POST', path: '/api/contacts/{id}/opt-out' },
];

describe('tenant isolation of flows and contacts', () => {
  let api: TestApp;
  let ownerOfA: Caller;
  let editorOfB: Caller;
  const b = { flowId: '', contactId: '', identityId: '' };

  beforeAll(async () => {
    api = await createTestApp({ authenticator: new HeaderAuthenticator() });
    const db = api.database.dataSource;
    ownerOfA = callerFor(api.url, { workspaceId: await createWorkspace(db, { name: 'A' }), role: 'owner' });
    editorOfB = callerFor(api.url, { workspaceId: await createWorkspace(db, { name: 'B' }), role: 'editor' });

    b.flowId = (await editorOfB.request('POST', '/api/flows', { name: 'Secret flow of B', document: sampleDocument() })).body.id as string;
    expect((await editorOfB.request('POST', `/api/flows/${b.flowId}/publish`, {})).status).toBe(200);
    const contact = await editorOfB.request('POST', '/api/contacts', { name: 'Secret Customer', phone: '+5511955554444', email: 'secret@example.com', tags: ['vip'] });
    b.contactId = contact.body.id as string;
    const identity = await editorOfB.request('POST', `/api/contacts/${b.contactId}/identities`, { channel: 'whatsapp', externalId: '+5511955554444' });
    b.identityId = identity.body.id as string;
  });
  afterAll(() => api.close());

  function concrete(path: string): string {
    return path
      .replace('/api/flows/{id}', `/api/flows/${b.flowId}`)
      .replace('/api/contacts/{id}', `/api/contacts/${b.contactId}`)
      .replace('{identityId}', b.identityId)
      .replace('{version}', '1')
      .replace('{from}', '1')
      .replace('{to}', '1')
      .replace('{tag}', 'vip');
  }

  it('covers every route that names a flow or a contact', async () => {
    const document = (await ownerOfA.request('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const named = Object.entries(document.paths)
      .filter(([path]) => /^\/api\/(flows|contacts)\/\{id\}/.test(path))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(new Set(ROUTES.map((route) => `${route.method} ${route.path}`))).toEqual(new Set(named));
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 404 to another workspace', async (_name, route) => {
    const response = await ownerOfA.request(route.method, concrete(route.path), route.body);
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'not_found' });
    expect(JSON.stringify(response.body)).not.toContain('Secret');
  });

  it("does not reach another workspace's identity through one's own contact", async () => {
    const own = (await ownerOfA.request('POST', '/api/contacts', { name: 'Own' })).body.id as string;
    expect((await ownerOfA.request('DELETE', `/api/contacts/${own}/identities/${b.identityId}`)).status).toBe(404);
  });

  it("leaves B out of A's lists and searches, and B's phone, email and channel ids free in A", async () => {
    expect((await ownerOfA.request('GET', '/api/flows?search=Secret')).body.items).toEqual([]);
    expect((await ownerOfA.request('GET', '/api/contacts?search=secret')).body.items).toEqual([]);
    expect((await ownerOfA.request('GET', '/api/contacts?search=11955554444')).body.items).toEqual([]);
    expect((await ownerOfA.request('GET', '/api/contacts?tag=vip')).body.items).toEqual([]);
    const twin = await ownerOfA.request('POST', '/api/contacts', { name: 'Twin', phone: '+5511955554444', email: 'secret@example.com' });
    expect(twin.status).toBe(201);
    expect((await ownerOfA.request('POST', `/api/contacts/${twin.body.id as string}/identities`, { channel: 'whatsapp', externalId: '+5511955554444' })).status).toBe(201);
  });

  it("leaves B's data exactly as it was", async () => {
    const flow = await editorOfB.request('GET', `/api/flows/${b.flowId}`);
    expect(flow.body).toMatchObject({ name: 'Secret flow of B', draftRevision: 1, currentVersion: 1, document: sampleDocument({ name: 'Secret flow of B' }) });
    expect((await editorOfB.request('GET', `/api/flows/${b.flowId}/versions`)).body.items).toHaveLength(1);
    expect((await editorOfB.request('GET', '/api/flows')).body.items).toHaveLength(1);
    const contact = await editorOfB.request('GET', `/api/contacts/${b.contactId}`);
    expect(contact.body).toMatchObject({ name: 'Secret Customer', tags: ['vip'], optIn: { status: 'unknown' }, identities: [{ id: b.identityId }] });
    expect((await editorOfB.request('GET', '/api/contacts')).body.items).toHaveLength(1);
  });
});
