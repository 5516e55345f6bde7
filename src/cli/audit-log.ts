import type { Command } from 'commander';
import { verifyAuditLog } from '../platform/audit-log/audit-log.js';
import { cliConfig, EXIT_FAILURE, printJson, println, withDatabase } from './context.js';

export function registerAuditLog(program: Command): void {
  const auditLog = program
    .command('audit-log')
    .summary('check the hash-chained audit log')
    .description('Work with the append-only, hash-chained audit log.');

  auditLog
    .command('verify')
    .description(
      'Recompute the hash chain over every row. Prints "ok" and the row count, or the first ' +
        'broken row ("broken at seq N: reason") and exits 1: a row was edited, deleted or reordered.',
    )
    .option('--json', 'print {"ok":true,"rows":N} or {"ok":false,"rows":N,"break":{"seq":N,"reason":"…"}}')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withDatabase(cliConfig(cmd), 'existing', async ({ db }) => {
        const result = await verifyAuditLog(db);
        if (opts.json) printJson(result);
        else if (result.ok) println(`ok\n${result.rows} rows`);
        else println(`broken at seq ${result.break?.seq}: ${result.break?.reason}`);
        if (!result.ok) process.exitCode = EXIT_FAILURE;
      });
    });
}
