/**
 * Runs tasks one at a time per key, in the order they were submitted, within this process.
 * The database lock still orders work across processes; this keeps a process's own jobs for
 * one conversation from each holding a pooled connection while they wait on that lock.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (tests). */
  get size(): number {
    return this.tails.size;
  }
}
