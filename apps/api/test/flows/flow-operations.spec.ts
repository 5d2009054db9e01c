// POST /api/flows/:id/draft/operations on a real database: typed edits applied by the engine's
// reducer to the stored draft, with the optimistic concurrency of draft saves.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { callerFor, createWorkspace, HeaderAuthenticator, sampleDocument, type Caller } from './api-client.js';

describe('flows: draft operations', () => {
  let api: TestApp;
  let editor: Caller;
  let agent: Caller;
  let stranger: Caller;

  beforeAll(async () => {
    api = await createTestApp({ authenticator: new HeaderAuthenticator() });
    const db = api.database.dataSource;
    const workspaceId = await createWorkspace(db);
    editor = callerFor(api.url, { workspaceId, role: 'editor' });
    agent = callerFor(api.url, { workspaceId, role: 'agent' });
    stranger = callerFor(api.url, { workspaceId: await createWorkspace(db), role: 'owner' });
  });
  afterAll(() => api.close());

  async function newFlow(name = 'Welcome'): Promise<string> {
    const created = await editor.request('POST', '/api/flows', { name, document: sampleDocument({ name }) });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  const addButtons = {
    type: 'update_node',
    nodeId: 'hello',
    data: { text: 'Hello! Want a coupon?', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] },
  };

  it('applies operations, stores the next revision and answers like a draft save', async () => {
    const id = await newFlow();
    const response = await editor.request('POST', `/api/flows/${id}/draft/operations`, {
      revision: 1,
      operations: [
        { type: 'remove_elements', edgeIds: ['e2'] },
        addButtons,
        { type: 'add_node', node: { id: 'coupon', type: 'message', data: { text: 'Use VOLTA10' } }, position: { x: 0, y: 360 } },
        {
          type: 'batch',
          operations: [
            { type: 'connect', edge: { id: 'e3', source: 'hello', sourceHandle: 'yes', target: 'coupon' } },
            { type: 'connect', edge: { id: 'e4', source: 'coupon', sourceHandle: 'next', target: 'bye' } },
          ],
        },
        { type: 'update_flow', name: 'Welcome with coupon', settings: { stepBudget: 50 } },
      ],
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['document', 'issues', 'revision', 'updatedAt']);
    expect(response.body).toMatchObject({ revision: 2, updatedAt: expect.any(String) });
    expect(response.body.document).toMatchObject({
      name: 'Welcome with coupon',
      settings: { stepBudget: 50 },
      nodes: [{ id: 'hello', data: { buttons: [{ id: 'yes' }, { id: 'no' }] } }, { id: 'bye' }, { id: 'coupon' }],
      edges: [{ id: 'e1' }, { id: 'e3' }, { id: 'e4' }],
      ui: { positions: { coupon: { x: 0, y: 360 } } },
    });
    // Lint runs on the result and does not block: the "no" button leads nowhere yet.
    expect(response.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'hello', handle: 'no' })]));

    const stored = await editor.request('GET', `/api/flows/${id}`);
    expect(stored.body).toMatchObject({ name: 'Welcome with coupon', draftRevision: 2, document: response.body.document, issues: response.body.issues });

    // The next batch goes on from revision 2.
    const next = await editor.request('POST', `/api/flows/${id}/draft/operations`, {
      revision: 2,
      operations: [{ type: 'connect', edge: { id: 'e5', source: 'hello', sourceHandle: 'no', target: 'bye' } }],
    });
    expect(next.status).toBe(200);
    expect(next.body.revision).toBe(3);
    expect(next.body.issues).not.toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'hello', handle: 'no' })]));
  });

  it('refuses a stale revision with the draft conflict of saves, and stores nothing', async () => {
    const id = await newFlow();
    expect((await editor.request('PUT', `/api/flows/${id}/draft`, { document: sampleDocument({ text: 'Theirs' }), revision: 1 })).status).toBe(200);
    const stale = await editor.request('POST', `/api/flows/${id}/draft/operations`, { revision: 1, operations: [{ type: 'update_node', nodeId: 'hello', label: 'Mine' }] });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'draft_conflict',
      meta: { current: { revision: 2, document: { nodes: [{ id: 'hello', data: { text: 'Theirs' } }, { id: 'bye' }] }, updatedAt: expect.any(String) } },
    });
    expect((await editor.request('GET', `/api/flows/${id}`)).body).toMatchObject({ draftRevision: 2, document: { nodes: [{ id: 'hello', data: { text: 'Theirs' } }, { id: 'bye' }] } });
  });

  it('refuses an operation the reducer refuses with 422 naming it, and applies none of the others', async () => {
    const id = await newFlow();
    const response = await editor.request('POST', `/api/flows/${id}/draft/operations`, {
      revision: 1,
      operations: [
        { type: 'update_node', nodeId: 'hello', label: 'Greeting' },
        { type: 'connect', edge: { id: 'e9', source: 'hello', sourceHandle: 'yes', target: 'bye' } },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'operation_refused',
      message: expect.stringContaining('The "Greeting" message has no output "yes"'),
      details: [{ field: 'operations.1.edge.sourceHandle', message: expect.stringContaining('no output "yes"') }],
      meta: { operationIndex: 1, reason: 'unknown_handle', path: 'edge.sourceHandle', elementId: 'hello' },
    });

    const invalidData = await editor.request('POST', `/api/flows/${id}/draft/operations`, {
      revision: 1,
      operations: [{ type: 'batch', operations: [{ type: 'update_node', nodeId: 'hello', data: { text: 'Pick', buttons: [{ id: 'a', title: '' }] } }] }],
    });
    expect(invalidData.status).toBe(422);
    expect(invalidData.body.error).toMatchObject({ meta: { operationIndex: 0, reason: 'invalid_node', path: 'operations.0.data.buttons.0.title' } });

    const intoTrigger = await editor.request('POST', `/api/flows/${id}/draft/operations`, {
      revision: 1,
      operations: [{ type: 'add_elements', nodes: [{ id: 'x', type: 'tag', data: { add: ['vip'] } }], edges: [{ id: 'e9', source: 'x', sourceHandle: 'next', target: 't1' }] }],
    });
    expect(intoTrigger.status).toBe(422);
    expect(intoTrigger.body.error.meta).toMatchObject({ operationIndex: 0, reason: 'edge_into_trigger', path: 'edges.0.target', elementId: 't1' });

    const stored = await editor.request('GET', `/api/flows/${id}`);
    expect(stored.body).toMatchObject({ draftRevision: 1, document: sampleDocument() });
    expect(stored.body.document.nodes[0]).not.toHaveProperty('label');
  });

  it('refuses malformed bodies with 400 naming the problem', async () => {
    const id = await newFlow();
    const post = (body: unknown, raw?: string) => editor.request('POST', `/api/flows/${id}/draft/operations`, body, raw === undefined ? undefined : { raw });

    const unknownType = await post({ revision: 1, operations: [{ type: 'update_flow', name: 'x' }, { type: 'teleport', to: 'mars' }] });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'operations.1.type', message: expect.stringContaining('"teleport" is not an operation') }] });

    const wrongShape = await post({ revision: 1, operations: [{ type: 'move', positions: { hello: { x: 'left', y: 0 } } }] });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error.details).toEqual([{ field: 'operations.0.positions.hello.x', message: expect.any(String) }]);

    const empty = await post({ revision: 1, operations: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].field).toBe('operations');

    const tooMany = await post({ revision: 1, operations: Array.from({ length: 501 }, () => ({ type: 'update_flow', name: 'x' })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].field).toBe('operations');

    const missing = await post({ operations: 'nope' });
    expect(missing.status).toBe(400);
    expect(new Set(missing.body.error.details.map((detail: { field: string }) => detail.field))).toEqual(new Set(['revision', 'operations']));

    expect((await post({ revision: 1, operations: [{ type: 'update_flow', name: 'x' }], extra: true })).body.error.details).toEqual([
      { field: 'extra', message: 'extra is not an accepted field' },
    ]);
    expect((await post(undefined, '{"revision": 1, "operations": [')).body.error.code).toBe('invalid_json');

    const tower = (levels: number): unknown => {
      let operation: unknown = { type: 'update_flow', name: 'x' };
      for (let i = 0; i < levels; i++) operation = { type: 'batch', operations: [operation] };
      return operation;
    };
    const deep = await post({ revision: 1, operations: [tower(12)] });
    expect(deep.status).toBe(400);
    expect(deep.body.error.details).toEqual([{ field: 'operations.0.operations.0.operations.0.operations.0.operations.0.operations.0.operations.0.operations.0.operations.0', message: expect.stringContaining('nested') }]);
    // Far deeper JSON is refused by the body parser before anything walks it.
    const raw = `{"revision": 1, "operations": [${'{"type": "batch", "operations": ['.repeat(5_000)}${']}'.repeat(5_000)}]}`;
    expect((await post(undefined, raw)).body.error.code).toBe('invalid_json');

    expect((await editor.request('GET', `/api/flows/${id}`)).body).toMatchObject({ draftRevision: 1, name: 'Welcome' });
  });

  it('needs flows.write, and does not reach another workspace', async () => {
    const id = await newFlow();
    const body = { revision: 1, operations: [{ type: 'update_flow', name: 'Taken over' }] };
    const forbidden = await agent.request('POST', `/api/flows/${id}/draft/operations`, body);
    expect(forbidden.status).toBe(403);
    const hidden = await stranger.request('POST', `/api/flows/${id}/draft/operations`, body);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('not_found');
    expect((await editor.request('POST', '/api/flows/not-a-uuid/draft/operations', body)).status).toBe(404);
    expect((await editor.request('POST', '/api/flows/00000000-0000-4000-8000-000000000000/draft/operations', body)).status).toBe(404);
    expect((await editor.request('GET', `/api/flows/${id}`)).body).toMatchObject({ name: 'Welcome', draftRevision: 1 });
  });

  it('lets one of two clients on the same revision win; the other gets 409 with the winner', async () => {
    const id = await newFlow();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        editor.request('POST', `/api/flows/${id}/draft/operations`, {
          revision: 1,
          operations: [
            { type: 'add_node', node: { id: `n${String(i)}`, type: 'end', data: {} }, position: { x: i, y: 0 } },
            { type: 'update_node', nodeId: 'hello', label: `Client ${String(i)}` },
          ],
        }),
      ),
    );
    const winners = results.filter((result) => result.status === 200);
    const losers = results.filter((result) => result.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(5);
    const stored = await editor.request('GET', `/api/flows/${id}`);
    expect(stored.body.draftRevision).toBe(2);
    expect(stored.body.document).toEqual(winners[0]!.body.document);
    // Exactly the winner's edit: one new node, and the label that goes with it.
    const added = (stored.body.document.nodes as { id: string }[]).filter((node) => node.id.startsWith('n'));
    expect(added).toHaveLength(1);
    expect(stored.body.document.nodes[0].label).toBe(`Client ${added[0]!.id.slice(1)}`);
    for (const loser of losers) expect(loser.body.error).toMatchObject({ code: 'draft_conflict', meta: { current: { revision: 2, document: stored.body.document } } });
  });
});
