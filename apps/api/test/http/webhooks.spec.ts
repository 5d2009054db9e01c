// Provider webhooks are served at /webhooks/<type>/<id>, outside /api, and keep the raw bytes of
// the body (signatures are computed over exactly those bytes).
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { ProbeModule } from '../support/probe.module.js';

describe('webhook routes', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ modules: [ProbeModule] });
  });
  afterAll(() => api.close());

  it('are mounted at /webhooks, not under /api, with the raw body kept', async () => {
    const body = '{ "entry" : [ 1, 2 ] }';
    const response = await fetch(`${api.url}/webhooks/probe/channel-1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ channelId: 'channel-1', raw: body, parsed: { entry: [1, 2] } });
    expect((await fetch(`${api.url}/api/webhooks/probe/channel-1`, { method: 'POST' })).status).toBe(404);
  });

  it('parse form bodies too (SMS providers post forms)', async () => {
    const response = await fetch(`${api.url}/webhooks/probe/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'From=%2B5511912345678&Body=oi',
    });
    expect(await response.json()).toEqual({ channelId: 'sms', raw: 'From=%2B5511912345678&Body=oi', parsed: { From: '+5511912345678', Body: 'oi' } });
  });
});
