// `npm run bench`: runs every benchmark on this machine and rewrites the figures in
// docs/benchmarks.md between the markers of each section, with the machine and the date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchApi } from './api.bench.js';
import { machine, replaceSection } from './bench-support.js';
import { benchEngine } from './engine.bench.js';

const docPath = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const seconds = Number(process.env['BENCH_SECONDS'] ?? 3);

const engine = benchEngine(seconds);
const date = new Date().toISOString().slice(0, 10);
const rows = engine.map(
  (r) => `| ${r.template} | ${r.eventsPerSecond.toLocaleString('en-US')} | ${r.eventsPerConversation} | ${r.maxStateBytes.toLocaleString('en-US')} B |`,
);
const body = [
  `Measured ${date} on ${machine()}; one core (Node is single-threaded here), ${seconds} s per template after warm-up.`,
  '',
  '| template | events/s (one core) | events per conversation | largest session state (JSON) |',
  '| --- | ---: | ---: | ---: |',
  ...rows,
].join('\n');

const only = process.env['BENCH_ONLY'];
let apiBody: string | undefined;
if (only !== 'engine') {
  const api = await benchApi(seconds);
  apiBody = [
    `Measured ${date} on ${machine()}; the built server (\`node apps/api/dist/main.js\`) on ${api.database}, driven over loopback HTTP by ${api.concurrency} concurrent clients from the same machine, ${seconds} s per row.`,
    '',
    '| operation | requests/s | p50 | p99 | max | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...api.results.map((r) => `| ${r.name} | ${r.requestsPerSecond.toLocaleString('en-US')} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.maxMs} ms | ${r.errors} |`),
  ].join('\n');
  console.log(apiBody);
}

let doc = '';
try {
  doc = readFileSync(docPath, 'utf8');
} catch {
  doc = '# Benchmarks\n';
}
doc = replaceSection(doc, 'engine', body);
if (apiBody) doc = replaceSection(doc, 'api', apiBody);
writeFileSync(docPath, doc);
console.log(body);
