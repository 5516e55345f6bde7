#!/usr/bin/env node
// The installed entry point runs the bundled CLI that `npm run build`
// (scripts/build-server.ts) writes to dist/server/.
import module from 'node:module';

// Node 22.1+ keeps the compiled bundle on disk between starts; older Node has no such cache.
module.enableCompileCache?.();

import('../dist/server/aims.mjs').catch((err) => {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/server/aims.mjs')) {
    console.error('OpenAIMS is not built yet: run `npm run build` first.');
    process.exit(1);
  }
  throw err;
});
