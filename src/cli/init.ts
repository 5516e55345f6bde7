import type { Command } from 'commander';
import { email, password, requiredLine, slug } from '../platform/http/fields.js';
import { CliError, cliConfig, describeTarget, parseFields, printJson, println, withDatabase } from './context.js';
import { ask, requireOrPrompt } from './prompt.js';

// First run without a browser: the first owner and their organization, the
// same use case as the web setup page (POST /api/v1/setup).

const fields = {
  email: { flag: '--email', schema: email() },
  password: { flag: '--password', schema: password() },
  name: { flag: '--name', schema: requiredLine(200) },
  org: { flag: '--org', schema: requiredLine(200) },
  slug: { flag: '--slug', schema: slug() },
};

interface InitOptions {
  email?: string;
  password?: string;
  name?: string;
  org?: string;
  slug?: string;
  json?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .summary('create the first owner and organization (first run)')
    .description(
      'Create the first owner account and organization, running migrations first.\n\n' +
        'Values not given as flags are asked for when stdin is a terminal (the password without echo); ' +
        'in scripts give --email, --password and --org. Fails if OpenAIMS is already set up.',
    )
    .option('--email <email>', 'owner email, used to sign in')
    .option('--password <password>', 'owner password, at least 12 characters (visible in shell history: prefer the prompt)')
    .option('--name <name>', 'owner display name (default: the part of the email before @)')
    .option('--org <name>', 'organization name')
    .option('--slug <slug>', 'organization URL slug (default: made from --org)')
    .option('--json', 'print {"userId":"…","orgId":"…"}')
    .addHelpText('after', '\nExample:\n  aims init --email ciso@example.com --org "Example Ltd" --json')
    .action(async (opts: InitOptions, cmd: Command) => {
      const config = cliConfig(cmd);
      const given = parseFields(fields, opts);
      const missing = (['email', 'password', 'org'] as const).filter((k) => opts[k] === undefined);
      requireOrPrompt(missing.map((k) => `--${k}`));

      await withDatabase(config, 'migrate', async (database) => {
        const { initInstance, setupNeeded } = await import('../modules/accounts/index.js');
        if (!(await setupNeeded(database.db))) {
          throw new CliError(
            `OpenAIMS is already set up in ${describeTarget(config)}; add people with \`aims user create\` and organizations with \`aims org create\`.`,
          );
        }
        const userEmail = given.email ?? (await ask({ spec: fields.email, label: 'Owner email' }));
        const defaultName = userEmail.split('@')[0];
        // --name is optional: asked (with a default) only when we are asking anyway.
        const name =
          given.name ??
          (missing.length ? await ask({ spec: fields.name, label: 'Owner name', defaultValue: defaultName }) : defaultName);
        const orgName = given.org ?? (await ask({ spec: fields.org, label: 'Organization name' }));
        const pw = given.password ?? (await ask({ spec: fields.password, label: 'Password', secret: true }));

        const { user, org } = await initInstance(
          database.db,
          { email: userEmail, password: pw, name, orgName, orgSlug: given.slug },
          'cli',
        );
        if (opts.json) {
          printJson({ userId: user.id, orgId: org.id });
          return;
        }
        println(`Created owner ${user.email} (${user.id})`);
        println(`Created organization "${org.name}" /${org.slug} (${org.id})`);
        println('Next: `aims serve`, then sign in with this email and password.');
      });
    });
}
