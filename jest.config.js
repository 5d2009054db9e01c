// `npm test` at the root runs every project's tests in one Jest process.
/** @type {import('jest').Config} */
export default {
  projects: ['<rootDir>/packages/*/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/apps/*/jest.e2e.config.js'],
};
