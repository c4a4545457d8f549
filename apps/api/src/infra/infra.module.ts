import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DemoFeedServer, IndexFeeder, IngestCycle, PipelineEvents, PollScheduler, Runtime } from '@parallax/pipeline';
import { SEARCH_INDEX } from '@parallax/search';
import { Store } from '@parallax/store';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AdminTokenService } from '../core/admin-token.service.js';
import type { AppLogger } from './logger.js';

export const APP_LOGGER = Symbol('APP_LOGGER');

const fromRuntime = <T>(provide: unknown, pick: (r: Runtime) => T) => ({ provide: provide as string, inject: [Runtime], useFactory: pick });

/**
 * Wires the framework-free back end (libs/pipeline's Runtime: store, search index behind its port,
 * enricher, ingest pipeline) into Nest providers. Nothing here contains domain logic.
 */
@Global()
@Module({
  providers: [
    {
      provide: Runtime,
      inject: [APP_CONFIG, APP_LOGGER],
      useFactory: (c: AppConfig, logger: AppLogger) => Runtime.open({ ...c, logger }),
    },
    fromRuntime(Store, (r) => r.store),
    fromRuntime(SEARCH_INDEX, (r) => r.index),
    fromRuntime(PipelineEvents, (r) => r.events),
    fromRuntime(DemoFeedServer, (r) => r.demo),
    fromRuntime(IngestCycle, (r) => r.cycle),
    fromRuntime(IndexFeeder, (r) => r.feeder),
    fromRuntime(PollScheduler, (r) => r.scheduler),
    AdminTokenService,
  ],
  exports: [Runtime, Store, SEARCH_INDEX, PipelineEvents, DemoFeedServer, IngestCycle, IndexFeeder, PollScheduler, AdminTokenService],
})
export class InfraModule implements OnApplicationShutdown {
  constructor(@Inject(Runtime) private readonly runtime: Runtime) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
  }
}
