// /api/health on a real database: up, then down (the database made unreachable through a
// proxy, without stopping the server other test files share), then up again.
import { createTestApp, type TestApp } from './support/create-test-app.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('GET /api/health', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.hostname = proxy.host;
    viaProxy.port = String(proxy.port);
    api = await createTestApp({ database, databaseUrl: viaProxy.toString(), env: { ROLE: 'all' } });
  });

  afterAll(async () => {
    proxy.restore();
    await api.close();
    await proxy.close();
    await database.drop();
  });

  it('answers 200 with the database and the queue (PostgreSQL backend) up, without credentials', async () => {
    const response = await fetch(`${api.url}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: { status: 'up', latencyMs: expect.any(Number) },
      queue: { status: 'up', backend: 'postgres' },
    });
  });

  it('answers 503 with the database down, and 200 again once it is back', async () => {
    proxy.cut();
    const down = await fetch(`${api.url}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'error',
      database: { status: 'down', latencyMs: expect.any(Number) },
      // Without REDIS_URL the queues live in the same database, so they are down with it.
      queue: { status: 'down', backend: 'postgres' },
    });

    proxy.restore();
    const up = await fetch(`${api.url}/api/health`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', database: { status: 'up' }, queue: { status: 'up' } });
  });
});
