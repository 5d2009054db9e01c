import type { IncomingMessage } from 'node:http';
import { Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The response was (or announced it would be) larger than the limit; nothing more was read. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

/** A `Content-Encoding` we did not ask for and cannot decode. */
export class UnsupportedEncodingError extends Error {
  override readonly name = 'UnsupportedEncodingError';
}

const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Reads a response body while counting: past `limit` decoded bytes it stops and destroys the
 * stream (and with it the connection) instead of buffering first, so neither a slow drip, a
 * huge body nor a compression bomb holds more than `limit` bytes in memory. A `Content-Length`
 * over the limit is refused before reading anything.
 */
export async function readBody(response: IncomingMessage, { limit, signal }: { limit: number; signal: AbortSignal }): Promise<Buffer> {
  const announced = Number(response.headers['content-length']);
  if (Number.isFinite(announced) && announced > limit) {
    response.destroy();
    throw new ResponseTooLargeError(`The response announced ${String(announced)} bytes, more than the limit of ${String(limit)} bytes.`);
  }
  const encodings = (response.headers['content-encoding'] ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding !== '' && encoding !== 'identity');
  const decoders: Transform[] = [];
  // Applied in the reverse order of listing: the last one listed was applied last.
  for (const encoding of encodings.reverse()) {
    const create = DECODERS[encoding];
    if (create === undefined || decoders.length >= 2) {
      response.destroy();
      throw new UnsupportedEncodingError(`The response uses the content encoding "${encodings.join(', ')}", which cannot be decoded.`);
    }
    decoders.push(create());
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) {
        done(new ResponseTooLargeError(`The response is larger than the limit of ${String(limit)} bytes.`));
        return;
      }
      chunks.push(chunk);
      done();
    },
  });
  // An error anywhere (the sink's limit, a decoder, the deadline) destroys every stream, the response's socket included.
  await pipeline([response, ...decoders, sink], { signal });
  return Buffer.concat(chunks, size);
}
