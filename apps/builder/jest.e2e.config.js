import preset from '../../jest.preset.js';

/**
 * Browser tests: the builder built by Vite, served by the real API on a real PostgreSQL,
 * driven in Chromium through playwright-core. Skipped (with a message) without /usr/bin/chromium.
 * @type {import('jest').Config}
 */
export default {
  ...preset,
  displayName: 'builder-e2e',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'],
  // One PostgreSQL server for the run (DATABASE_URL's, or an embedded one), as the API's tests.
  globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
};
