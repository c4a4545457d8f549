import { mergeConfig } from 'vitest/config';
import root from '../../vitest.config.mts';

// Browser end-to-end tests: the real API (from its TypeScript sources, as the root config resolves them)
// and Debian's Chromium. `npm test` runs them after the unit suite (`npm run e2e -w @parallax/dashboard`).
const config = mergeConfig(root, {
  root: new URL('../..', import.meta.url).pathname,
  test: { testTimeout: 120_000, hookTimeout: 300_000 },
});
// mergeConfig concatenates arrays: replace the unit-test globs rather than add to them.
config.test = {
  ...config.test,
  include: ['apps/dashboard/e2e/**/*.e2e.ts'],
  globalSetup: ['apps/dashboard/e2e/support/global-setup.ts'],
  // Each file starts its own API and Chromium; two at a time is what a 2-core CI box carries.
  maxWorkers: 2,
};
export default config;
