// Which PostgreSQL server the API tests create their databases on. Shared by the global
// setup (which starts an embedded server when DATABASE_URL is unset) and the test files
// (which read the URL it left in the environment; Jest workers inherit it).

/** Set by global-setup.ts for the workers: a URL of the maintenance database of the server. */
export const TEST_SERVER_URL_VARIABLE = 'JORNADA_TEST_SERVER_URL';

export function testServerUrl(): string {
  const url = process.env[TEST_SERVER_URL_VARIABLE] ?? process.env['DATABASE_URL'];
  if (url === undefined || url === '') {
    throw new Error(`No test database server: run the api tests through Jest (its global setup starts one) or set DATABASE_URL.`);
  }
  return url;
}
