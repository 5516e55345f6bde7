import type { AddressInfo } from 'node:net';
import { type Command, InvalidArgumentError } from 'commander';
import { migrateToLatest } from '../platform/db/migrate.js';
import { type Scheduler, startScheduler } from '../platform/jobs/index.js';
import { VERSION } from '../version.js';
import { cliConfig, describeTarget, openConfiguredDatabase, println } from './context.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535');
  return n;
}

/** In-flight requests get this long to finish after SIGINT/SIGTERM. */
const SHUTDOWN_GRACE_MS = 10_000;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .summary('run the web app and API')
    .description('Apply pending migrations, then serve the web app and the API until SIGINT or SIGTERM.')
    .option('--port <n>', 'port to listen on (env PORT, default 3000; 0 picks a free one)', parsePort)
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1; 0.0.0.0 for all interfaces)')
    .action(async (opts: { port?: number; host?: string }, cmd: Command) => {
      const config = cliConfig(cmd, {
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.host ? { host: opts.host } : {}),
      });
      const database = openConfiguredDatabase(config);
      let app: Awaited<ReturnType<typeof import('../app.js').buildApp>> | undefined;
      try {
        await migrateToLatest(database);
        const { buildApp } = await import('../app.js');
        app = await buildApp(database, config);
        await app.listen({ port: config.port, host: config.host });
      } catch (e) {
        await app?.close().catch(() => {});
        await database.close().catch(() => {});
        throw e;
      }
      const running = app;

      const { port } = running.server.address() as AddressInfo;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      // bin/aims.js then saves the compiled code a server start runs (its V8 code cache).
      (process as NodeJS.EventEmitter).emit('openaims:serving');
      println(`OpenAIMS ${VERSION} listening on http://${host}:${port} (${describeTarget(config)})`);
      const { setupNeeded } = await import('../modules/accounts/index.js');
      if (await setupNeeded(database.db)) println('First run: open that address to create the first owner, or run `aims init`.');
      // Reminders run on every node (leases keep them from doubling up); OPENAIMS_JOBS=off opts a node out.
      const scheduler: Scheduler | null = config.jobs ? startScheduler(database.db, config) : null;

      let stopping = false;
      const shutdown = async (signal: NodeJS.Signals) => {
        if (stopping) {
          process.stderr.write(`${signal} again: exiting without waiting\n`);
          process.exit(1);
        }
        stopping = true;
        println(`${signal}: shutting down`);
        const timer = setTimeout(() => {
          process.stderr.write(`error: still shutting down after ${SHUTDOWN_GRACE_MS / 1000}s; exiting\n`);
          process.exit(1);
        }, SHUTDOWN_GRACE_MS);
        timer.unref();
        let code = 0;
        try {
          await scheduler?.stop();
          await running.close();
          await database.close();
        } catch (e) {
          process.stderr.write(`error: shutdown failed: ${(e as Error).message}\n`);
          code = 1;
        }
        // Exit explicitly: a forgotten timer in some plugin must not keep a stopped server alive.
        process.exit(code);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    });
}
