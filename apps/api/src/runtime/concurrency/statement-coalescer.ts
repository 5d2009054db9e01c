/**
 * Group commit for independent statements: calls that arrive while earlier ones are on their
 * way to the database are sent together, as one statement for many rows.
 *
 * Nothing waits for a batch to fill: with fewer than `maxInFlight` flushes running, a call is
 * flushed at once (alone, at low load, with no added latency). Under load the calls that come
 * in while the flushes run queue up and go in the next flush, so the number of statements per
 * call falls as the load rises — the round trips, not the rows, are what cost here. One flush
 * in flight by default: a second one split the queue into two smaller statements, for a fraction
 * of a round trip less waiting (benchmarks.md).
 *
 * `flush` gets the items in submission order and answers one result per item, in that order.
 * When a flush of several items fails, each item is flushed again alone, so one bad row cannot
 * fail the calls it happened to share a statement with: each call sees the outcome it would
 * have had on its own.
 */
export class StatementCoalescer<I, O> {
  private readonly queue: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly flush: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly options: { readonly maxBatch: number; readonly maxInFlight: number } = { maxBatch: 64, maxInFlight: 1 },
  ) {
    if (options.maxBatch < 1 || options.maxInFlight < 1) throw new RangeError('maxBatch and maxInFlight must be at least 1');
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Calls waiting for a flush (not those being flushed); tests, metrics. */
  get pending(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async run(batch: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[]): Promise<void> {
    try {
      const results = await this.flush(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error(`coalesced flush answered ${String(results.length)} results for ${String(batch.length)} items`);
      batch.forEach((entry, index) => entry.resolve(results[index] as O));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One by one: each call gets its own outcome.
      await Promise.all(
        batch.map(async (entry) => {
          try {
            const [result] = await this.flush([entry.item]);
            entry.resolve(result as O);
          } catch (alone) {
            entry.reject(alone);
          }
        }),
      );
    }
  }
}
