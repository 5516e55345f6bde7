#!/usr/bin/env node
// The installed entry point: the bundled CLI that `npm run build` writes to
// dist/server/aims.cjs, run through V8's code cache (run-bundle.js).
import { fileURLToPath } from 'node:url';
import { runBundle } from './run-bundle.js';

runBundle(fileURLToPath(new URL('../dist/server/aims.cjs', import.meta.url)));
