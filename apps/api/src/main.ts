import 'reflect-metadata';
import { errorMessage } from '@parallax/domain';
import { loadEnvironment } from '@parallax/pipeline';
import { startApp } from './app.js';
import { createLogger } from './infra/logger.js';

async function main(): Promise<void> {
  const config = loadEnvironment();
  const logger = createLogger(config.logLevel);
  const { url } = await startApp(config, logger);
  const shown = url.replace('127.0.0.1', 'localhost');
  logger.info({ url: shown, dataDir: config.dataDir }, `Parallax is running: dashboard ${shown}/ · API ${shown}/api · OpenAPI ${shown}/api/docs`);
  if (!config.adminToken) logger.info({ tokenFile: `${config.dataDir}/admin-token` }, `API token: see ${config.dataDir}/admin-token (or set MONITOR_ADMIN_TOKEN)`);
}

main().catch((err: unknown) => {
  process.stderr.write(`parallax failed to start: ${errorMessage(err)}\n`);
  process.exit(1);
});
