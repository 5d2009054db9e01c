// Parsers for single environment values. Each throws a ConfigError whose one-line message
// names the variable, shows the value (unless it may hold a secret) and says what is expected.
import { ConfigError } from './config-error.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The trimmed value, or `undefined` when unset or blank (`PORT=` in a compose file). */
export function readValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim() ?? '';
  return value === '' ? undefined : value;
}

export function parsePort(env: Env, name: string, fallback: number): number {
  const value = readValue(env, name);
  if (value === undefined) return fallback;
  // Digits only: Number() would accept '0x10' and '1e3', parseInt() '80abc'.
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) {
    throw new ConfigError(
      `Invalid ${name} ${JSON.stringify(env[name])}: expected an integer from 0 to 65535 (default ${String(fallback)}).`,
    );
  }
  return port;
}

/** A whole number from `min` to `max`; digits only (no '1e3', '0x10' or '10abc'). */
export function parseInteger(env: Env, name: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  const value = readValue(env, name);
  if (value === undefined) return fallback;
  const parsed = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`Invalid ${name} ${JSON.stringify(env[name])}: expected an integer from ${String(min)} to ${String(max)} (default ${String(fallback)}).`);
  }
  return parsed;
}

export function parseEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = readValue(env, name);
  if (value === undefined) return fallback;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw new ConfigError(
      `Invalid ${name} ${JSON.stringify(env[name])}: expected one of ${allowed.join(', ')} (default ${fallback}).`,
    );
  }
  return match;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

export function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = readValue(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new ConfigError(
    `Invalid ${name} ${JSON.stringify(env[name])}: expected true or false (default ${String(fallback)}).`,
  );
}

const BYTE_UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2 };
/** Larger bodies belong in object storage, not in a JSON request. */
const MAX_BODY_LIMIT_BYTES = 100 * 1024 ** 2;

/** `512kb`, `1mb`, `2048` (bytes): the units body-parser understands, at most 100mb. */
export function parseByteSize(env: Env, name: string, fallback: string): { bytes: number; text: string } {
  const text = readValue(env, name)?.toLowerCase() ?? fallback;
  const match = /^(\d{1,9})\s*(b|kb|mb)?$/.exec(text);
  const bytes = match ? Number(match[1]) * (BYTE_UNITS[match[2] ?? 'b'] ?? 1) : Number.NaN;
  if (!(bytes >= 1 && bytes <= MAX_BODY_LIMIT_BYTES)) {
    throw new ConfigError(
      `Invalid ${name} ${JSON.stringify(env[name])}: expected a size such as 512kb or 1mb, from 1b to 100mb (default ${fallback}).`,
    );
  }
  return { bytes, text: text.replace(/\s+/g, '') };
}

/** A URL with its password replaced, safe to print. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    // Unparseable: it may still contain a password after "://user:"; show its shape only.
    return raw.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

export function parseDatabaseUrl(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || !['postgres:', 'postgresql:'].includes(url.protocol) || url.hostname === '') {
    throw new ConfigError(
      `Invalid DATABASE_URL ${JSON.stringify(redactUrl(raw))}: expected postgres://user:password@host:5432/database (or leave it unset to use the embedded PostgreSQL).`,
    );
  }
  return raw;
}

export function parseRedisUrl(env: Env): string | undefined {
  const raw = readValue(env, 'REDIS_URL');
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || !['redis:', 'rediss:'].includes(url.protocol) || url.hostname === '') {
    throw new ConfigError(
      `Invalid REDIS_URL ${JSON.stringify(redactUrl(raw))}: expected redis://[:password@]host:6379[/db] or rediss://… (or leave it unset).`,
    );
  }
  return raw;
}

/** A deliberately loose check: one @, no spaces, a dot in the domain. Delivery is the real test. */
export function parseEmail(name: string, raw: string): string {
  if (raw.length > 320 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    throw new ConfigError(`Invalid ${name} ${JSON.stringify(raw)}: expected an email address such as owner@example.com.`);
  }
  return raw;
}
