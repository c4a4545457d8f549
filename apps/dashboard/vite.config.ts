import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard imports only types from @parallax/domain; the alias lets Vite read its sources without a build.
export default defineConfig({
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
});
