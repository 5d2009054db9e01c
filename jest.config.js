// `npm test` at the root runs every project's tests in one Jest process.
/** @type {import('jest').Config} */
export default {
  // Integration tests boot the whole app on a real database: on a loaded 2-core machine a hook
  // can take longer than Jest's 5 s default without anything being wrong. (A global option:
  // Jest ignores it inside a project's config.)
  testTimeout: 30_000,
  projects: ['<rootDir>/packages/*/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/apps/*/jest.e2e.config.js'],
};
