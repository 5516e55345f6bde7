import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webDir = path.dirname(fileURLToPath(import.meta.url));

// The server serves web/dist at / with an SPA fallback, so base stays '/'.
// `vite --config web/vite.config.ts` in dev proxies /api to a local server.
export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(webDir, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': process.env.OPENAIMS_API ?? 'http://127.0.0.1:3100' },
  },
});
