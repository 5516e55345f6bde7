#!/usr/bin/env node
// The installed entry point runs the compiled CLI; `npm run build` produces dist/.
import('../dist/src/cli/index.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('OpenAIMS is not built yet: run `npm run build` first.');
    process.exit(1);
  }
  throw err;
});
