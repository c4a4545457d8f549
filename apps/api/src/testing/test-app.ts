import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { loadEnvironment } from '@parallax/pipeline';
import type { AppConfig } from '../config/app-config.js';
import { startApp, type RunningApp } from '../app.js';

export const TEST_TOKEN = 'test-admin-token-0123456789';

export interface TestApp extends RunningApp {
  dataDir: string;
  /** fetch against the app with the admin token. */
  api(pathAndQuery: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/**
 * The real Nest app on port 0 with a fresh temp data directory, loopback sources allowed, the scheduler
 * and seeding off unless asked: what the integration tests start.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-app-'));
  const config: AppConfig = loadEnvironment({
    PORT: '0',
    HOST: '127.0.0.1',
    MONITOR_DATA_DIR: dataDir,
    MONITOR_ADMIN_TOKEN: TEST_TOKEN,
    MONITOR_ALLOW_PRIVATE_SOURCES: 'true',
    MONITOR_SEED: 'none',
    MONITOR_SCHEDULER: 'false',
    MONITOR_PER_HOST_GAP_MS: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const running = await startApp(config);
  return {
    ...running,
    dataDir,
    api: (p, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${TEST_TOKEN}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(running.url + p, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
    },
    close: async () => {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
