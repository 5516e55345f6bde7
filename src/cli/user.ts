import type { Command } from 'commander';
import { findUserByEmail, insertUser, listUsers, toPublicUser } from '../platform/auth/users.js';
import { AppError, conflict } from '../platform/http/errors.js';
import { email, password, requiredLine } from '../platform/http/fields.js';
import { CLI_ACTOR, CliError, cliConfig, parseFields, printJson, println, printTable, withDatabase } from './context.js';
import { ask, requireOrPrompt } from './prompt.js';

// Accounts are instance-wide; membership of an organization is granted in the
// organization (web UI or API), or by `aims org create --owner`.

const fields = {
  email: { flag: '--email', schema: email() },
  name: { flag: '--name', schema: requiredLine(200) },
  password: { flag: '--password', schema: password() },
};

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .summary('create and list user accounts, reset passwords')
    .description('Create and list user accounts; reset a password.');

  user
    .command('create')
    .description('Create a user account. Without --password on a terminal, the password is asked for without echo.')
    .requiredOption('--email <email>', 'email, used to sign in')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'initial password, at least 12 characters')
    .option('--json', 'print the user as JSON')
    .action(async (opts: { email: string; name: string; password?: string; json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const given = parseFields(fields, opts);
      requireOrPrompt(opts.password === undefined ? ['--password'] : []);
      await withDatabase(config, 'migrate', async ({ db }) => {
        const userEmail = given.email as string;
        if (await findUserByEmail(db, userEmail)) throw conflict(`A user with the email ${userEmail} exists.`);
        const pw = given.password ?? (await ask({ spec: fields.password, label: 'Password', secret: true }));
        const row = await db
          .transaction()
          .execute((tx) => insertUser(tx, CLI_ACTOR, { email: userEmail, name: given.name as string, password: pw }));
        const u = toPublicUser(row);
        if (opts.json) printJson(u);
        else println(`Created user ${u.email} (${u.id})`);
      });
    });

  user
    .command('reset-password')
    .description(
      'Give a user a one-time password, printed once, that they must change at their next sign-in. ' +
        'Their sessions end and a sign-in lock on the account is lifted.\n\n' +
        'Without --json the password alone goes to stdout (notes go to stderr).',
    )
    .requiredOption('--email <email>', 'email of the account')
    .option('--json', 'print {"userId","email","temporaryPassword"}')
    .action(async (opts: { email: string; json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const given = parseFields({ email: fields.email }, opts);
      await withDatabase(config, 'migrate', async ({ db }) => {
        const { resetPasswordByEmail } = await import('../modules/accounts/index.js');
        const result = await resetPasswordByEmail(db, CLI_ACTOR, given.email as string).catch((e) => {
          throw e instanceof AppError && e.status === 404 ? new CliError(`No user has the email ${given.email}.`) : e;
        });
        if (opts.json) return printJson(result);
        process.stderr.write(
          `Temporary password for ${result.email}. It is shown once; ${result.email} must change it at the next sign-in:\n`,
        );
        println(result.temporaryPassword);
      });
    });

  user
    .command('list')
    .description('List every user account on this instance.')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withDatabase(cliConfig(cmd), 'existing', async ({ db }) => {
        const users = (await listUsers(db)).map((u) => ({ ...toPublicUser(u), disabledAt: u.disabled_at }));
        if (opts.json) return printJson(users);
        printTable(
          ['EMAIL', 'NAME', 'ID', 'CREATED', 'STATUS'],
          users.map((u) => [u.email, u.name, u.id, u.createdAt, u.disabledAt ? 'disabled' : 'active']),
          'No users yet: run `aims init`.',
        );
      });
    });
}
