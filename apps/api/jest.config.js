import preset from '../../jest.preset.js';

/** @type {import('jest').Config} */
export default {
  ...preset,
  displayName: 'api',
  // One PostgreSQL server for the whole run (DATABASE_URL's, or an embedded one started here);
  // each test file gets its own database on it (test/support/test-database.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
