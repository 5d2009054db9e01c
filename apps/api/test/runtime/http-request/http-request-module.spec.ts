import { HttpRequestExecutor } from '../../../src/runtime/http-request/http-request.executor.js';
import { HttpRequestModule } from '../../../src/runtime/http-request/http-request.module.js';
import { createTestApp, type TestApp } from '../../support/create-test-app.js';
import { effect, startServer, WORKSPACE, type TestServer } from './http-test-kit.js';

describe('HttpRequestModule in the app', () => {
  let api: TestApp;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer((request, response) => response.end(request.url === '/big' ? 'b'.repeat(4096) : '{"ok":1}'));
    api = await createTestApp({ env: { HTTP_REQUEST_ALLOWED_HOSTS: '127.0.0.1', HTTP_REQUEST_MAX_RESPONSE: '2kb' }, modules: [HttpRequestModule] });
  });
  afterAll(async () => {
    await api.close();
    await server.close();
  });

  it('builds the executor from HTTP_REQUEST_* and logs each call with its workspace, without secrets', async () => {
    const executor = api.app.get(HttpRequestExecutor);
    const ok = await executor.execute(effect({ url: `${server.origin}/order`, headers: { Authorization: 'Bearer very-secret' } }), WORKSPACE);
    expect(ok).toMatchObject({ ok: true, body: { ok: 1 } });
    const big = await executor.execute(effect({ url: `${server.origin}/big` }), WORKSPACE);
    expect(big.error).toBe('The response announced 4096 bytes, more than the limit of 2048 bytes.');
    const lines = api.logs().filter((line) => line['msg'] === 'HTTP request done' || line['msg'] === 'HTTP request failed');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ workspaceId: WORKSPACE.workspaceId, nodeId: 'http', http: { status: 200, requestHeaders: { authorization: '[redacted]' } } });
    expect(JSON.stringify(api.logs())).not.toContain('very-secret');
  });

  it('refuses private addresses the allow-list does not name', async () => {
    const outcome = await api.app.get(HttpRequestExecutor).execute(effect({ url: 'http://10.0.0.1/' }), WORKSPACE);
    expect(outcome.failure?.code).toBe('forbidden_address');
    expect(api.logs().some((line) => line['msg'] === 'HTTP request refused' && line['level'] === 40)).toBe(true);
  });
});
