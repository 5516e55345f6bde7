import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compressWebDir } from '../scripts/compress-web.ts';

const webDir = path.dirname(fileURLToPath(import.meta.url));

/** Writes .br and .gz beside each built file once the bundle is on disk: the server sends them as they are. */
function precompress(): Plugin {
  return {
    name: 'openaims-precompress',
    apply: 'build',
    async closeBundle() {
      await compressWebDir(path.join(webDir, 'dist'));
    },
  };
}

// The server serves web/dist at / with an SPA fallback, so base stays '/'.
// `vite --config web/vite.config.ts` in dev proxies /api to a local server.
export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(webDir, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': process.env.OPENAIMS_API ?? 'http://127.0.0.1:3100' },
  },
});
