import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DatabaseStatus {
  readonly status: 'up' | 'down';
  readonly latencyMs: number;
}

/** A health probe must answer even when the database hangs: give up after this long. */
const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class DatabaseHealth {
  constructor(private readonly dataSource: DataSource) {}

  /** Round-trips `SELECT 1` through the pool; `down` on error or after 2 s. */
  async check(): Promise<DatabaseStatus> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    try {
      const ok = await Promise.race([this.dataSource.query('SELECT 1').then(() => true), timeout]);
      return { status: ok ? 'up' : 'down', latencyMs: elapsed(started) };
    } catch {
      return { status: 'down', latencyMs: elapsed(started) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
