import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { ApiError } from './api-error.js';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** The request body exactly as received, kept for webhook signature checks (`req.rawBody`). */
export interface RawBodyRequest extends IncomingMessage {
  rawBody?: Buffer;
}

/**
 * JSON and form bodies up to `limit` bytes. Parser failures become ApiErrors here, because
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
          next(error === undefined ? undefined : toApiError(error, limitText));
        });
      },
  );
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
