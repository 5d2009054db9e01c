// `npm run bench:runtime`: the conversation runtime end to end on both queue backends, and a
// million pending timers; rewrites the runtime section of docs/benchmarks.md with the figures,
// the machine and the date. PostgreSQL: DATABASE_URL's server, else an embedded one started
// here; Redis: REDIS_URL (the Redis rows are skipped without it).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchRuntime, type RuntimeBenchResult, type RuntimeRun } from './runtime.bench.js';
import { benchTimers, type TimersBenchResult } from './timers.bench.js';
import { describePostgres, machine, replaceSection, withPostgresServer } from './bench-support.js';

const docPath = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const seconds = Number(process.env['BENCH_SECONDS'] ?? 20);
const redisUrl = process.env['REDIS_URL'] === '' ? undefined : process.env['REDIS_URL'];
const only = process.env['BENCH_ONLY'];
/**
 * Independent runs per backend (a new server and database each): on a shared 2-core virtual
 * machine one run's throughput can differ from the next by a fifth, so the table shows the median
 * run and the range.
 */
const repeats = Number(process.env['BENCH_REPEAT'] ?? 3);

/** One load's runs across the repeats: the median one (by its key figure), and every run's figures. */
interface RowSummary {
  readonly median: RuntimeRun;
  readonly all: readonly RuntimeRun[];
}

/** Flat out is judged by throughput, a steady rate by the p99 it keeps. */
function summarize(results: readonly RuntimeBenchResult[]): RowSummary[] {
  const first = results[0];
  if (first === undefined) return [];
  return first.runs.map((_, index) => {
    const all = results.flatMap((result) => (result.runs[index] === undefined ? [] : [result.runs[index]]));
    const steady = all[0]?.name.startsWith('steady') ?? false;
    const ranked = [...all].sort((a, b) => (steady ? a.stored.p99 - b.stored.p99 : a.perSecond - b.perSecond));
    return { median: ranked[Math.floor((ranked.length - 1) / 2)] as RuntimeRun, all };
  });
}

/** " (low–high)" over the repeats, nothing for one run. */
function range(values: readonly number[], unit = ''): string {
  if (values.length < 2) return '';
  return ` (${Math.min(...values).toLocaleString('en-US')}–${Math.max(...values).toLocaleString('en-US')}${unit})`;
}

const runtime: { result: RuntimeBenchResult; rows: RowSummary[] }[] = [];
let timers: TimersBenchResult | undefined;
let postgres = 'PostgreSQL';
await withPostgresServer(async (serverUrl, description) => {
  postgres = await describePostgres(serverUrl);
  console.log(`PostgreSQL: ${description}; ${postgres}`);
  if (only === undefined || only === 'runtime') {
    // BENCH_BACKEND=redis|postgres measures one backend only.
    const wanted = process.env['BENCH_BACKEND'];
    const backends = (redisUrl === undefined ? (['postgres'] as const) : (['redis', 'postgres'] as const)).filter((b) => wanted === undefined || wanted === b);
    for (const backend of backends) {
      const results: RuntimeBenchResult[] = [];
      for (let n = 0; n < repeats; n += 1) {
        const result = await benchRuntime({ backend, seconds, serverUrl, redisUrl });
        console.log(JSON.stringify(result, null, 2));
        results.push(result);
      }
      runtime.push({ result: results[0] as RuntimeBenchResult, rows: summarize(results) });
    }
  }
  if ((only === undefined || only === 'timers') && redisUrl !== undefined) {
    timers = await benchTimers({ serverUrl, redisUrl, pending: Number(process.env['BENCH_TIMERS'] ?? 1_000_000) });
    console.log(JSON.stringify(timers, null, 2));
  }
});

const date = new Date().toISOString().slice(0, 10);
let doc = readFileSync(docPath, 'utf8');
// One backend's or one load's rows alone would replace the table: with BENCH_BACKEND or BENCH_LOADS the figures are printed only.
if ((process.env['BENCH_BACKEND'] !== undefined || process.env['BENCH_LOADS'] !== undefined) && runtime.length > 0) console.log('BENCH_BACKEND or BENCH_LOADS is set: docs/benchmarks.md keeps its runtime table (run without them to rewrite it).');
else if (runtime.length > 0) {
  const body = [
    `Measured ${date} on ${machine()}; one server process (\`node apps/api/dist/main.js\`, ROLE=all) with the load generator and ${postgres} on the same machine; ${String(seconds)} s per row; ${String(runtime[0]?.result.conversations)} conversations of the echo flow. ${repeats > 1 ? `Each backend measured ${String(repeats)} times, each time with a new server and database: a row is the median run (by throughput flat out, by the stored p99 at a steady rate), the range in brackets spans all ${String(repeats)}.` : 'One run per backend.'}`,
    '',
    '| queues | load | messages | answered/s | accepted → reply stored p50 / p99 | accepted → reply sent p50 / p99 | CPU ms per message: server / PostgreSQL / Redis / load generator |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...runtime.flatMap(({ result, rows }) =>
      rows.map(({ median: run, all }) =>
        [
          result.backend === 'redis' ? 'Redis' : 'PostgreSQL',
          run.name,
          run.messages.toLocaleString('en-US'),
          `${run.perSecond.toLocaleString('en-US')}${range(all.map((r) => r.perSecond))}`,
          `${String(run.stored.p50)} / ${String(run.stored.p99)} ms${range(all.map((r) => r.stored.p99), ' ms')}`,
          `${String(run.sent.p50)} / ${String(run.sent.p99)} ms${range(all.map((r) => r.sent.p99), ' ms')}`,
          cpuCell(run.cpuMs),
        ].join(' | '),
      ).map((cells) => `| ${cells} |`),
    ),
  ].join('\n');
  doc = replaceSection(doc, 'runtime', body);
}
if (timers !== undefined) {
  const t = timers;
  const body = [
    `Measured ${date} on ${machine()}; Redis queues, ${postgres}; ${t.pending.toLocaleString('en-US')} pending timers (${t.live.toLocaleString('en-US')} of them real waiting sessions due within the measured window at ${String(t.ratePerSecond)}/s, the rest due over the next day).`,
    '',
    '| figure | value |',
    '| --- | ---: |',
    `| Redis memory the run added, all timers pending (used_memory over the start) | ${t.redisMemoryMb} MB (${t.redisKeys.toLocaleString('en-US')} keys) |`,
    `| delayed jobs in Redis at that moment | ${t.delayedJobs.toLocaleString('en-US')} |`,
    `| session_timers table + indexes in PostgreSQL | ${t.postgresMb} MB |`,
    `| firing lateness p50 / p99 / max (fired_at − fire_at) | ${String(t.lateness.p50)} / ${String(t.lateness.p99)} / ${String(t.lateness.max)} ms |`,
    `| timers fired in the window | ${t.fired.toLocaleString('en-US')} of ${t.live.toLocaleString('en-US')} |`,
  ].join('\n');
  doc = replaceSection(doc, 'timers', body);
}
writeFileSync(docPath, doc);

/** The CPU column: what one message costs each process (two cores give 2,000 ms of CPU a second to share). */
function cpuCell(cpu: { server: number; postgres: number; redis: number; loadGenerator: number }): string {
  if (cpu.server === 0 && cpu.postgres === 0) return 'n/a';
  return [cpu.server, cpu.postgres, cpu.redis, cpu.loadGenerator].map((ms) => ms.toFixed(1)).join(' / ');
}
