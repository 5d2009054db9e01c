// Test helpers for the flows and contacts routes: one app, many workspaces. Each request says
// who it is with x-test-* headers, read by HeaderAuthenticator (the real sign-in is not used).
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { Authenticator } from '../../src/auth/authenticator.js';
import type { RequestPrincipal } from '../../src/auth/request-principal.js';
import { isRole, type Role } from '../../src/security/roles.js';

export class HeaderAuthenticator extends Authenticator {
  authenticate(request: Request): Promise<RequestPrincipal | null> {
    const workspaceId = request.headers['x-test-workspace'];
    const role = request.headers['x-test-role'];
    const userId = request.headers['x-test-user'];
    if (typeof workspaceId !== 'string' || !isRole(role)) return Promise.resolve(null);
    return Promise.resolve(typeof userId === 'string' ? { workspaceId, role, userId } : { workspaceId, role });
  }
}

export interface ApiResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON bodies of any shape, asserted by the tests
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
  readonly text: string;
}

export interface Caller {
  readonly workspaceId: string;
  request<T = any>(method: string, path: string, body?: unknown, init?: { raw?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- see ApiResponse
}

/** Requests to `baseUrl` as a member of `workspaceId` with `role`. */
export function callerFor(baseUrl: string, { workspaceId, role, userId }: { workspaceId: string; role: Role; userId?: string }): Caller {
  return {
    workspaceId,
    async request(method, path, body, init) {
      const headers: Record<string, string> = { 'x-test-workspace': workspaceId, 'x-test-role': role, ...(userId === undefined ? {} : { 'x-test-user': userId }), ...init?.headers };
      const payload = init?.raw ?? (body === undefined ? undefined : JSON.stringify(body));
      if (payload !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      return { status: response.status, body: parsed as never, headers: response.headers, text };
    },
  };
}

let counter = 0;

/** A workspace row (the workspaces module is not needed to have one). */
export async function createWorkspace(db: DataSource, settings: { name?: string; locale?: string; country?: string | null } = {}): Promise<string> {
  counter += 1;
  const rows = await db.query<{ id: string }[]>(`INSERT INTO workspaces (name, slug, locale, country) VALUES ($1, $2, $3, $4) RETURNING id`, [
    settings.name ?? `Shop ${String(counter)}`,
    `shop-${String(counter)}-${Math.random().toString(36).slice(2, 10)}`,
    settings.locale ?? 'en',
    settings.country === undefined ? 'BR' : settings.country,
  ]);
  return rows[0]!.id;
}

export async function createUser(db: DataSource, name = 'Editor'): Promise<string> {
  counter += 1;
  const rows = await db.query<{ id: string }[]>(`INSERT INTO users (email, password_hash, name) VALUES ($1, 'x', $2) RETURNING id`, [
    `user${String(counter)}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    name,
  ]);
  return rows[0]!.id;
}

/** A small valid document: an inbound trigger -> a message -> end. */
export function sampleDocument(overrides: { name?: string; text?: string } = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: overrides.name ?? 'Welcome',
    triggers: [{ id: 't1', type: 'inbound_message', match: { kind: 'any' } }],
    nodes: [
      { id: 'hello', type: 'message', data: { text: overrides.text ?? 'Hello!' } },
      { id: 'bye', type: 'end', data: {} },
    ],
    edges: [
      { id: 'e1', source: 't1', sourceHandle: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'bye' },
    ],
  };
}

/** The same flow with an edge into a node that does not exist: valid JSON, a lint error. */
export function documentWithLintError(): Record<string, unknown> {
  const document = sampleDocument();
  return { ...document, edges: [...(document['edges'] as unknown[]), { id: 'e3', source: 'hello', sourceHandle: 'next', target: 'nowhere' }] };
}
