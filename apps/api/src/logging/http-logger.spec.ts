import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { requestIdMiddleware } from '../http/request-id.js';
import { createLogger } from './create-logger.js';
import { createHttpLogger } from './http-logger.js';
import { setRequestWorkspace } from './request-context.js';

type Line = Record<string, unknown>;

describe('createHttpLogger', () => {
  let server: Server;
  let url: string;
  let lines: Line[];

  beforeAll(async () => {
    lines = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const text of chunk.toString('utf8').split('\n')) if (text.trim() !== '') lines.push(JSON.parse(text) as Line);
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    const httpLogger = createHttpLogger(logger);
    const handle = (request: IncomingMessage, response: ServerResponse): void => {
      if (request.url === '/api/workspace') setRequestWorkspace(request, 'ws-1');
      if (request.url === '/api/slow') return; // never answers: the client gives up
      response.statusCode = request.url === '/api/broken' ? 500 : request.url === '/api/nope' ? 404 : 200;
      // Routers take a mounted prefix off request.url on the way, as Express does.
      if (request.url?.startsWith('/api/') === true) request.url = request.url.slice(4);
      response.end('{}');
    };
    server = createServer((request, response) => {
      requestIdMiddleware(request, response, () => {
        httpLogger(request, response, () => {
          handle(request, response);
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = async (path: string, requestId: string): Promise<number> => (await fetch(`${url}${path}`, { headers: { 'x-request-id': requestId } })).status;
  const linesOf = async (requestId: string): Promise<Line[]> => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return lines.filter((line) => line['reqId'] === requestId);
  };

  it('logs one line per completed request: method, url, status, time and request id, at info', async () => {
    expect(await get('/api/things?page=2', 'ok-1')).toBe(200);
    const [line, ...more] = await linesOf('ok-1');
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 30, msg: 'request completed', req: { method: 'GET', url: '/api/things?page=2', remoteAddress: '127.0.0.1' }, res: { statusCode: 200 } });
    expect(line?.['responseTime']).toEqual(expect.any(Number));
    expect(line).not.toHaveProperty('workspaceId');
  });

  it('adds the workspace the request acted in', async () => {
    await get('/api/workspace', 'ws-line');
    expect(await linesOf('ws-line')).toEqual([expect.objectContaining({ workspaceId: 'ws-1' })]);
  });

  it('logs 4xx at warn and 5xx at error', async () => {
    await get('/api/nope', 'missing');
    await get('/api/broken', 'broken');
    expect((await linesOf('missing')).map((line) => line['level'])).toEqual([40]);
    expect((await linesOf('broken')).map((line) => line['level'])).toEqual([50]);
  });

  it('logs the url as it came, whatever the routers made of it', async () => {
    await get('/api/rewritten', 'rewritten');
    expect(await linesOf('rewritten')).toEqual([expect.objectContaining({ req: expect.objectContaining({ url: '/api/rewritten' }) })]);
  });

  it('keeps health probes out of the info log', async () => {
    expect(await get('/api/health', 'probe')).toBe(200);
    expect(await linesOf('probe')).toEqual([]);
  });

  it('logs a request whose client went away before the answer as aborted, once', async () => {
    await new Promise<void>((resolve) => {
      const outgoing = httpRequest(`${url}/api/slow`, { headers: { 'x-request-id': 'gone' } });
      outgoing.on('error', () => {
        resolve();
      });
      outgoing.end();
      setTimeout(() => {
        outgoing.destroy();
        resolve();
      }, 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await linesOf('gone')).toEqual([expect.objectContaining({ level: 40, msg: 'request aborted', req: expect.objectContaining({ url: '/api/slow' }) })]);
  });
});
