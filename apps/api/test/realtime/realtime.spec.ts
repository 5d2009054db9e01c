// Realtime across processes: an api process (ROLE=api) serves the WebSocket and the SSE stream
// while a separate worker process (ROLE=worker) steps the conversation and sends the replies;
// the events reach the api process's subscribers through Postgres LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JOURNEY_TEMPLATES } from '@jornada/flow-engine';
import WebSocket from 'ws';
import { callerFor, createWorkspace, HeaderAuthenticator, type Caller } from '../flows/api-client.js';
import { startRuntimeApp, type RuntimeApp } from '../runtime/runtime-app.js';
import { publish } from '../runtime/runtime-fixtures.js';
import { eventually, parseSse, SandboxClient } from '../runtime/sandbox-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

interface Received {
  type: string;
  conversationId?: string;
  code?: string;
  message?: { direction: string; status: string; content: Record<string, unknown> };
}

/** A WebSocket client that keeps what it receives. */
async function connect(url: string, headers: Record<string, string>): Promise<{ socket: WebSocket; received: Received[]; send: (value: unknown) => void }> {
  const socket = new WebSocket(url, { headers });
  const received: Received[] = [];
  socket.on('message', (data: WebSocket.RawData) => received.push(JSON.parse(data.toString()) as Received));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, received, send: (value) => socket.send(JSON.stringify(value)) };
}

/** The HTTP status an upgrade is refused with. */
function refusedStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('error', () => undefined);
  });
}

describe('realtime across processes', () => {
  let database: TestDatabase;
  let web: RuntimeApp;
  let worker: RuntimeApp;
  let workspaceId = '';
  let owner: Caller;
  const as = (role: string, workspace = workspaceId) => ({ 'x-test-workspace': workspace, 'x-test-role': role });
  const wsUrl = () => `${web.url.replace('http', 'ws')}/api/realtime`;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = await createWorkspace(database.dataSource, { name: 'Realtime shop' });
    const visitor = JOURNEY_TEMPLATES.find((t) => t.id === 'visitor-question')?.build('en') as unknown as Record<string, unknown>;
    await publish(database.dataSource, { workspaceId, document: visitor });
    web = await startRuntimeApp({ database, backend: 'postgres', authenticator: new HeaderAuthenticator(), env: { ROLE: 'api' } });
    worker = await startRuntimeApp({ database, backend: 'postgres', authenticator: new HeaderAuthenticator(), env: { ROLE: 'worker' } });
    owner = callerFor(web.url, { workspaceId, role: 'owner' });
  });
  afterAll(async () => {
    await web.close();
    await worker.close();
    await database.drop();
  });

  it('pushes the customer message, the session step and the replies sent by another process over the WebSocket', async () => {
    const client = new SandboxClient(() => web.url, as('agent'));
    const id = await client.newConversation();
    const ws = await connect(wsUrl(), as('agent'));
    ws.send({ type: 'subscribe', conversationId: id });
    await eventually(() => Promise.resolve(ws.received.some((m) => m.type === 'subscribed') ? true : undefined));

    await client.say(id, { text: 'oi' });
    const sent = await eventually(() => {
      const out = ws.received.filter((m) => m.type === 'message' && m.message?.direction === 'out' && m.message.status === 'sent');
      return Promise.resolve(out.length >= 2 ? out : undefined);
    }, { what: 'two replies on the socket' });
    expect(String(sent[0]?.message?.content['text'])).toMatch(/^Hi Ana!/);
    expect(ws.received.find((m) => m.type === 'message' && m.message?.direction === 'in')?.message?.content).toEqual({ kind: 'text', text: 'oi' });
    expect(ws.received.some((m) => m.type === 'session' && m.conversationId === id)).toBe(true);
    ws.socket.close();
  });

  it('streams a simulation over SSE from the api process while the worker runs it', async () => {
    const created = await owner.request('POST', '/api/flows', { name: 'Sim', templateId: 'visitor-question', locale: 'en' });
    const simulation = await owner.request('POST', `/api/flows/${String(created.body.id)}/simulate`, { message: 'oi' });
    const id = simulation.body.id as string;
    const abort = new AbortController();
    const response = await fetch(`${web.url}/api/simulations/${id}/stream`, { headers: as('editor'), signal: abort.signal });
    let text = '';
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const reading = (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) return;
        text += new TextDecoder().decode(chunk.value);
      }
    })();
    await owner.request('POST', `/api/simulations/${id}/messages`, { buttonId: 'product', title: 'Product question' });
    await eventually(() => Promise.resolve(parseSse(text).some((e) => e.event === 'message' && (e.data as { kind: string }).kind === 'list') ? true : undefined), { what: 'the product list on the stream' });
    abort.abort();
    await reading;
  });

  it('a worker process (ROLE=worker) serves its health check only', async () => {
    expect((await fetch(`${worker.url}/api/health`)).status).toBe(200);
    const flows = await fetch(`${worker.url}/api/flows`, { headers: as('owner') });
    expect(flows.status).toBe(404);
    expect(await flows.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringMatching(/ROLE=worker/) } });
  });

  it('refuses what it must: no credentials, another workspace, a role that may not read, bad messages', async () => {
    expect(await refusedStatus(wsUrl(), {})).toBe(401);
    expect(await refusedStatus(`${web.url.replace('http', 'ws')}/api/elsewhere`, as('owner'))).toBe(404);

    const client = new SandboxClient(() => web.url, as('owner'));
    const real = await client.newConversation();
    const otherWorkspace = await createWorkspace(database.dataSource, { name: 'Other' });
    const outsider = await connect(wsUrl(), as('owner', otherWorkspace));
    outsider.send({ type: 'subscribe', conversationId: real });
    outsider.send({ type: 'hello' });
    await eventually(() => Promise.resolve(outsider.received.length >= 2 ? true : undefined));
    expect(outsider.received).toEqual([
      { type: 'error', code: 'not_found', message: 'Conversation not found.', conversationId: real },
      { type: 'error', code: 'bad_message', message: expect.any(String) },
    ]);
    outsider.socket.close();

    // Editors read simulations, not customers' conversations.
    const editor = await connect(wsUrl(), as('editor'));
    editor.send({ type: 'subscribe', conversationId: real });
    await eventually(() => Promise.resolve(editor.received.length >= 1 ? true : undefined));
    expect(editor.received[0]).toMatchObject({ type: 'error', code: 'not_found' });
    editor.socket.close();
  });
});
