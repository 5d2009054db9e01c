import { StatementCoalescer } from './statement-coalescer.js';

/** A flush whose calls are recorded and finished by hand. */
function manualFlush<I, O>(answer: (items: readonly I[]) => readonly O[] | Error) {
  const calls: { items: readonly I[]; finish: () => void }[] = [];
  const flush = (items: readonly I[]) =>
    new Promise<readonly O[]>((resolve, reject) => {
      calls.push({
        items,
        finish: () => {
          const result = answer(items);
          if (result instanceof Error) reject(result);
          else resolve(result);
        },
      });
    });
  return { calls, flush };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('StatementCoalescer', () => {
  it('flushes a lone call at once, without waiting for company', async () => {
    const { calls, flush } = manualFlush<number, number>((items) => items.map((n) => n * 10));
    const coalescer = new StatementCoalescer(flush, { maxBatch: 10, maxInFlight: 1 });
    const result = coalescer.submit(1);
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0]?.finish();
    await expect(result).resolves.toBe(10);
  });

  it('sends the calls that arrive during a flush together in the next one, in submission order, each getting its own result', async () => {
    const { calls, flush } = manualFlush<number, string>((items) => items.map((n) => `r${String(n)}`));
    const coalescer = new StatementCoalescer(flush, { maxBatch: 10, maxInFlight: 1 });
    const results = [1, 2, 3, 4].map((n) => coalescer.submit(n));
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0]?.finish();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1]?.finish();
    await expect(Promise.all(results)).resolves.toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(coalescer.pending).toBe(0);
  });

  it('keeps at most maxInFlight flushes running and at most maxBatch items in one', async () => {
    const { calls, flush } = manualFlush<number, number>((items) => items);
    const coalescer = new StatementCoalescer(flush, { maxBatch: 2, maxInFlight: 2 });
    const results = [1, 2, 3, 4, 5, 6].map((n) => coalescer.submit(n));
    expect(calls.map((c) => c.items)).toEqual([[1], [2]]);
    calls[0]?.finish();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2], [3, 4]]);
    calls[1]?.finish();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2], [3, 4], [5, 6]]);
    calls[2]?.finish();
    calls[3]?.finish();
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('when a shared flush fails, retries each call alone: only the bad one fails', async () => {
    const { calls, flush } = manualFlush<number, number>((items) => (items.includes(3) ? new Error('row 3 is bad') : items.map((n) => n + 100)));
    const coalescer = new StatementCoalescer(flush, { maxBatch: 10, maxInFlight: 1 });
    const results = [1, 2, 3, 4].map((n) => coalescer.submit(n).then((v) => ({ ok: v }), (e: Error) => ({ error: e.message })));
    calls[0]?.finish(); // [1]
    await tick();
    calls[1]?.finish(); // [2, 3, 4] fails
    await tick();
    expect(calls.slice(2).map((c) => c.items)).toEqual([[2], [3], [4]]);
    for (const call of calls.slice(2)) call.finish();
    await expect(Promise.all(results)).resolves.toEqual([{ ok: 101 }, { ok: 102 }, { error: 'row 3 is bad' }, { ok: 104 }]);
  });

  it('fails every call of a flush that answers the wrong number of results (a bug, never a silent mix-up)', async () => {
    const coalescer = new StatementCoalescer<number, number>(() => Promise.resolve([]), { maxBatch: 10, maxInFlight: 1 });
    await expect(coalescer.submit(1)).rejects.toThrow('answered 0 results for 1 items');
  });
});
