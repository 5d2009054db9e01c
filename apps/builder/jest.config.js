import preset from '../../jest.preset.js';

/**
 * Unit and component tests (`src/**\/*.spec.ts(x)`), in jsdom. The browser tests are the
 * `builder-e2e` project (jest.e2e.config.js): real API, real PostgreSQL, real Chromium.
 * @type {import('jest').Config}
 */
export default {
  ...preset,
  displayName: 'builder',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: {
    customExportConditions: ['@jornada/source', 'browser', 'require', 'default'],
  },
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    // Stylesheets are Vite's business; components under test only need their class names.
    '\\.css$': '<rootDir>/test/support/style-stub.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/jsdom-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
};
