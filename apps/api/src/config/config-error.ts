/** Invalid configuration: the message names the variable and is meant to be printed as is. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
