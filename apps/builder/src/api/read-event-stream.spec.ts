/** @jest-environment node */
import { readEventStream, type ServerSentEvent } from './read-event-stream.js';

/** A body delivered in the given chunks, as a server may cut it anywhere. */
function body(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function read(chunks: readonly string[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  await readEventStream(body(chunks), (event) => events.push(event));
  return events;
}

describe('readEventStream', () => {
  it('reads named events, as NestJS writes them', async () => {
    expect(await read(['event: message\nid: m1\ndata: {"id":"m1"}\n\n', 'event: session\ndata: {"sessionId":"s1"}\n\n'])).toEqual([
      { event: 'message', data: '{"id":"m1"}' },
      { event: 'session', data: '{"sessionId":"s1"}' },
    ]);
  });

  it('joins events cut across chunks, CRLF and CR line ends, and several data lines', async () => {
    expect(await read(['event: mes', 'sage\r', '\ndata: a\r\ndata:b\r\r', 'data: c\n', '\n'])).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'message', data: 'c' },
    ]);
  });

  it('skips comments and events without data, and dispatches nothing unfinished', async () => {
    expect(await read([': keep-alive\n\n', 'event: session\n\n', 'data: x\n\n', 'data: unfinished'])).toEqual([{ event: 'message', data: 'x' }]);
  });
});
