import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard imports only types from @parallax/domain; the alias lets Vite read its sources without a build.
export default defineConfig(({ command }) => {
  // A build is always the production bundle, whatever NODE_ENV the caller runs with: under vitest (`test`)
  // Vite builds React's development bundle, three times slower to render the results page, and left it in
  // dist for the next `npm start`.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [react()],
    resolve: {
      alias: { '@parallax/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      chunkSizeWarningLimit: 700,
    },
    server: {
      // `npm run dev -w @parallax/dashboard` against an API started with `npm start`.
      proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
    },
  };
});
