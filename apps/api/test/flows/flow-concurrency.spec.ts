// Concurrent writers of one flow: publishes take consecutive version numbers (the row lock),
// and saves from the same revision cannot both win (the conditional UPDATE).
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { callerFor, createWorkspace, HeaderAuthenticator, sampleDocument, type Caller } from './api-client.js';

describe('flows under concurrency', () => {
  let api: TestApp;
  let editor: Caller;

  beforeAll(async () => {
    api = await createTestApp({ authenticator: new HeaderAuthenticator() });
    editor = callerFor(api.url, { workspaceId: await createWorkspace(api.database.dataSource), role: 'editor' });
  });
  afterAll(() => api.close());

  it('gives concurrent publishes distinct, consecutive numbers', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Busy', document: sampleDocument() });
    const id = created.body.id as string;
    const results = await Promise.all(Array.from({ length: 12 }, () => editor.request('POST', `/api/flows/${id}/publish`, {})));
    expect(results.map((result) => result.status)).toEqual(Array(12).fill(200));
    expect(results.map((result) => result.body.version as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const rows = await api.database.dataSource.query<{ version: number }[]>(`SELECT version FROM flow_versions WHERE flow_id = $1 ORDER BY version`, [id]);
    expect(rows.map((row) => row.version)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await editor.request('GET', `/api/flows/${id}`)).body.currentVersion).toBe(12);
  });

  it('lets exactly one of several saves from the same revision win; the others get the winner', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Contended', document: sampleDocument() });
    const id = created.body.id as string;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => editor.request('PUT', `/api/flows/${id}/draft`, { document: sampleDocument({ text: `Edit ${String(i)}` }), revision: 1 })),
    );
    const winners = results.filter((result) => result.status === 200);
    const losers = results.filter((result) => result.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(7);
    const stored = await editor.request('GET', `/api/flows/${id}`);
    expect(stored.body.draftRevision).toBe(2);
    for (const loser of losers) expect(loser.body.error.meta.current).toMatchObject({ revision: 2, document: stored.body.document });
    expect(winners[0]!.body.document).toEqual(stored.body.document);
  });
});
