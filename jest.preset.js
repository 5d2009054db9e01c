// Shared Jest settings for every project: TypeScript through SWC (fast, no type check;
// `npm run typecheck` does that), sources of workspace packages resolved through the
// `@jornada/source` export condition so tests never need a build first.
//
// Tests run as CommonJS. Packages published only as ES modules (NestJS 12 and file-type, which
// @nestjs/common loads for file validation) are compiled to CommonJS by the same SWC
// transform; every other package in node_modules is loaded as is. SWC rewrites `import.meta.url` and `import()` for
// CommonJS, and Jest caches the result, so only the first run pays for it.
const ESM_ONLY_PACKAGES = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit'];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  testEnvironmentOptions: {
    customExportConditions: ['@jornada/source', 'node', 'require', 'default'],
  },
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
