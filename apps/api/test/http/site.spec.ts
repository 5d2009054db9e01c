// Outside /api: the landing page (until the builder is built), the docs pages, and the built
// builder with client-side routes when apps/builder/dist exists.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '@jornada/flow-engine';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('site', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  describe('without a built builder', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await createTestApp({ database });
    });
    afterAll(() => api.close());

    it('serves the landing page at /, with a strict CSP', async () => {
      const response = await fetch(`${api.url}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await response.text();
      expect(html).toContain('Jornada is starting up — the builder lands here');
      expect(html).toContain(`flow schema version ${String(CURRENT_SCHEMA_VERSION)}`);
      expect(html).toContain('href="/api/health"');
      expect(html).toContain('href="/api/docs"');
    });

    it('serves the linked docs as text and 404s the rest', async () => {
      const doc = await fetch(`${api.url}/docs/architecture`);
      expect(doc.status).toBe(200);
      expect(doc.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await doc.text()).toMatch(/^# Architecture/);
      for (const pathname of ['/docs/secrets', '/docs/..%2Fpackage.json', '/flows/123']) {
        const response = await fetch(`${api.url}${pathname}`);
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
      }
    });

    it('answers HEAD with headers and no body', async () => {
      const response = await fetch(`${api.url}/`, { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
    });
  });

  describe('with a built builder', () => {
    let api: TestApp;
    let dist: string;
    beforeAll(async () => {
      dist = await mkdtemp(path.join(os.tmpdir(), 'jornada-builder-'));
      await mkdir(path.join(dist, 'assets'));
      await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Builder</title><script src="/assets/app-3f2a9c1d.js"></script>');
      await writeFile(path.join(dist, 'assets', 'app-3f2a9c1d.js'), 'console.log("builder")');
      api = await createTestApp({ database, builderDist: dist });
    });
    afterAll(async () => {
      await api.close();
      await rm(dist, { recursive: true, force: true });
    });

    it('serves its index at / and for client-side routes, its assets cached for good', async () => {
      for (const pathname of ['/', '/flows/123']) {
        const page = await fetch(`${api.url}${pathname}`, { headers: { accept: 'text/html' } });
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<title>Builder</title>');
      }
      const asset = await fetch(`${api.url}/assets/app-3f2a9c1d.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    });

    it('leaves /api to the API', async () => {
      const response = await fetch(`${api.url}/api/nope`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
      expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    });
  });
});
