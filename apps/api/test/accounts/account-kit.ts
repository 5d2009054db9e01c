// Helpers for the accounts and workspaces tests: people, workspaces and sessions written straight
// to the database (one scrypt hash per file, reused), and a small HTTP client.
import type { DataSource } from 'typeorm';
import { createToken, hashPassword, type Role } from '../../src/security/index.js';
import type { TestApp } from '../support/create-test-app.js';

/** The password of every person the kit creates. */
export const PASSWORD = 'correct horse battery staple';

export interface CallOptions {
  /** A session token or an API key, sent as `Authorization: Bearer`. */
  readonly token?: string;
  readonly workspaceId?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface CallResult {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of any shape, asserted by the tests
  readonly body: any;
  readonly headers: Headers;
}

export async function call(api: TestApp, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.workspaceId !== undefined) headers['x-workspace-id'] = options.workspaceId;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

export interface Person {
  readonly userId: string;
  readonly email: string;
  /** A session token (bearer). */
  readonly token: string;
  /** The membership id in the workspace the person was made for. */
  readonly memberId: string;
}

let sequence = 0;

export class AccountKit {
  private constructor(
    private readonly db: DataSource,
    private readonly passwordHash: string,
  ) {}

  static async create(db: DataSource): Promise<AccountKit> {
    return new AccountKit(db, await hashPassword(PASSWORD));
  }

  async user(input: { email?: string; name?: string } = {}): Promise<{ id: string; email: string }> {
    sequence += 1;
    const email = input.email ?? `person${String(sequence)}.${Math.random().toString(36).slice(2, 8)}@example.com`;
    const [row] = await this.db.query<{ id: string }[]>(`INSERT INTO users (email, password_hash, name) VALUES ($1, $2, $3) RETURNING id`, [
      email,
      this.passwordHash,
      input.name ?? `Person ${String(sequence)}`,
    ]);
    return { id: row!.id, email };
  }

  async workspace(name = 'Shop'): Promise<string> {
    sequence += 1;
    const [row] = await this.db.query<{ id: string }[]>(`INSERT INTO workspaces (name, slug) VALUES ($1, $2) RETURNING id`, [
      name,
      `shop-${String(sequence)}-${Math.random().toString(36).slice(2, 8)}`,
    ]);
    return row!.id;
  }

  async member(workspaceId: string, userId: string, role: Role): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3) RETURNING id`, [
      workspaceId,
      userId,
      role,
    ]);
    return row!.id;
  }

  /** A session as login would store it; returns the token. */
  async session(userId: string, { workspaceId = null, expiresAt }: { workspaceId?: string | null; expiresAt?: Date } = {}): Promise<string> {
    const { token, hash } = createToken();
    await this.db.query(`INSERT INTO auth_sessions (user_id, token_hash, expires_at, last_used_at, current_workspace_id) VALUES ($1, $2, $3, now(), $4)`, [
      userId,
      hash,
      expiresAt ?? new Date(Date.now() + 24 * 3600 * 1000),
      workspaceId,
    ]);
    return token;
  }

  /** A new person with `role` in `workspaceId`, signed in there. */
  async person(workspaceId: string, role: Role): Promise<Person> {
    const user = await this.user();
    const memberId = await this.member(workspaceId, user.id, role);
    return { userId: user.id, email: user.email, token: await this.session(user.id, { workspaceId }), memberId };
  }
}
