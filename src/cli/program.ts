import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { registerAuditLog } from './audit-log.js';
import { registerBackup } from './backup.js';
import { registerCatalogue } from './catalogue.js';
import { registerCycle } from './cycle.js';
import { registerDev } from './dev.js';
import { describeError, EXIT_USAGE } from './context.js';
import { registerDoctor } from './doctor.js';
import { registerEvidence } from './evidence.js';
import { registerInit } from './init.js';
import { registerInventory } from './inventory.js';
import { registerMigrate } from './migrate.js';
import { registerOrg } from './org.js';
import { registerReadiness } from './readiness.js';
import { registerServe } from './serve.js';
import { registerToken } from './token.js';
import { registerUser } from './user.js';

/** The `aims` program. Subcommands are added with .command() so they inherit exitOverride and output settings. */
export function buildProgram(): Command {
  const program = new Command('aims')
    .description('OpenAIMS: an ISO/IEC 42001 AI management system.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--data <dir>', 'data directory holding the SQLite database (default ./data)').env('OPENAIMS_DATA'))
    .addOption(
      new Option('--database-url <url>', 'postgres://… to use PostgreSQL instead of SQLite, or sqlite:<file>').env(
        'DATABASE_URL',
      ),
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      'after',
      '\nFirst run:\n  aims init --email you@example.com --org "Example Ltd"\n  aims serve\n\nExit codes: 0 ok, 1 failed, 2 bad usage or invalid input.',
    );

  registerServe(program);
  registerInit(program);
  registerMigrate(program);
  registerUser(program);
  registerOrg(program);
  registerToken(program);
  registerAuditLog(program);
  registerBackup(program);
  registerInventory(program);
  registerCatalogue(program);
  registerCycle(program);
  registerEvidence(program);
  registerReadiness(program);
  registerDoctor(program);
  registerDev(program);
  return program;
}

/** Runs the program and sets the exit code; expected errors are one line on stderr. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has printed its message already; help and --version exit 0.
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    const { message, exitCode, stack } = describeError(e);
    process.stderr.write(`error: ${message}\n`);
    if (stack) {
      const debug = ['debug', 'trace'].includes(process.env.OPENAIMS_LOG_LEVEL ?? '');
      process.stderr.write(
        debug ? `${stack}\n` : 'This looks like a bug; run again with OPENAIMS_LOG_LEVEL=debug for the stack trace.\n',
      );
    }
    process.exitCode = exitCode;
  }
}
