// The server factory, started for real on a free port and called over HTTP.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '@jornada/flow-engine';
import { createApiServer } from '../src/http/create-api-server.js';
import { close, listen, ListenError } from '../src/http/server-lifecycle.js';

describe('API server', () => {
  let server: Server;
  let baseUrl: string;
  let docsRoot: string;

  beforeAll(async () => {
    docsRoot = await mkdtemp(path.join(os.tmpdir(), 'jornada-docs-'));
    await mkdir(path.join(docsRoot, 'docs'));
    await writeFile(path.join(docsRoot, 'docs', 'architecture.md'), '# Architecture\n');
    server = createApiServer({ docsRoot, logError: () => undefined });
    const address = await listen(server, 0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${String(address.port)}`;
  });

  afterAll(async () => {
    await close(server, 1000);
    await rm(docsRoot, { recursive: true, force: true });
  });

  it('answers /api/health with the engine schema version', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok', engine: { schemaVersion: CURRENT_SCHEMA_VERSION } });
  });

  it('serves the landing page at /', async () => {
    const response = await fetch(`${baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('Jornada is starting up — the builder lands here');
    expect(html).toContain('href="/docs/architecture"');
    expect(html).toContain('href="/api/health"');
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await fetch(`${baseUrl}/api/health`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });

  it('answers unknown /api routes with a JSON 404 naming the route', async () => {
    const response = await fetch(`${baseUrl}/api/nope?x=1`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No route for POST /api/nope',
    });
  });

  it('refuses writes to read-only routes with 405 and Allow', async () => {
    const response = await fetch(`${baseUrl}/api/health`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toMatchObject({ statusCode: 405, error: 'Method Not Allowed' });
  });

  it('serves the linked docs as text and 404s the rest', async () => {
    const doc = await fetch(`${baseUrl}/docs/architecture`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await doc.text()).toBe('# Architecture\n');

    // Listed but absent from this docs root, unlisted, and a traversal attempt.
    for (const pathname of ['/docs/development', '/docs/secrets', '/docs/..%2Fpackage.json', '/nope']) {
      const response = await fetch(`${baseUrl}${pathname}`);
      expect(response.status).toBe(404);
      await response.arrayBuffer();
    }
  });

  it('reports a taken port as one line naming PORT', async () => {
    const blocker = createServer();
    const taken = await listen(blocker, 0, '127.0.0.1');
    try {
      const second = createApiServer();
      await expect(listen(second, taken.port, '127.0.0.1')).rejects.toThrow(ListenError);
      await expect(listen(createApiServer(), taken.port, '127.0.0.1')).rejects.toThrow(
        `Cannot listen on PORT ${String(taken.port)}: the port is already in use. Set PORT to a free port.`,
      );
    } finally {
      await close(blocker, 1000);
    }
  });

  it('closes while a keep-alive connection is idle, without waiting for the grace period', async () => {
    const other = createApiServer();
    const address = await listen(other, 0, '127.0.0.1');
    const response = await fetch(`http://127.0.0.1:${String(address.port)}/api/health`);
    await response.json();
    const started = Date.now();
    await close(other, 5000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(other.listening).toBe(false);
  });
});
