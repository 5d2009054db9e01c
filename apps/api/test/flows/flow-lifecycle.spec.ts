// A flow's life through the HTTP API on real PostgreSQL: create (blank, each template, from a
// document), edit with optimistic concurrency, lint, publish into numbered immutable versions,
// compare and restore them, export and import (older schema versions migrated), duplicate,
// rename, delete.
import { CURRENT_SCHEMA_VERSION, JOURNEY_TEMPLATES } from '@jornada/flow-engine';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { callerFor, createUser, createWorkspace, documentWithLintError, HeaderAuthenticator, sampleDocument, type Caller } from './api-client.js';

describe('flow lifecycle', () => {
  let api: TestApp;
  let editor: Caller;
  let agent: Caller;
  let editorName: string;

  beforeAll(async () => {
    api = await createTestApp({ authenticator: new HeaderAuthenticator() });
    const workspaceId = await createWorkspace(api.database.dataSource, { locale: 'pt-BR' });
    editorName = 'Bia Editora';
    const userId = await createUser(api.database.dataSource, editorName);
    editor = callerFor(api.url, { workspaceId, role: 'editor', userId });
    agent = callerFor(api.url, { workspaceId, role: 'agent' });
  });
  afterAll(() => api.close());

  it('creates a blank flow that is valid and lint-clean, at revision 1', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Boas-vindas' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Boas-vindas', status: 'draft', currentVersion: null, draftRevision: 1, lastPublishedAt: null, issues: [] });
    expect(created.body.document).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, name: 'Boas-vindas', triggers: [{ type: 'manual' }] });

    const published = await editor.request('POST', `/api/flows/${created.body.id as string}/publish`, {});
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 1 });
  });

  it.each(JOURNEY_TEMPLATES.map((template) => [template.id]))('creates a flow from the %s template in the workspace language (or the asked one)', async (templateId) => {
    const template = JOURNEY_TEMPLATES.find((t) => t.id === templateId)!;
    const pt = await editor.request('POST', '/api/flows', { name: 'Da loja', templateId });
    expect(pt.status).toBe(201);
    expect(pt.body.document.name).toBe('Da loja');
    expect(pt.body.description).toBe(template.description['pt-BR']);
    expect(pt.body.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([]);

    const en = await editor.request('POST', '/api/flows', { name: 'From the shop', templateId, locale: 'en' });
    expect(en.status).toBe(201);
    expect(en.body.description).toBe(template.description.en);
  });

  it('lists the templates and the document schema', async () => {
    const templates = await agent.request('GET', '/api/flow-templates');
    expect(templates.status).toBe(200);
    expect(templates.body.items).toHaveLength(3);
    expect(templates.body.items[1]).toEqual({ id: 'cart-recovery', name: 'Recuperação de carrinho', description: expect.any(String), locale: 'pt-BR' });
    expect((await agent.request('GET', '/api/flow-templates?locale=en')).body.items[1].name).toBe('Cart recovery');
    const schema = await agent.request('GET', '/api/flow-schema');
    expect(schema.status).toBe(200);
    expect(schema.body).toMatchObject({ type: 'object', properties: { nodes: expect.any(Object), schemaVersion: expect.any(Object) } });
  });

  it('saves drafts with optimistic concurrency, validates, publishes, versions, diffs, restores', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Welcome', document: sampleDocument() });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const base = `/api/flows/${id}`;

    // A save that leaves a lint error is accepted, with its issues.
    const broken = await editor.request('PUT', `${base}/draft`, { document: documentWithLintError(), revision: 1 });
    expect(broken.status).toBe(200);
    expect(broken.body.revision).toBe(2);
    expect(broken.body.issues.some((issue: { severity: string }) => issue.severity === 'error')).toBe(true);

    // A second editor still on revision 1 is refused with the current draft, not overwritten.
    const stale = await editor.request('PUT', `${base}/draft`, { document: sampleDocument({ text: 'Mine!' }), revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'draft_conflict', meta: { current: { revision: 2, document: { edges: expect.any(Array) }, updatedAt: expect.any(String) } } });
    expect(stale.body.error.meta.current.document.edges).toHaveLength(3);

    // Validate lints without saving.
    const validated = await editor.request('POST', '/api/flows/validate', { document: documentWithLintError() });
    expect(validated.status).toBe(200);
    expect(validated.body.issues.some((issue: { code: string }) => issue.code === 'edge_missing_node')).toBe(true);

    // Publish is refused while an error remains, and writes nothing.
    const refused = await editor.request('POST', `${base}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'flow_has_errors', details: expect.arrayContaining([expect.objectContaining({ field: expect.any(String), message: expect.any(String) })]) });
    expect(refused.body.error.meta.issues.every((issue: { severity: string }) => issue.severity === 'error')).toBe(true);
    expect(await versionRows(id)).toBe(0);

    // Fix, publish: version 1.
    const fixed = await editor.request('PUT', `${base}/draft`, { document: sampleDocument({ text: 'Hello there!' }), revision: 2 });
    expect(fixed.status).toBe(200);
    const v1 = await editor.request('POST', `${base}/publish`, { revision: 3 });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, revision: 3 });

    // Publishing a revision the client did not see is a conflict.
    expect((await editor.request('POST', `${base}/publish`, { revision: 2 })).status).toBe(409);

    // Edit again, publish: version 2.
    const edited = await editor.request('PUT', `${base}/draft`, { document: sampleDocument({ text: 'Olá!' }), revision: 3 });
    expect(edited.status).toBe(200);
    const v2 = await editor.request('POST', `${base}/publish`, {});
    expect(v2.body.version).toBe(2);

    const detail = await editor.request('GET', base);
    expect(detail.body).toMatchObject({ status: 'published', currentVersion: 2, draftRevision: 4, lastPublishedAt: v2.body.publishedAt, issues: [] });

    const versions = await editor.request('GET', `${base}/versions?locale=en`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    expect(versions.body.items[0]).toMatchObject({ publishedBy: { name: editorName }, summary: [expect.stringContaining('hello')] });
    expect(versions.body.items[1].summary).toEqual(['First published version']);
    const paged = await editor.request('GET', `${base}/versions?limit=1`);
    expect(paged.body).toMatchObject({ items: [{ version: 2 }], nextBefore: 2 });
    expect((await editor.request('GET', `${base}/versions?limit=1&before=2`)).body).toMatchObject({ items: [{ version: 1 }], nextBefore: null });

    // Versions are immutable: later draft edits leave them as published.
    await editor.request('PUT', `${base}/draft`, { document: sampleDocument({ text: 'Changed after publishing' }), revision: 4 });
    const first = await editor.request('GET', `${base}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body.document.nodes[0].data.text).toBe('Hello there!');
    expect(first.body.publishedBy).toMatchObject({ name: editorName });

    const diff = await editor.request('GET', `${base}/versions/1/diff/2?locale=en`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2, diff: { nodes: { changed: [{ id: 'hello', fields: [{ path: 'data.text', before: 'Hello there!', after: 'Olá!' }] }] } } });
    expect(diff.body.summary).toHaveLength(1);

    // Restore version 1 into the draft (conflict rules as saves).
    expect((await editor.request('POST', `${base}/versions/1/restore`, { revision: 4 })).status).toBe(409);
    const restored = await editor.request('POST', `${base}/versions/1/restore`, { revision: 5 });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ revision: 6, document: { nodes: [{ data: { text: 'Hello there!' } }, { id: 'bye' }] } });
    expect((await editor.request('GET', `${base}/versions`)).body.items).toHaveLength(2);
    expect((await editor.request('GET', `${base}/versions/3`)).status).toBe(404);
  });

  it('exports the draft as a file and imports it back; migrates a v0 export', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Carrinho abandonado!', templateId: 'cart-recovery' });
    const exported = await editor.request('GET', `/api/flows/${created.body.id as string}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^application\/json/);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="carrinho-abandonado.flow.json"');
    expect(exported.body).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, name: 'Carrinho abandonado!' });

    const imported = await editor.request('POST', '/api/flows/import', { document: exported.body, name: 'Imported' });
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(created.body.id);
    expect(imported.body.migratedFrom).toBeUndefined();
    expect(imported.body.document).toEqual({ ...exported.body, name: 'Imported' });

    const v0 = {
      version: 0,
      name: 'Welcome (draft export)',
      trigger: { id: 't1', type: 'inbound_message', match: { kind: 'any' } },
      nodes: [
        { id: 'hello', type: 'message', data: { text: 'Hi {{contact.first_name}}!' }, position: { x: 0, y: 80 } },
        { id: 'bye', type: 'end', data: {}, position: { x: 0, y: 200 } },
      ],
      edges: [
        { id: 'e0', source: 't1', target: 'hello' },
        { id: 'e1', source: 'hello', target: 'bye' },
      ],
    };
    const migrated = await editor.request('POST', '/api/flows/import', { document: v0 });
    expect(migrated.status).toBe(201);
    expect(migrated.body).toMatchObject({ name: 'Welcome (draft export)', migratedFrom: 0, issues: [] });
    expect(migrated.body.document).toMatchObject({
      schemaVersion: 1,
      triggers: [{ id: 't1' }],
      edges: [{ sourceHandle: 'next' }, { sourceHandle: 'next' }],
      ui: { positions: { hello: { x: 0, y: 80 } } },
    });
    expect(migrated.body.document.nodes[0]).not.toHaveProperty('position');
  });

  it('duplicates, renames, lists with search and status, soft-deletes', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Pós-compra', templateId: 'post-purchase' });
    const id = created.body.id as string;
    const copy = await editor.request('POST', `/api/flows/${id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Pós-compra (cópia)', status: 'draft', draftRevision: 1, currentVersion: null });
    expect(copy.body.document.nodes).toEqual(created.body.document.nodes);

    const renamed = await editor.request('PATCH', `/api/flows/${copy.body.id as string}`, { name: 'Pós-venda', description: 'Depois da compra' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Pós-venda', description: 'Depois da compra', draftRevision: 2, document: { name: 'Pós-venda', description: 'Depois da compra' } });
    expect((await editor.request('PATCH', `/api/flows/${id}`, {})).status).toBe(400);

    const found = await editor.request('GET', '/api/flows?search=p%C3%B3s-v');
    expect(found.body.items.map((item: { name: string }) => item.name)).toEqual(['Pós-venda']);
    const published = await editor.request('GET', '/api/flows?status=published');
    expect(published.body.items.length).toBeGreaterThanOrEqual(2);
    expect(published.body.items.every((item: { status: string }) => item.status === 'published')).toBe(true);

    // Pages: newest first, no repeats, no gaps.
    const all = await editor.request('GET', '/api/flows?limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await editor.request('GET', `/api/flows?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(seen).toEqual(all.body.items.map((item: { id: string }) => item.id));
    expect(all.body.items[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      description: expect.any(String),
      status: expect.any(String),
      currentVersion: null,
      draftRevision: expect.any(Number),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      lastPublishedAt: null,
    });

    expect((await editor.request('DELETE', `/api/flows/${id}`)).status).toBe(204);
    expect((await editor.request('GET', `/api/flows/${id}`)).status).toBe(404);
    expect((await editor.request('DELETE', `/api/flows/${id}`)).status).toBe(404);
    expect((await editor.request('GET', '/api/flows?limit=100')).body.items.map((item: { id: string }) => item.id)).not.toContain(id);
  });

  it('lets agents read but not change flows', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Read only' });
    const id = created.body.id as string;
    expect((await editor.request('GET', `/api/flows/${id}`)).status).toBe(200);
    expect((await editor.request('GET', `/api/flows/${id}/export`)).status).toBe(200);
    expect((await agent.request('POST', '/api/flows', { name: 'x' })).status).toBe(403);
    expect((await agent.request('PUT', `/api/flows/${id}/draft`, { document: sampleDocument(), revision: 1 })).status).toBe(403);
    expect((await agent.request('POST', `/api/flows/${id}/publish`, {})).status).toBe(403);
    expect((await agent.request('DELETE', `/api/flows/${id}`)).status).toBe(403);
  });

  async function versionRows(flowId: string): Promise<number> {
    const rows = await api.database.dataSource.query<{ count: string }[]>(`SELECT count(*) FROM flow_versions WHERE flow_id = $1`, [flowId]);
    return Number(rows[0]!.count);
  }

  it('keeps agents to conversations: they cannot list, read, export or change flows', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Só para editores' });
    const id = created.body.id as string;
    for (const [method, path] of [
      ['GET', '/api/flows'],
      ['GET', `/api/flows/${id}`],
      ['GET', `/api/flows/${id}/versions`],
      ['GET', `/api/flows/${id}/export`],
      ['POST', '/api/flows/validate'],
      ['PATCH', `/api/flows/${id}`],
      ['POST', `/api/flows/${id}/publish`],
    ] as const) {
      const response = await agent.request(method, path, method === 'GET' ? undefined : { document: {} });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
  });
});
