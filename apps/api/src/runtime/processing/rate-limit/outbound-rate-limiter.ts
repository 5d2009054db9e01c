/**
 * Paces outbound sends per channel account (WhatsApp: 80 messages/s per number by default).
 * `reserve` books the next slot and answers how long to wait before using it: callers always
 * get a slot, in order, and a burst is spread instead of refused — one send every 1/limit s
 * (GCRA without burst tolerance), so no one-second window ever holds more than `limit`.
 */
export abstract class OutboundRateLimiter {
  /** Milliseconds to wait before sending under `key` at `perSecond`; 0 to send now. */
  abstract reserve(key: string, perSecond: number): Promise<number>;
}

/** The GCRA state step, shared by both implementations: new theoretical arrival time and the wait. */
export function gcraStep({ tat, now, perSecond }: { tat: number; now: number; perSecond: number }): { tat: number; waitMs: number } {
  const interval = 1000 / perSecond;
  const start = Math.max(tat, now);
  return { tat: start + interval, waitMs: start - now };
}

/** In-process limiter: exact for the single-process deployment (ROLE=all without Redis). */
export class MemoryRateLimiter extends OutboundRateLimiter {
  private readonly tats = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  reserve(key: string, perSecond: number): Promise<number> {
    const now = this.now();
    const { tat, waitMs } = gcraStep({ tat: this.tats.get(key) ?? 0, now, perSecond });
    this.tats.set(key, tat);
    if (this.tats.size > 10_000) this.forgetIdle(now);
    return Promise.resolve(waitMs);
  }

  private forgetIdle(now: number): void {
    for (const [key, tat] of this.tats) if (tat < now) this.tats.delete(key);
  }
}
