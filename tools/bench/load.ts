// A small closed-loop HTTP load driver: N workers each send their next request as soon as the
// previous one answers, for a fixed time, and record every latency. Loopback only.

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Runs `request(worker, i)` from `concurrency` workers for `seconds`. A request counts as an
 * error when it throws or resolves to false (e.g. an unexpected status).
 */
export async function runLoad(args: {
  name: string;
  concurrency: number;
  seconds: number;
  request: (worker: number, iteration: number) => Promise<boolean>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + args.seconds * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: args.concurrency }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i += 1) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await args.request(worker, i);
        } catch {
          ok = false;
        }
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name: args.name,
    requests: latencies.length,
    errors,
    requestsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    maxMs: Number((latencies[latencies.length - 1] ?? 0).toFixed(1)),
  };
}
