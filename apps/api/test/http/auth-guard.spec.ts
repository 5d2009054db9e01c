// Every route is closed unless @Public(); the Authenticator seam decides who a request is.
import type { Request } from 'express';
import { Authenticator } from '../../src/auth/authenticator.js';
import type { RequestPrincipal } from '../../src/auth/request-principal.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { ProbeModule } from '../support/probe.module.js';

/** Test authenticator: the principal named by the `x-test-role` header, or nobody. */
class HeaderAuthenticator extends Authenticator {
  authenticate(request: Request): Promise<RequestPrincipal | null> {
    const role = request.headers['x-test-role'];
    if (role !== 'owner' && role !== 'admin' && role !== 'editor' && role !== 'agent') return Promise.resolve(null);
    return Promise.resolve({ userId: 'user-1', workspaceId: 'workspace-1', role });
  }
}

describe('auth guard', () => {
  describe('without sign-in (the default authenticator)', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await createTestApp({ modules: [ProbeModule] });
    });
    afterAll(() => api.close());

    it('answers 401 on routes that are not public', async () => {
      const response = await fetch(`${api.url}/api/probe/me`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { status: 401, code: 'unauthorized', message: expect.any(String), requestId: expect.any(String) } });
    });

    it('lets public routes through', async () => {
      expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
      expect((await fetch(`${api.url}/`)).status).toBe(200);
    });
  });

  describe('with an authenticator', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await createTestApp({ modules: [ProbeModule], authenticator: new HeaderAuthenticator() });
    });
    afterAll(() => api.close());

    it('attaches the principal and logs its workspace', async () => {
      const response = await fetch(`${api.url}/api/probe/me`, { headers: { 'x-test-role': 'agent', 'x-request-id': 'who-am-i' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ userId: 'user-1', workspaceId: 'workspace-1', role: 'agent' });
      expect(api.logs().find((line) => line['reqId'] === 'who-am-i')).toMatchObject({ workspaceId: 'workspace-1' });
    });

    it('still answers 401 when the authenticator finds nobody', async () => {
      expect((await fetch(`${api.url}/api/probe/me`)).status).toBe(401);
    });

    it('checks @Roles: 403 naming the roles needed', async () => {
      const denied = await fetch(`${api.url}/api/probe/admin-only`, { method: 'POST', headers: { 'x-test-role': 'editor' } });
      expect(denied.status).toBe(403);
      expect(await denied.json()).toMatchObject({
        error: { status: 403, code: 'forbidden', message: 'Your role (editor) cannot do this; it needs one of: owner, admin.' },
      });
      const allowed = await fetch(`${api.url}/api/probe/admin-only`, { method: 'POST', headers: { 'x-test-role': 'admin' } });
      expect(allowed.status).toBe(201);
      expect(await allowed.json()).toEqual({ ok: true, role: 'admin' });
    });
  });
});
