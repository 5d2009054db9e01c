import type { ServerResponse } from 'node:http';

/** Headers every response carries: no MIME sniffing, no referrer leaks. */
const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/** The landing page has no script and loads nothing from elsewhere. */
const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`, {
    'Cache-Control': 'no-store',
  });
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  send(response, status, 'text/html; charset=utf-8', html, {
    'Content-Security-Policy': HTML_CSP,
    'Cache-Control': 'no-cache',
  });
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, 'text/plain; charset=utf-8', text, { 'Cache-Control': 'no-cache' });
}

/** The error envelope of the REST API (the same shape Nest will answer with later). */
export function sendJsonError(response: ServerResponse, status: number, error: string, message: string): void {
  sendJson(response, status, { statusCode: status, error, message });
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  extraHeaders: Readonly<Record<string, string>>,
): void {
  const bytes = Buffer.from(body, 'utf8');
  response.writeHead(status, {
    ...BASE_HEADERS,
    ...extraHeaders,
    'Content-Type': contentType,
    'Content-Length': String(bytes.byteLength),
  });
  // Node drops the body of a HEAD response by itself; the headers stay exact.
  response.end(bytes);
}
