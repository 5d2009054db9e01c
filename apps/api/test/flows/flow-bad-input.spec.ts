// Bad input on the flow routes: every problem is a 4xx in the one error shape naming the
// field, never a 500, and nothing is half-written.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { callerFor, createWorkspace, documentWithLintError, HeaderAuthenticator, sampleDocument, type Caller } from './api-client.js';

describe('flows: bad input', () => {
  let api: TestApp;
  let editor: Caller;
  let flowId: string;

  beforeAll(async () => {
    api = await createTestApp({ authenticator: new HeaderAuthenticator(), env: { BODY_LIMIT: '64kb' } });
    editor = callerFor(api.url, { workspaceId: await createWorkspace(api.database.dataSource), role: 'editor' });
    flowId = (await editor.request('POST', '/api/flows', { name: 'Target', document: sampleDocument() })).body.id as string;
  });
  afterAll(() => api.close());

  it('refuses malformed JSON', async () => {
    const response = await editor.request('PUT', `/api/flows/${flowId}/draft`, undefined, { raw: '{"document": {"schemaVersion": 1,' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, code: 'invalid_json' });
  });

  it('refuses unknown fields and wrong types, naming them', async () => {
    const unknown = await editor.request('POST', '/api/flows', { name: 'x', colour: 'blue' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ field: 'colour', message: 'colour is not an accepted field' }]);

    const types = await editor.request('PUT', `/api/flows/${flowId}/draft`, { document: 'nope', revision: '2' });
    expect(types.status).toBe(400);
    expect(new Set(types.body.error.details.map((detail: { field: string }) => detail.field))).toEqual(new Set(['document', 'revision']));

    expect((await editor.request('POST', '/api/flows', { name: '   ' })).status).toBe(400);
    expect((await editor.request('POST', '/api/flows', { name: 'x', templateId: 'nope' })).body.error.details[0].field).toBe('templateId');
    expect((await editor.request('POST', '/api/flows', { name: 'x', templateId: 'cart-recovery', document: sampleDocument() })).status).toBe(400);
    expect((await editor.request('GET', '/api/flows?limit=0')).body.error.details[0].field).toBe('limit');
    expect((await editor.request('GET', '/api/flows?status=live')).status).toBe(400);
    expect((await editor.request('GET', '/api/flows?cursor=garbage')).body.error).toMatchObject({ status: 400, details: [{ field: 'cursor' }] });
  });

  it('refuses invalid flow documents with every path named, and keeps the draft', async () => {
    const document = {
      ...sampleDocument(),
      nodes: [
        { id: 'hello', type: 'message', data: { txt: 'typo' } },
        { id: 'bad id!', type: 'end', data: {} },
      ],
    };
    const response = await editor.request('PUT', `/api/flows/${flowId}/draft`, { document, revision: 1 });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_flow_document');
    const fields = response.body.error.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['document.nodes.0.data', 'document.nodes.1.id']));
    expect((await editor.request('GET', `/api/flows/${flowId}`)).body).toMatchObject({ draftRevision: 1, document: sampleDocument({ name: 'Target' }) });

    const newer = await editor.request('POST', '/api/flows/import', { document: { ...sampleDocument(), schemaVersion: 99 } });
    expect(newer.status).toBe(400);
    expect(newer.body.error.details).toEqual([{ field: 'document.schemaVersion', message: expect.stringContaining('newer') }]);
    expect((await editor.request('POST', '/api/flows/import', { document: { hello: 'world' } })).status).toBe(400);
  });

  it('lints anything on validate, never a 500', async () => {
    for (const document of ['text', 42, [], { schemaVersion: 1 }, { nodes: 'x', trigger: 1 }]) {
      const response = await editor.request('POST', '/api/flows/validate', { document });
      expect([document, response.status]).toEqual([document, 200]);
      expect(response.body.issues[0]).toMatchObject({ code: 'invalid_document', severity: 'error' });
    }
    expect((await editor.request('POST', '/api/flows/validate', {})).body.error.details[0].field).toBe('document');
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const huge = { ...sampleDocument(), description: 'x'.repeat(100_000) };
    const response = await editor.request('PUT', `/api/flows/${flowId}/draft`, { document: huge, revision: 1 });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: 'payload_too_large', meta: { limit: '64kb' } });
    expect((await editor.request('GET', `/api/flows/${flowId}`)).body.draftRevision).toBe(1);
  });

  it('leaves no version row behind a refused publish', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Broken', document: documentWithLintError() });
    expect(created.status).toBe(201);
    const refused = await editor.request('POST', `/api/flows/${created.body.id as string}/publish`, {});
    expect(refused.status).toBe(422);
    const rows = await api.database.dataSource.query<{ count: string }[]>(`SELECT count(*) FROM flow_versions WHERE flow_id = $1`, [created.body.id]);
    expect(rows[0]!.count).toBe('0');
    expect((await editor.request('GET', `/api/flows/${created.body.id as string}`)).body).toMatchObject({ status: 'draft', currentVersion: null });
  });

  it('answers 404 for ids and version numbers that cannot exist', async () => {
    for (const path of [
      '/api/flows/not-a-uuid',
      '/api/flows/00000000-0000-4000-8000-000000000000',
      `/api/flows/${flowId}/versions/0`,
      `/api/flows/${flowId}/versions/abc`,
      `/api/flows/${flowId}/versions/1`,
      `/api/flows/${flowId}/versions/1/diff/x`,
    ]) {
      const response = await editor.request('GET', path);
      expect([path, response.status, response.body.error.code]).toEqual([path, 404, 'not_found']);
    }
    expect((await editor.request('POST', `/api/flows/${flowId}/versions/-1/restore`, { revision: 1 })).status).toBe(404);
  });
});
