import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DemoFeedServer, PollScheduler, seedIfEmpty } from '@parallax/pipeline';
import { Store } from '@parallax/store';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { APP_LOGGER } from '../infra/infra.module.js';
import type { AppLogger } from '../infra/logger.js';

/** How often the scheduler looks for due sources; each source keeps its own interval (with jitter). */
const TICK_MS = 5_000;

/**
 * Start-up and the polling clock: seeds an empty data directory (MONITOR_SEED), starts the loopback server
 * of the demo feeds when there are demo sources, then ticks the poll scheduler, unless MONITOR_SCHEDULER=false.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Store) private readonly store: Store,
    @Inject(PollScheduler) private readonly scheduler: PollScheduler,
    @Inject(DemoFeedServer) private readonly demo: DemoFeedServer,
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    seedIfEmpty({ store: this.store, seedDir: this.config.seedDir, modes: this.config.seed, demo: this.demo, logger: this.logger });
    if (this.store.sources.demoSourceIds().length > 0) await this.demo.start();
    if (!this.config.scheduler) {
      this.logger.info({}, 'scheduler off (MONITOR_SCHEDULER=false)');
      return;
    }
    const tick = () => {
      if (this.stopping) return;
      this.scheduler.tick().catch((err: unknown) => this.logger.error({ err: String(err) }, 'poll cycle failed'));
    };
    this.registry.addInterval('poll', setInterval(tick, TICK_MS));
    // The first cycle starts at once, but never holds up start-up.
    setImmediate(tick);
  }

  onApplicationShutdown(): void {
    this.stopping = true;
    if (this.registry.doesExist('interval', 'poll')) this.registry.deleteInterval('poll');
  }
}
