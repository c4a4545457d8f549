import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { AppModule } from './app.module.js';
import { securityHeaders } from './core/security-headers.js';
import type { AppConfig } from './config/app-config.js';
import { createLogger, PinoNestLogger, type AppLogger } from './infra/logger.js';

export interface RunningApp {
  app: NestExpressApplication;
  url: string;
  logger: AppLogger;
  close(): Promise<void>;
}

/**
 * Builds and starts the whole product on `config.port` (0 = any free port, for tests): the API under
 * `/api`, OpenAPI at `/api/docs`, the built dashboard at `/` with a single-page-app fallback.
 */
export async function startApp(config: AppConfig, logger: AppLogger = createLogger(config.logLevel)): Promise<RunningApp> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.use(securityHeaders());
  // CORS stays closed: Nest sends no Access-Control-Allow-Origin unless enableCors() is called, so other
  // origins' pages cannot read API answers; the dashboard is served from this same origin.
  // Bodies are small JSON documents (an OPML import is the largest): cap them.
  app.use(express.json({ limit: '5mb' }));
  app.use(express.text({ type: ['text/xml', 'application/xml', 'text/x-opml'], limit: '5mb' }));
  app.disable('x-powered-by');
  app.enableShutdownHooks();

  const docs = new DocumentBuilder()
    .setTitle('Parallax API')
    .setDescription('Multilingual media monitoring: sources, search, stories, denials, alerts.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, docs));

  const index = path.join(config.dashboardDir, 'index.html');
  if (fs.existsSync(index)) {
    app.useStaticAssets(config.dashboardDir, { index: false, maxAge: '1h' });
    // Client-side routes (/search, /sources/12…) all load the app shell; /api stays the API's.
    app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.sendFile(index);
    });
  }

  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`;
  return { app, url, logger, close: () => app.close() };
}
