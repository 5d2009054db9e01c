import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '../../config/app-config.js';
import { DISPATCH_SWEEP_SETTINGS, type DispatchSweepSettings } from './dispatch-sweep-settings.js';
import { RecoverySweep } from './recovery-sweep.js';

/**
 * Runs the recovery sweep once on start (timers that came due during downtime fire now, rows
 * whose job was lost are re-enqueued) and then every `intervalMs`, in worker processes only.
 * Several workers sweeping at once is harmless: job ids make the re-adds no-ops.
 */
@Injectable()
export class DispatchSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly sweep: RecoverySweep,
    @Inject(DISPATCH_SWEEP_SETTINGS) private readonly settings: DispatchSweepSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.tick();
  }

  /** One sweep now (tests, and the timer below). Never throws: a failed sweep is logged and retried next tick. */
  async sweepNow(): Promise<void> {
    try {
      await this.sweep.run();
    } catch (error) {
      this.logger.warn({ err: error }, 'Dispatcher sweep failed; retrying on the next tick');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = this.sweepNow().finally(() => {
      this.running = undefined;
      if (!this.stopped && this.settings.intervalMs > 0) this.timer = setTimeout(() => this.tick(), this.settings.intervalMs);
    });
  }
}
