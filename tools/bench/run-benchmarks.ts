// `npm run bench`: runs every benchmark on this machine and rewrites the figures in
// docs/benchmarks.md between the markers of each section, with the machine and the date.
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchEngine } from './engine.bench.js';

const docPath = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const seconds = Number(process.env['BENCH_SECONDS'] ?? 3);

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

function replaceSection(doc: string, name: string, body: string): string {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${body}\n${end}`;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  return from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
}

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

let doc = '';
try {
  doc = readFileSync(docPath, 'utf8');
} catch {
  doc = '# Benchmarks\n';
}
writeFileSync(docPath, replaceSection(doc, 'engine', body));
console.log(body);
