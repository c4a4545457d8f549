import { mergeConfig } from 'vitest/config';
import root from '../../vitest.config.mts';

// Browser end-to-end tests: the real API (from its TypeScript sources, as the root config resolves them)
// and real Chromium. Run with `npm run e2e -w @parallax/dashboard`; kept out of the unit suite.
const config = mergeConfig(root, {
  root: new URL('../..', import.meta.url).pathname,
  test: { testTimeout: 120_000, hookTimeout: 180_000 },
});
// mergeConfig concatenates arrays: replace the unit-test globs rather than add to them.
config.test = { ...config.test, include: ['apps/dashboard/e2e/**/*.e2e.ts'] };
export default config;
