// Proves that lint keeps the engine pure and the dependency rule holds: small probe sources
// are linted with the repository's real ESLint config (ESLint's Node API, `lintText` at a path
// inside each project), and each forbidden thing must be an error of the rule that owns it.
// The probes run in one child process (tools/lint-probes.mjs) because Jest runs tests as
// CommonJS and cannot load the ES-module eslint.config.js in-process.
import { spawn } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
}
interface Probe {
  readonly name: string;
  readonly filePath: string;
  readonly code: string;
}

const ENGINE_SRC = 'packages/flow-engine/src';

/** Forbidden in engine source, each with the rule that must report it. */
const FORBIDDEN_IN_ENGINE: readonly { name: string; code: string; rule: string }[] = [
  { name: 'typeorm', code: "import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n", rule: 'no-restricted-imports' },
  { name: 'bullmq', code: "import { Queue } from 'bullmq';\nexport const probe = Queue;\n", rule: 'no-restricted-imports' },
  { name: 'pg', code: "import pg from 'pg';\nexport const probe = pg;\n", rule: 'no-restricted-imports' },
  { name: '@nestjs/common', code: "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n", rule: 'no-restricted-imports' },
  { name: 'ioredis', code: "import { Redis } from 'ioredis';\nexport const probe = Redis;\n", rule: 'no-restricted-imports' },
  { name: 'node:fs', code: "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n", rule: 'no-restricted-imports' },
  { name: 'fs', code: "import fs from 'fs';\nexport const probe = fs;\n", rule: 'no-restricted-imports' },
  { name: 'fs/promises', code: "import { readFile } from 'fs/promises';\nexport const probe = readFile;\n", rule: 'no-restricted-imports' },
  { name: 'http', code: "import { request } from 'http';\nexport const probe = request;\n", rule: 'no-restricted-imports' },
  { name: 'node:crypto (re-export)', code: "export { randomUUID } from 'node:crypto';\n", rule: 'no-restricted-imports' },
  { name: 'fetch(...)', code: "export const probe = (): Promise<unknown> => fetch('https://example.com');\n", rule: 'no-restricted-globals' },
  { name: 'globalThis.fetch', code: 'export const probe = globalThis.fetch;\n', rule: 'no-restricted-globals' },
  { name: 'process.env', code: "export const probe = process.env['X'];\n", rule: 'no-restricted-globals' },
  { name: 'setTimeout', code: 'export const probe = (): unknown => setTimeout(() => undefined, 10);\n', rule: 'no-restricted-globals' },
  { name: 'Date.now()', code: 'export const probe = (): number => Date.now();\n', rule: 'no-restricted-properties' },
  { name: 'Math.random()', code: 'export const probe = (): number => Math.random();\n', rule: 'no-restricted-properties' },
  { name: 'new Date()', code: 'export const probe = (): Date => new Date();\n', rule: 'no-restricted-syntax' },
  { name: 'Date()', code: 'export const probe = (): string => Date();\n', rule: 'no-restricted-syntax' },
  { name: 'eval(...)', code: "export const probe = (): unknown => eval('1 + 1');\n", rule: 'no-restricted-syntax' },
  { name: 'new Function(...)', code: "export const probe = new Function('a', 'return a');\n", rule: 'no-restricted-syntax' },
  { name: 'Function(...)', code: "export const probe = Function('return 1');\n", rule: 'no-restricted-syntax' },
  { name: 'import(...)', code: "export const probe = (): Promise<unknown> => import('./x.js');\n", rule: 'no-restricted-syntax' },
  // Installed, so Nx knows it: the tag allow-list reports it as well.
  { name: 'fast-check (installed, not allowed)', code: "import fc from 'fast-check';\nexport const probe = fc;\n", rule: '@nx/enforce-module-boundaries' },
  // The dependency rule points one way: the engine never imports a channel.
  { name: '@jornada/channels', code: "import { verifyWhatsAppSignature } from '@jornada/channels';\nexport const probe = verifyWhatsAppSignature;\n", rule: '@nx/enforce-module-boundaries' },
  // The type-aware rules run on engine code too.
  { name: 'floating promise', code: 'async function work(): Promise<void> {}\nexport function probe(): void {\n  work();\n}\n', rule: '@typescript-eslint/no-floating-promises' },
];

const CLEAN_ENGINE_PROBE = [
  "import { z } from 'zod';",
  "import { parsePhoneNumberFromString } from 'libphonenumber-js';",
  "import { CURRENT_SCHEMA_VERSION } from './index.js';",
  'export const Name = z.string().min(1);',
  'export const phone = (raw: string): string | undefined => parsePhoneNumberFromString(raw)?.number;',
  'export const at = (now: number): Date => new Date(now);',
  'export const version = CURRENT_SCHEMA_VERSION;',
  '',
].join('\n');

/** The same forbidden imports are fine in the shell. */
const SHELL_PROBE = [
  "import { readFileSync } from 'node:fs';",
  "import http from 'http';",
  "import { DataSource } from 'typeorm';",
  "import { Queue } from 'bullmq';",
  "import { Injectable } from '@nestjs/common';",
  "import { verifyWhatsAppSignature } from '@jornada/channels';",
  "import { CURRENT_SCHEMA_VERSION } from '@jornada/flow-engine';",
  'export const probe = [readFileSync, http, DataSource, Queue, Injectable, verifyWhatsAppSignature, CURRENT_SCHEMA_VERSION];',
  'export const clock = (): number[] => [Date.now(), Math.random(), new Date().getTime()];',
  '',
].join('\n');

// Probes of one folder share a path: the config gives that name a default TypeScript project.
const probe = (dir: string, name: string, code: string): Probe => ({ name, code, filePath: `${dir}/__lint_probe__.ts` });

const probes: Probe[] = [
  ...FORBIDDEN_IN_ENGINE.map(({ name, code }) => probe(ENGINE_SRC, name, code)),
  probe(ENGINE_SRC, 'clean engine', CLEAN_ENGINE_PROBE),
  probe('packages/flow-engine/test', 'engine test with node built-ins', "import { readFileSync } from 'node:fs';\nimport path from 'node:path';\nexport const probe = [readFileSync, path];\n"),
  probe('packages/flow-engine/test', 'engine test with typeorm', "import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n"),
  probe('apps/api/src', 'api shell', SHELL_PROBE),
  probe('packages/channels/src', 'channels -> engine', "import { CURRENT_SCHEMA_VERSION } from '@jornada/flow-engine';\nimport { createHmac } from 'node:crypto';\nexport const probe = [CURRENT_SCHEMA_VERSION, createHmac];\n"),
  probe('packages/channels/src', 'channels -> app by package', "import { createApiServer } from '@jornada/api';\nexport const probe = createApiServer;\n"),
  probe('packages/channels/src', 'channels -> app by path', "import { createApiServer } from '../../../apps/api/src/http/create-api-server.js';\nexport const probe = createApiServer;\n"),
];

function lintProbes(input: readonly Probe[]): Promise<Map<string, LintMessage[]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'tools/lint-probes.mjs')], {
      cwd: repoRoot,
      // No Nx daemon from a test: the config computes the project graph in-process.
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`tools/lint-probes.mjs exited with ${String(code)}:\n${stderr}`));
        return;
      }
      const lastLine = stdout.trim().split('\n').at(-1) ?? '[]';
      // One result per probe, in order.
      const results = JSON.parse(lastLine) as { messages: LintMessage[] }[];
      resolve(new Map(input.map((item, index) => [item.name, results[index]?.messages ?? []])));
    });
    child.stdin.end(JSON.stringify(input.map(({ filePath, code }) => ({ filePath, code }))));
  });
}

let results: Map<string, LintMessage[]>;

beforeAll(async () => {
  results = await lintProbes(probes);
}, 180_000);

const errorsOf = (name: string): LintMessage[] => (results.get(name) ?? []).filter((message) => message.severity === 2);
const rulesOf = (name: string): (string | null)[] => errorsOf(name).map((message) => message.ruleId);

describe('the engine is pure (packages/flow-engine/src)', () => {
  it.each(FORBIDDEN_IN_ENGINE.map(({ name, rule }) => [name, rule]))('%s is an error of %s', (name, rule) => {
    expect(rulesOf(name)).toContain(rule);
  });

  it('explains why in every purity message', () => {
    const purityRules = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties', 'no-restricted-syntax']);
    for (const { name } of FORBIDDEN_IN_ENGINE) {
      for (const message of errorsOf(name).filter((m) => purityRules.has(m.ruleId ?? ''))) {
        expect(message.message).toContain('packages/flow-engine is pure');
      }
    }
  });

  it('allows zod, libphonenumber-js, relative imports and new Date(now)', () => {
    expect(results.get('clean engine')).toEqual([]);
  });

  it('lets engine tests use Node built-ins, but not I/O libraries', () => {
    expect(results.get('engine test with node built-ins')).toEqual([]);
    expect(rulesOf('engine test with typeorm')).toContain('no-restricted-imports');
  });
});

describe('the dependency rule (apps -> channels -> flow-engine)', () => {
  it('allows the shell (apps/api) the imports the engine may not make', () => {
    expect(results.get('api shell')).toEqual([]);
  });

  it('allows channels to import the engine and Node built-ins', () => {
    expect(results.get('channels -> engine')).toEqual([]);
  });

  it('refuses channels importing an app by path (module boundaries)', () => {
    expect(rulesOf('channels -> app by path')).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses channels importing an app by package name', () => {
    // Nx maps a package name to a project only once it resolves (exports/main, or a declared
    // dependency); an app exports nothing, so a named import is refused by name as well.
    expect(rulesOf('channels -> app by package')).toContain('no-restricted-imports');
    expect(errorsOf('channels -> app by package')[0]?.message).toContain('Packages never import apps');
  });
});
