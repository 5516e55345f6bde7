import type { Command } from 'commander';
import { migrateToLatest } from '../platform/db/migrate.js';
import { cliConfig, describeTarget, openConfiguredDatabase, printJson, println } from './context.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .summary('bring the database schema up to date')
    .description('Apply pending migrations (forward-only). `aims serve` and `aims init` also do this on start.')
    .option('--json', 'print {"applied":[…]}')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const database = openConfiguredDatabase(config);
      try {
        const applied = (await migrateToLatest(database)).filter((r) => r.status === 'Success').map((r) => r.migrationName);
        if (opts.json) return printJson({ applied });
        for (const name of applied) println(`applied ${name}`);
        println(`${describeTarget(config)} is up to date${applied.length ? '' : ' (nothing to apply)'}.`);
      } finally {
        await database.close();
      }
    });
}
