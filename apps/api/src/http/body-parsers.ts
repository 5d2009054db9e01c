import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { ApiError } from './api-error.js';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** The request body exactly as received, kept for webhook signature checks (`req.rawBody`). */
export interface RawBodyRequest extends IncomingMessage {
  rawBody?: Buffer;
}

/**
 * Deepest nesting of objects and arrays a JSON body may have. Real bodies stay far below (a
 * flow document is about 10 levels deep); past a few thousand, the DTO transform of the
 * validation pipe overflows the stack, which would be a 500.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * JSON and form bodies up to `limit` bytes, JSON nested at most MAX_JSON_DEPTH deep. Parser failures become ApiErrors here, because
 * past this point Nest turns every SyntaxError into a generic 400 and a too-large body into a
 * 500: malformed JSON -> 400 `invalid_json`, over the limit -> 413 `payload_too_large` naming
 * the limit. The raw bytes are kept on `req.rawBody` (providers sign exactly those bytes).
 */
export function createBodyParsers({ limitBytes, limitText }: { limitBytes: number; limitText: string }): Middleware[] {
  const verify = (request: IncomingMessage, _response: ServerResponse, buffer: Buffer): void => {
    (request as RawBodyRequest).rawBody = buffer;
  };
  const parsers = [
    express.json({ limit: limitBytes, verify, type: ['application/json', 'application/*+json'] }),
    express.urlencoded({ limit: limitBytes, verify, extended: false, parameterLimit: 1000 }),
  ];
  return parsers.map(
    (parser): Middleware =>
      (request, response, next) => {
        parser(request as express.Request, response as express.Response, (error?: unknown) => {
          if (error !== undefined) return next(toApiError(error, limitText));
          if (jsonDepthExceeds((request as express.Request).body as unknown, MAX_JSON_DEPTH)) {
            return next(
              new ApiError({ status: 400, code: 'invalid_json', message: `The request body is nested more than ${String(MAX_JSON_DEPTH)} levels deep.` }),
            );
          }
          next();
        });
      },
  );
}

/** Whether objects and arrays nest deeper than `limit` (iterative: a deep body cannot overflow it). */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [current, depth] = item;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

function toApiError(error: unknown, limitText: string): unknown {
  const { type, status, message } = error as BodyParserError;
  switch (type) {
    case 'entity.parse.failed':
      return new ApiError({ status: 400, code: 'invalid_json', message: `The request body is not valid JSON: ${message ?? 'parse error'}.` });
    case 'entity.too.large':
      return new ApiError({ status: 413, code: 'payload_too_large', message: `The request body is larger than the limit of ${limitText}.`, meta: { limit: limitText } });
    case 'parameters.too.many':
      return new ApiError({ status: 413, code: 'payload_too_large', message: 'The form has too many fields (at most 1000).' });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError({ status: 415, code: 'unsupported_media_type', message: message ?? 'Unsupported body encoding.' });
    case 'request.aborted':
    case 'request.size.invalid':
      return new ApiError({ status: 400, code: 'bad_request', message: message ?? 'The request body was not received whole.' });
    default:
      return typeof status === 'number' && status >= 400 && status < 500
        ? new ApiError({ status, code: 'bad_request', message: message ?? 'Bad request body.' })
        : error;
  }
}
