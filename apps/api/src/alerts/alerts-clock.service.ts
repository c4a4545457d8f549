import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Runtime } from '@parallax/pipeline';
import { startClock } from '../core/clock.js';
import { APP_LOGGER } from '../infra/infra.module.js';
import type { AppLogger } from '../infra/logger.js';

/** Retries fall due and digest periods end on this clock; new items do not wait for it (they kick the matcher). */
const TICK_MS = 1_000;

/**
 * The alerts' clock. It runs even with the poll scheduler off: it fetches nothing, and pending deliveries
 * must resume after a restart. The first tick at start-up delivers what a crash left pending.
 */
@Injectable()
export class AlertsClockService implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop: (() => void) | null = null;
  private busy = false;

  constructor(
    @Inject(Runtime) private readonly runtime: Runtime,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.busy) return;
      this.busy = true;
      this.runtime.alerts
        .tick(new Date())
        .catch((err: unknown) => this.logger.error({ err: String(err) }, 'alert tick failed'))
        .finally(() => {
          this.busy = false;
        });
    };
    this.stop = startClock(tick, TICK_MS);
  }

  onApplicationShutdown(): void {
    this.stop?.();
    this.stop = null;
  }
}
