/** Settings the API reads from its environment. More arrive with persistence and queues. */
export interface ApiConfig {
  /** TCP port to listen on; 0 asks the OS for a free one (tests). */
  readonly port: number;
}

export const DEFAULT_PORT = 3000;

/** Invalid configuration: the message names the variable and is meant to be printed as is. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the API's configuration from environment variables (untrusted text -> typed config).
 * Throws {@link ConfigError} with one line naming the variable when a value is invalid, so a
 * misconfigured deployment stops at start instead of misbehaving later.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ApiConfig {
  return { port: parsePort(env['PORT']) };
}

function parsePort(raw: string | undefined): number {
  // An empty value (`PORT=` in a compose file or .env) means "not set".
  const value = raw?.trim() ?? '';
  if (value === '') return DEFAULT_PORT;
  // Digits only: Number() would accept '0x10', '1e3' and ' 80 ' and parseInt() '80abc'.
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) {
    throw new ConfigError(`Invalid PORT ${JSON.stringify(raw)}: expected an integer from 0 to 65535 (default ${DEFAULT_PORT}).`);
  }
  return port;
}
