import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, REPO } from './paths.js';

/**
 * Runs once before the browser tests: Debian's Chromium must be there (a missing browser fails the run,
 * it never skips it), and the dashboard is built into `apps/dashboard/dist`, which the API serves at `/`.
 */
export default function setup(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The dashboard's browser tests need Debian's Chromium at ${CHROMIUM}, which is missing. ` +
        'Run `.ci/run` (it installs it) or `sudo apt-get install -y chromium fonts-noto-cjk`; set CHROMIUM_PATH to use another binary.',
    );
  }
  // The production bundle, as `npm start` serves it, though vitest sets NODE_ENV to `test` (vite.config.ts).
  const built = spawnSync(process.execPath, [path.join(REPO, 'node_modules/vite/bin/vite.js'), 'build', path.join(REPO, 'apps/dashboard'), '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`vite build of the dashboard failed (exit ${built.status ?? built.signal})`);
}
