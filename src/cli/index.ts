// Entry of the `aims` command (bin/aims.js loads the compiled copy of this file).
import { runCli } from './program.js';

// `aims org list | head` closes stdout early; that ends the output, not in a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// Not awaited at the top level: the production bundle is a CommonJS file (scripts/build-server.ts). runCli reports its own errors.
void runCli();
