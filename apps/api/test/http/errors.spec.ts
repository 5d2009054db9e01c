// Bad input gets one error shape, never a 500: { error: { status, code, message, details?, requestId } }.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { ProbeModule } from '../support/probe.module.js';
import { MAX_JSON_DEPTH } from '../../src/http/body-parsers.js';

describe('error shape', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp({ modules: [ProbeModule], env: { BODY_LIMIT: '1kb' } });
  });
  afterAll(() => api.close());

  const post = (path: string, body: string, contentType = 'application/json'): Promise<Response> =>
    fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  async function expectError(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatchObject({ status, code, message: expect.any(String), requestId: response.headers.get('x-request-id') });
    return body.error;
  }

  it('accepts a valid body and hands the controller a DTO instance', async () => {
    const response = await post('/api/probe/echo', JSON.stringify({ name: 'Ana', score: 3, address: { city: 'Recife' } }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: { name: 'Ana', score: 3, address: { city: 'Recife' } }, isInstance: true });
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const error = await expectError(await post('/api/probe/echo', '{"name": "Ana",'), 400, 'invalid_json');
    expect(error['message']).toMatch(/^The request body is not valid JSON/);
  });

  it('answers JSON nested deeper than MAX_JSON_DEPTH with 400 invalid_json, not a stack overflow', async () => {
    const nested = (levels: number): string => `{"name": "Ana", "tags": ${'['.repeat(levels)}${']'.repeat(levels)}}`;
    const error = await expectError(await post('/api/probe/echo', nested(MAX_JSON_DEPTH)), 400, 'invalid_json');
    expect(error['message']).toBe(`The request body is nested more than ${String(MAX_JSON_DEPTH)} levels deep.`);
    // One level less reaches validation, which judges the value itself.
    await expectError(await post('/api/probe/echo', nested(MAX_JSON_DEPTH - 1)), 400, 'validation_failed');
  });

  it('names an unknown field (400 validation_failed), also inside nested objects', async () => {
    const error = await expectError(await post('/api/probe/echo', JSON.stringify({ name: 'Ana', admin: true, address: { city: 'Recife', zip: 1 } })), 400, 'validation_failed');
    expect(error['details']).toEqual(
      expect.arrayContaining([
        { field: 'admin', message: 'admin is not an accepted field' },
        { field: 'address.zip', message: 'address.zip is not an accepted field' },
      ]),
    );
  });

  it('names every field with a wrong type or value', async () => {
    const error = await expectError(
      await post('/api/probe/echo', JSON.stringify({ name: 'a much too long name', score: '3', email: 'nope', address: { city: 5 } })),
      400,
      'validation_failed',
    );
    const fields = (error['details'] as { field: string }[]).map((detail) => detail.field);
    expect(new Set(fields)).toEqual(new Set(['name', 'score', 'email', 'address.city']));
    expect(error['message']).toMatch(/^Invalid request: \d+ problems\.$/);
  });

  it('says a missing field is required, once, instead of listing every rule it would fail', async () => {
    const error = await expectError(await post('/api/probe/echo', JSON.stringify({ score: 3 })), 400, 'validation_failed');
    expect(error['details']).toEqual([{ field: 'name', message: 'name is required' }]);
    expect(error['message']).toBe('Invalid request: name is required');
  });

  it('reports a value of the wrong type once, by its type, not by the rules it cannot meet', async () => {
    const error = await expectError(await post('/api/probe/echo', JSON.stringify({ name: 5 })), 400, 'validation_failed');
    expect(error['details']).toEqual([{ field: 'name', message: 'name must be a string' }]);
  });

  it('refuses a body that is not an object', async () => {
    await expectError(await post('/api/probe/echo', '[1,2]'), 400, 'validation_failed');
    await expectError(await post('/api/probe/echo', '"text"'), 400, 'invalid_json');
  });

  it('answers a body over BODY_LIMIT with 413 payload_too_large naming the limit', async () => {
    const error = await expectError(await post('/api/probe/echo', JSON.stringify({ name: 'x'.repeat(2000) })), 413, 'payload_too_large');
    expect(error['message']).toBe('The request body is larger than the limit of 1kb.');
  });

  it('answers unknown routes with 404 not_found, under /api and outside it', async () => {
    const error = await expectError(await fetch(`${api.url}/api/nope?x=1`, { method: 'DELETE' }), 404, 'not_found');
    expect(error['message']).toBe('No route for DELETE /api/nope.');
    await expectError(await fetch(`${api.url}/no/such/page`), 404, 'not_found');
  });

  it('answers an unexpected error with 500 and no internals, and logs it with the request id', async () => {
    const response = await fetch(`${api.url}/api/probe/boom`, { headers: { 'x-request-id': 'trace-me-123' } });
    const error = await expectError(response, 500, 'internal_error');
    expect(error['requestId']).toBe('trace-me-123');
    expect(JSON.stringify(error)).not.toContain('hunter2');
    const logged = api.logs().find((line) => line['reqId'] === 'trace-me-123' && line['err'] !== undefined);
    expect(logged).toMatchObject({ level: 50, err: { message: 'database password is hunter2', stack: expect.stringContaining('ProbeController') } });
  });

  it('passes an ApiError through with its code and meta', async () => {
    const error = await expectError(await fetch(`${api.url}/api/probe/conflict`), 409, 'draft_conflict');
    expect(error).toEqual({ status: 409, code: 'draft_conflict', message: 'Someone saved first.', meta: { currentRevision: 7 }, requestId: expect.any(String) });
  });

  it('keeps a well-formed x-request-id and replaces a malformed one', async () => {
    const kept = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'abc.DEF-123_456' } });
    expect(kept.headers.get('x-request-id')).toBe('abc.DEF-123_456');
    const replaced = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per request with its id', async () => {
    await fetch(`${api.url}/api/nope`, { headers: { 'x-request-id': 'line-per-request' } });
    const lines = api.logs().filter((line) => line['reqId'] === 'line-per-request');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ method: 'GET', url: '/api/nope' }), res: { statusCode: 404 } }),
    ]);
  });
});
