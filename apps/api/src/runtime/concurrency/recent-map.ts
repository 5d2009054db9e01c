/**
 * The last `capacity` entries a process noted, the oldest forgotten first: a memory of recent
 * work where forgetting costs only a look-up redone, never correctness.
 */
export class RecentMap<V> {
  // A Map iterates in insertion order: its first entry is the oldest.
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`RecentMap capacity must be a positive integer, got ${String(capacity)}`);
  }

  set(key: string, value: V): void {
    this.entries.delete(key); // noted again: the newest
    this.entries.set(key, value);
    // One entry in, at most one too many: the oldest goes.
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The value, left in place (it keeps its age: the oldest noted still goes first). */
  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value, forgotten as it is answered. */
  take(key: string): V | undefined {
    const value = this.entries.get(key);
    this.entries.delete(key);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
