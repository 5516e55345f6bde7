// Process entry for development (`npm run dev`, `tsx src/main.ts serve`): the
// same `aims` program as bin/aims.js; with no arguments at all it serves.
import { runCli } from './cli/program.js';

await runCli(process.argv.length > 2 ? process.argv : [...process.argv, 'serve']);
