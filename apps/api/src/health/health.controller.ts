import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IndexFeeder, PollScheduler } from '@parallax/pipeline';
import { SEARCH_INDEX, type SearchIndex } from '@parallax/search';
import { Store } from '@parallax/store';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Public } from '../core/auth.guard.js';

type Check = { status: 'up' | 'down' | 'off'; [k: string]: unknown };

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(Store) private readonly store: Store,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(IndexFeeder) private readonly feeder: IndexFeeder,
    @Inject(PollScheduler) private readonly scheduler: PollScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '{status, checks:{db, search, scheduler}}; 503 when a check is down' })
  async health(@Res({ passthrough: true }) res: Response) {
    const db: Check = (() => {
      try {
        this.store.ping();
        return { status: 'up' };
      } catch (err) {
        return { status: 'down', error: String(err) };
      }
    })();
    const indexHealth = await this.index.health().catch((err: unknown) => ({ ok: false, detail: String(err) }));
    const search: Check = {
      status: indexHealth.ok ? 'up' : 'down',
      engine: this.config.meiliUrl ? 'meilisearch' : 'sqlite-fts',
      detail: indexHealth.detail,
      pendingIndexing: this.feeder.pending(),
      // A failed Meilisearch task (or an unreachable engine) lands here: the feeder keeps the
      // entries in the outbox and retries with backoff.
      lastError: this.feeder.error(),
    };
    const lastTick = this.scheduler.lastTick();
    const scheduler: Check = this.config.scheduler
      ? { status: 'up', lastTickAt: lastTick?.toISOString() ?? null, busy: this.scheduler.isBusy() }
      : { status: 'off' };
    const status = [db, search].some((c) => c.status === 'down') ? 'down' : 'ok';
    if (status !== 'ok') res.status(503);
    return { status, checks: { db, search, scheduler } };
  }
}
