import { readFileSync } from 'node:fs';

/** The version of @jornada/api (apps/api/package.json), shown in the OpenAPI document. */
export const API_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
