import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const lib = (name: string): string => fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources of every workspace package, so no build is needed first.
// plugin-react's transformer honours emitDecoratorMetadata, which Nest's dependency injection needs.
export default defineConfig({
  plugins: [react({ include: /\.(ts|tsx)$/ })],
  resolve: {
    alias: Object.fromEntries(
      ['domain', 'query', 'ingest', 'enrich', 'store', 'search', 'pipeline'].map((n) => [`@parallax/${n}`, lib(n)]),
    ),
  },
  test: {
    globals: false,
    include: ['libs/*/src/**/*.spec.ts', 'apps/*/src/**/*.spec.ts', 'apps/*/src/**/*.spec.tsx', 'apps/*/test/**/*.test.ts', 'libs/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
