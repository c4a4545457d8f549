import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { Store, UserRepository } from '@parallax/store';
import { ApiTokensController } from './accounts/api-tokens.controller.js';
import { ApiTokensService } from './accounts/api-tokens.service.js';
import { AuthController } from './accounts/auth.controller.js';
import { AuthenticationService } from './accounts/authentication.service.js';
import { SessionsService } from './accounts/sessions.service.js';
import { UsersController } from './accounts/users.controller.js';
import { UsersService } from './accounts/users.service.js';
import { AlertsClockService } from './alerts/alerts-clock.service.js';
import { AlertsController } from './alerts/alerts.controller.js';
import { AlertsService } from './alerts/alerts.service.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { AuthGuard } from './core/auth.guard.js';
import { CsrfGuard } from './core/csrf.guard.js';
import { DomainExceptionFilter } from './core/domain-exception.filter.js';
import { RATE_LIMITS } from './core/rate-limit.js';
import { ServerLockService } from './core/server-lock.service.js';
import { EntitiesController } from './entities/entities.controller.js';
import { HealthController } from './health/health.controller.js';
import { APP_LOGGER, InfraModule } from './infra/infra.module.js';
import type { AppLogger } from './infra/logger.js';
import { ItemsController } from './items/items.controller.js';
import { SchedulerService } from './scheduler/scheduler.service.js';
import { SearchController } from './search/search.controller.js';
import { SourcesController } from './sources/sources.controller.js';
import { SourcesService } from './sources/sources.service.js';
import { CompareController } from './stories/compare.controller.js';
import { DenialsController } from './stories/denials.controller.js';
import { RetagController } from './stories/retag.controller.js';
import { StoriesClockService } from './stories/stories-clock.service.js';
import { StoriesController } from './stories/stories.controller.js';
import { StoriesService } from './stories/stories.service.js';
import { StreamController } from './stream/stream.controller.js';

@Module({})
class ConfigModule {
  static forRoot(config: AppConfig, logger: AppLogger): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, APP_LOGGER],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: AppLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config, logger), ScheduleModule.forRoot(), ThrottlerModule.forRoot(RATE_LIMITS), InfraModule],
      controllers: [HealthController, SourcesController, SearchController, ItemsController, StreamController, EntitiesController, AlertsController, AuthController, UsersController, ApiTokensController, StoriesController, DenialsController, CompareController, RetagController],
      providers: [
        SourcesService,
        SchedulerService,
        AlertsService,
        AlertsClockService,
        StoriesService,
        StoriesClockService,
        ServerLockService,
        { provide: UserRepository, inject: [Store], useFactory: (store: Store) => new UserRepository(store.db) },
        AuthenticationService,
        SessionsService,
        UsersService,
        ApiTokensService,
        // In order: rate limits (before any password or token check), who is calling, CSRF for cookie writes.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
      ],
    };
  }
}
