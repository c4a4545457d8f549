import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Runtime } from '@parallax/pipeline';
import { startClock } from '../core/clock.js';
import { APP_LOGGER } from '../infra/infra.module.js';
import type { AppLogger } from '../infra/logger.js';

/** Failed assignments fall due for a retry on this clock; new items do not wait for it (they kick the assigner). */
const TICK_MS = 5_000;

/** Drains the story outbox at start-up (what a crash left) and on a clock (retries), scheduler on or off. */
@Injectable()
export class StoriesClockService implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop: (() => void) | null = null;

  constructor(
    @Inject(Runtime) private readonly runtime: Runtime,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => void this.runtime.stories.drain().catch((err: unknown) => this.logger.error({ err: String(err) }, 'story tick failed'));
    this.stop = startClock(tick, TICK_MS);
  }

  onApplicationShutdown(): void {
    this.stop?.();
    this.stop = null;
  }
}
