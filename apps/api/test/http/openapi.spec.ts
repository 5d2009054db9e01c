// OpenAPI: every route and DTO in /api/docs-json, and a working UI at /api/docs served from
// the installed packages (no CDN).
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { ProbeModule } from '../support/probe.module.js';

interface OpenApiDocument {
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

describe('OpenAPI', () => {
  let api: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    api = await createTestApp({ modules: [ProbeModule] });
    const response = await fetch(`${api.url}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => api.close());

  it('describes every API route, and none of the site pages', () => {
    expect(document.info).toMatchObject({ title: 'Jornada API', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/api-keys',
      '/api/api-keys/{apiKeyId}',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/setup',
      '/api/contacts',
      '/api/contacts/{id}',
      '/api/contacts/{id}/identities',
      '/api/contacts/{id}/identities/{identityId}',
      '/api/contacts/{id}/opt-in',
      '/api/contacts/{id}/opt-out',
      '/api/contacts/{id}/tags',
      '/api/contacts/{id}/tags/{tag}',
      '/api/conversations/{id}/hand-back',
      '/api/conversations/{id}/resolve',
      '/api/events',
      '/api/flow-schema',
      '/api/flow-templates',
      '/api/flows',
      '/api/flows/import',
      '/api/flows/validate',
      '/api/flows/{id}',
      '/api/flows/{id}/draft',
      '/api/flows/{id}/draft/operations',
      '/api/flows/{id}/duplicate',
      '/api/flows/{id}/export',
      '/api/flows/{id}/publish',
      '/api/flows/{id}/simulate',
      '/api/flows/{id}/versions',
      '/api/flows/{id}/versions/{from}/diff/{to}',
      '/api/flows/{id}/versions/{version}',
      '/api/flows/{id}/versions/{version}/restore',
      '/api/health',
      '/api/invitations',
      '/api/invitations/accept',
      '/api/invitations/{invitationId}',
      '/api/members',
      '/api/members/{memberId}',
      '/api/probe/admin-only',
      '/api/probe/boom',
      '/api/probe/conflict',
      '/api/probe/echo',
      '/api/probe/me',
      '/api/probe/workspaces',
      '/api/queues',
      '/api/queues/{queue}/failed',
      '/api/sandbox/conversations',
      '/api/sandbox/conversations/{id}/messages',
      '/api/sandbox/conversations/{id}/stream',
      '/api/sessions',
      '/api/sessions/{id}',
      '/api/sessions/{id}/log',
      '/api/simulations/{id}',
      '/api/simulations/{id}/events',
      '/api/simulations/{id}/messages',
      '/api/simulations/{id}/skip-wait',
      '/api/simulations/{id}/stream',
      '/api/workspace',
      '/api/workspaces',
      '/webhooks/probe/{channelId}',
    ]);
  });

  it('describes DTOs and the shared error shape on every operation', () => {
    expect(document.components.schemas['HealthResponseDto']?.properties).toHaveProperty('database');
    expect(document.components.schemas['ProbeInputDto']?.properties).toHaveProperty('name');
    expect(document.components.schemas['ErrorResponseDto']?.properties).toHaveProperty('error');
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect([path, method, operation.responses['default']]).toEqual([path, method, expect.objectContaining({ content: expect.anything() })]);
      }
    }
  });

  it('serves the UI and its assets from the server itself', async () => {
    const page = await fetch(`${api.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui');
    expect(html).not.toMatch(/https?:\/\/(?!localhost|127\.0\.0\.1)[^"']*\.(js|css)/);
    const script = /src=["']([^"']*swagger-ui-bundle\.js)["']/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script!, `${api.url}/api/docs/`));
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });
});
