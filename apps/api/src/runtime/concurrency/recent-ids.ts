/**
 * The last `capacity` ids a process noted, the oldest forgotten first: a memory of recent work
 * where forgetting costs only a check redone, never correctness.
 */
export class RecentIds {
  // A Set iterates in insertion order: its first entry is the oldest.
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`RecentIds capacity must be a positive integer, got ${String(capacity)}`);
  }

  add(ids: Iterable<string>): void {
    for (const id of ids) {
      this.ids.delete(id); // noted again: the newest
      this.ids.add(id);
    }
    for (const oldest of this.ids) {
      if (this.ids.size <= this.capacity) break;
      this.ids.delete(oldest);
    }
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  delete(ids: Iterable<string>): void {
    for (const id of ids) this.ids.delete(id);
  }

  get size(): number {
    return this.ids.size;
  }
}
