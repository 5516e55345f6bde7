import type { Command } from 'commander';
import { AppError } from '../platform/http/errors.js';
import { email, requiredLine } from '../platform/http/fields.js';
import { CLI_ACTOR, CliError, cliConfig, parseFields, printJson, println, withDatabase } from './context.js';

const fields = {
  email: { flag: '--email', schema: email() },
  name: { flag: '--name', schema: requiredLine(100) },
};

export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .summary('issue API tokens')
    .description('Issue API tokens for scripts (sent as `Authorization: Bearer <token>`).');

  token
    .command('create')
    .description(
      'Issue an API token acting as the given user. The token is shown once; only its hash is stored.\n\n' +
        'Without --json the token alone goes to stdout (notes go to stderr), so TOKEN=$(aims token create …) works.',
    )
    .requiredOption('--email <email>', 'email of the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "CI evidence upload"')
    .option('--json', 'print {"token":"…"}')
    .action(async (opts: { email: string; name: string; json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const given = parseFields(fields, opts);
      await withDatabase(config, 'migrate', async ({ db }) => {
        const { issueApiTokenForEmail } = await import('../modules/accounts/index.js');
        const created = await issueApiTokenForEmail(db, CLI_ACTOR, given.email as string, given.name as string).catch((e) => {
          throw e instanceof AppError && e.status === 404
            ? new CliError(`No user has the email ${given.email}; create one with \`aims user create\`.`)
            : e;
        });
        if (opts.json) return printJson({ token: created.token });
        process.stderr.write(
          `API token "${created.name}" for ${given.email} (id ${created.id}). It is shown once; store it now:\n`,
        );
        println(created.token);
      });
    });
}
