/** What one process runs. `all` (the default) is the embedded, single-process deployment. */
export type Role = 'api' | 'worker' | 'all';

/** Settings the server reads from its environment. More arrive with persistence and queues. */
export interface ApiConfig {
  /** TCP port to listen on; 0 asks the OS for a free one (tests). */
  readonly port: number;
  /**
   * `api` serves HTTP, `worker` will run the queue processors, `all` both. Until the queues
   * land every role serves HTTP; the value is already validated so deployments can set it.
   */
  readonly role: Role;
}

export const DEFAULT_PORT = 3000;
const ROLES: readonly Role[] = ['api', 'worker', 'all'];

/** Invalid configuration: the message names the variable and is meant to be printed as is. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the server's configuration from environment variables (untrusted text -> typed
 * config). Throws {@link ConfigError} with one line naming the variable when a value is
 * invalid, so a misconfigured deployment stops at start instead of misbehaving later.
 * An empty value (`PORT=` in a compose file or .env) counts as unset.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ApiConfig {
  return { port: parsePort(env['PORT']), role: parseRole(env['ROLE']) };
}

function parsePort(raw: string | undefined): number {
  const value = raw?.trim() ?? '';
  if (value === '') return DEFAULT_PORT;
  // Digits only: Number() would accept '0x10' and '1e3', parseInt() '80abc'.
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) {
    throw new ConfigError(`Invalid PORT ${JSON.stringify(raw)}: expected an integer from 0 to 65535 (default ${String(DEFAULT_PORT)}).`);
  }
  return port;
}

function parseRole(raw: string | undefined): Role {
  const value = raw?.trim() ?? '';
  if (value === '') return 'all';
  const role = ROLES.find((candidate) => candidate === value);
  if (role === undefined) {
    throw new ConfigError(`Invalid ROLE ${JSON.stringify(raw)}: expected one of ${ROLES.join(', ')} (default all).`);
  }
  return role;
}
