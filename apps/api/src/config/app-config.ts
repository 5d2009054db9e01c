import type { ApiConfig } from './parse-config.js';

/**
 * The configuration the running app sees (injected with `@Inject(APP_CONFIG)`): the parsed
 * environment with the secret resolved (from APP_SECRET or DATA_DIR) and the database chosen.
 */
export interface AppConfig extends Omit<ApiConfig, 'appSecret'> {
  readonly appSecret: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
/** The root pino logger; inside a request, `requestLogger(logger, request)` adds its id and workspace. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
