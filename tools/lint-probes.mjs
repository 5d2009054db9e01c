#!/usr/bin/env node
// Lints source texts with the repository's own ESLint config, through ESLint's Node API, and
// prints what each produced. Tests use it to prove that a lint rule bites, e.g.
// packages/flow-engine/test/purity.spec.ts. It runs as its own Node process because Jest runs
// tests as CommonJS and cannot load the ES-module eslint.config.js in-process.
//
// stdin:  [{ "filePath": "packages/flow-engine/src/x.ts", "code": "..." }, ...]
// stdout: [{ "filePath": "...", "messages": [{ "ruleId", "severity", "message", "line" }] }, ...]
//         (one result per probe, in the same order; several probes may share a path)
//
// A probe file need not exist: ESLint lints the text as if it lived at filePath.
import { text } from 'node:stream/consumers';
import path from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** @type {{ filePath: string; code: string }[]} */
const probes = JSON.parse(await text(process.stdin));
const eslint = new ESLint({ cwd: repoRoot });

const results = [];
for (const probe of probes) {
  const filePath = path.resolve(repoRoot, probe.filePath);
  const [result] = await eslint.lintText(probe.code, { filePath, warnIgnored: true });
  results.push({
    filePath: probe.filePath,
    messages: (result?.messages ?? []).map(({ ruleId, severity, message, line }) => ({ ruleId, severity, message, line })),
  });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
