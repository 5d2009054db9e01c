import path from 'node:path';
import type { ChannelType } from '@jornada/flow-engine';
import { parseAllowedHosts, type AllowedHostRule } from '../runtime/http-request/allowed-hosts.js';
import { parseChannelRateLimits } from '../runtime/processing/rate-limit/channel-rate-limits.js';
import { ConfigError } from './config-error.js';
import {
  parseBoolean,
  parseByteSize,
  parseDatabaseUrl,
  parseEmail,
  parseEnum,
  parseInteger,
  parsePort,
  parseRedisUrl,
  readValue,
} from './parse-values.js';

export { ConfigError } from './config-error.js';

/** What one process runs. `all` (the default) is the embedded, single-process deployment. */
export type Role = 'api' | 'worker' | 'all';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Where the data lives: a server given by `DATABASE_URL`, or one Jornada runs itself. */
export type DatabaseConfig =
  | { readonly mode: 'external'; readonly url: string }
  | { readonly mode: 'embedded' };

/** What the `http_request` node of flows may reach (see runtime/http-request/). */
export interface HttpRequestConfig {
  /** HTTP_REQUEST_ALLOW_PRIVATE: private networks, loopback, link-local, unique-local, CGNAT. */
  readonly allowPrivate: boolean;
  /** HTTP_REQUEST_ALLOWED_HOSTS: hosts and address ranges allowed even though not public. */
  readonly allowedHosts: readonly AllowedHostRule[];
  /** HTTP_REQUEST_MAX_RESPONSE: the largest response body read. */
  readonly maxResponse: { readonly bytes: number; readonly text: string };
}

/** Settings the server reads from its environment (see docs/configuration.md). */
export interface ApiConfig {
  /** TCP port to listen on; 0 asks the OS for a free one (tests). */
  readonly port: number;
  /** `api` serves HTTP, `worker` will run the queue processors, `all` both. */
  readonly role: Role;
  readonly database: DatabaseConfig;
  /** DATABASE_POOL_SIZE: connections this process keeps to PostgreSQL at most. */
  readonly databasePoolSize: number;
  /** DATABASE_PREPARED_STATEMENTS: repeated parameterised statements run as prepared statements (off behind a pooler that cannot keep them). */
  readonly databasePreparedStatements: boolean;
  /** The queues run on Redis when set (BullMQ), else on BullMQ's PostgreSQL backend. */
  readonly redisUrl: string | undefined;
  /** REDIS_PREFIX: the namespace of Jornada's Redis keys (several deployments may share a Redis). */
  readonly redisPrefix: string;
  /** Absolute path of the data directory (embedded Postgres, generated secrets). */
  readonly dataDir: string;
  /**
   * Secret that signs sessions and encrypts credentials at rest. `undefined` when not set: the
   * server then reads or creates `DATA_DIR/app-secret` at start (see load-app-secret.ts).
   */
  readonly appSecret: string | undefined;
  /** First owner created on an empty database; both variables or neither. */
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  readonly logLevel: LogLevel;
  /** Seed the demo workspace with the journey templates on first start. */
  readonly seedDemo: boolean;
  /** Largest accepted request body, in bytes, and as written (for error messages). */
  readonly bodyLimit: { readonly bytes: number; readonly text: string };
  readonly httpRequest: HttpRequestConfig;
  readonly production: boolean;
  /** OUTBOUND_RATE_LIMITS: sends per second per channel account, over the defaults. */
  readonly outboundRateLimits: Readonly<Partial<Record<ChannelType, number>>>;
  /** INBOUND_BATCH_SIZE: most inbound events a worker steps in one transaction (1: each alone). */
  readonly inboundBatchSize: number;
  /** RUN_STORED_HERE: just-stored rows' jobs a worker process runs itself at once, at most at a time (0: all through the queue). */
  readonly runStoredHere: number;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_DATABASE_POOL_SIZE = 10;
export const DEFAULT_INBOUND_BATCH_SIZE = 32;
export const DEFAULT_RUN_STORED_HERE = 1024;
export const DEFAULT_BODY_LIMIT = '1mb';
export const DEFAULT_HTTP_REQUEST_MAX_RESPONSE = '1mb';
export const MIN_APP_SECRET_LENGTH = 32;
export const MIN_ADMIN_PASSWORD_LENGTH = 10;
const ROLES: readonly Role[] = ['api', 'worker', 'all'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface ParseConfigInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A relative `DATA_DIR` is resolved against this folder, like any path given to a command. */
  readonly cwd: string;
  /** The default `DATA_DIR` is `<installRoot>/.jornada`, wherever the process was started from. */
  readonly installRoot: string;
}

/**
 * Parses the server's configuration from environment variables (untrusted text -> typed
 * config). Throws {@link ConfigError} with one line naming the variable when a value is
 * invalid, so a misconfigured deployment stops at start instead of misbehaving later.
 * An empty value (`PORT=` in a compose file or .env) counts as unset. Pure: no I/O.
 */
export function parseConfig({ env, cwd, installRoot }: ParseConfigInput): ApiConfig {
  const production = readValue(env, 'NODE_ENV') === 'production';
  const databaseUrl = readValue(env, 'DATABASE_URL');
  const dataDir = readValue(env, 'DATA_DIR');
  return {
    port: parsePort(env, 'PORT', DEFAULT_PORT),
    role: parseEnum(env, 'ROLE', ROLES, 'all'),
    database: databaseUrl === undefined ? { mode: 'embedded' } : { mode: 'external', url: parseDatabaseUrl(databaseUrl) },
    databasePoolSize: parseInteger(env, 'DATABASE_POOL_SIZE', { min: 1, max: 1000, fallback: DEFAULT_DATABASE_POOL_SIZE }),
    databasePreparedStatements: parseBoolean(env, 'DATABASE_PREPARED_STATEMENTS', true),
    redisUrl: parseRedisUrl(env),
    redisPrefix: parseRedisPrefix(readValue(env, 'REDIS_PREFIX')),
    dataDir: dataDir === undefined ? path.join(installRoot, '.jornada') : path.resolve(cwd, dataDir),
    appSecret: parseAppSecret(env, production),
    admin: parseAdmin(env),
    logLevel: parseEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    seedDemo: parseBoolean(env, 'SEED_DEMO', true),
    bodyLimit: parseByteSize(env, 'BODY_LIMIT', DEFAULT_BODY_LIMIT),
    httpRequest: {
      allowPrivate: parseBoolean(env, 'HTTP_REQUEST_ALLOW_PRIVATE', false),
      allowedHosts: parseHttpAllowedHosts(env),
      maxResponse: parseByteSize(env, 'HTTP_REQUEST_MAX_RESPONSE', DEFAULT_HTTP_REQUEST_MAX_RESPONSE),
    },
    production,
    outboundRateLimits: parseChannelRateLimits(readValue(env, 'OUTBOUND_RATE_LIMITS')),
    inboundBatchSize: parseInteger(env, 'INBOUND_BATCH_SIZE', { min: 1, max: 256, fallback: DEFAULT_INBOUND_BATCH_SIZE }),
    runStoredHere: parseInteger(env, 'RUN_STORED_HERE', { min: 0, max: 100_000, fallback: DEFAULT_RUN_STORED_HERE }),
  };
}

function parseAppSecret(env: ParseConfigInput['env'], production: boolean): string | undefined {
  const secret = readValue(env, 'APP_SECRET');
  if (secret === undefined) {
    if (production) {
      throw new ConfigError(
        `APP_SECRET is required when NODE_ENV=production: set it to a random string of at least ${String(MIN_APP_SECRET_LENGTH)} characters (e.g. \`openssl rand -base64 48\`), the same for every process.`,
      );
    }
    return undefined;
  }
  // Never echo a secret back, not even a wrong one.
  if (secret.length < MIN_APP_SECRET_LENGTH) {
    throw new ConfigError(
      `Invalid APP_SECRET: expected at least ${String(MIN_APP_SECRET_LENGTH)} characters, got ${String(secret.length)} (e.g. \`openssl rand -base64 48\`).`,
    );
  }
  return secret;
}

function parseHttpAllowedHosts(env: ParseConfigInput['env']): readonly AllowedHostRule[] {
  const parsed = parseAllowedHosts(readValue(env, 'HTTP_REQUEST_ALLOWED_HOSTS') ?? '');
  if (!parsed.ok) {
    throw new ConfigError(
      `Invalid HTTP_REQUEST_ALLOWED_HOSTS entry ${JSON.stringify(parsed.entry)}: ${parsed.reason} (expected a comma-separated list of host names, *.domains, IP addresses or CIDR ranges, e.g. store.local,10.0.0.0/8).`,
    );
  }
  return parsed.rules;
}

function parseAdmin(env: ParseConfigInput['env']): ApiConfig['admin'] {
  const email = readValue(env, 'ADMIN_EMAIL');
  const password = env['ADMIN_PASSWORD'] === '' ? undefined : env['ADMIN_PASSWORD'];
  if (email === undefined && password === undefined) return undefined;
  if (email === undefined) throw new ConfigError('ADMIN_PASSWORD is set but ADMIN_EMAIL is not: set both, or neither.');
  if (password === undefined) throw new ConfigError('ADMIN_EMAIL is set but ADMIN_PASSWORD is not: set both, or neither.');
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) {
    throw new ConfigError(
      `Invalid ADMIN_PASSWORD: expected at least ${String(MIN_ADMIN_PASSWORD_LENGTH)} characters, got ${String(password.length)}.`,
    );
  }
  return { email: parseEmail('ADMIN_EMAIL', email), password };
}

function parseRedisPrefix(value: string | undefined): string {
  if (value === undefined) return 'jornada';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
    throw new ConfigError(`Invalid REDIS_PREFIX ${JSON.stringify(value)}: expected 1 to 64 letters, digits, '_', '.' or '-' (default jornada).`);
  }
  return value;
}
