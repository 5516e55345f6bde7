import type { Command } from 'commander';
import { findUserByEmail } from '../platform/auth/users.js';
import { email, requiredLine, slug } from '../platform/http/fields.js';
import { CLI_ACTOR, CliError, cliConfig, parseFields, printJson, println, printTable, withDatabase } from './context.js';

const fields = {
  name: { flag: '--name', schema: requiredLine(200) },
  slug: { flag: '--slug', schema: slug() },
  owner: { flag: '--owner', schema: email() },
};

export function registerOrg(program: Command): void {
  const org = program
    .command('org')
    .summary('create and list organizations')
    .description('Create and list organizations (tenants).');

  org
    .command('create')
    .description('Create an organization with an existing user as its first owner.')
    .requiredOption('--name <name>', 'organization name')
    .option('--slug <slug>', 'URL slug: lowercase letters, digits, hyphens (default: made from --name)')
    .requiredOption('--owner <email>', 'email of the existing user who becomes owner')
    .option('--json', 'print the organization as JSON')
    .action(async (opts: { name: string; slug?: string; owner: string; json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const given = parseFields(fields, opts);
      await withDatabase(config, 'migrate', async ({ db }) => {
        const { createOrganization, toOrganization } = await import('../modules/organizations/index.js');
        const owner = await findUserByEmail(db, given.owner as string);
        if (!owner) throw new CliError(`No user has the email ${given.owner}; create one first with \`aims user create\`.`);
        const row = await db
          .transaction()
          .execute((tx) =>
            createOrganization(tx, CLI_ACTOR, { name: given.name as string, slug: given.slug, ownerUserId: owner.id }),
          );
        const o = toOrganization(row);
        if (opts.json) printJson(o);
        else println(`Created organization "${o.name}" /${o.slug} (${o.id}), owner ${owner.email}`);
      });
    });

  org
    .command('list')
    .description('List every organization on this instance, archived ones included.')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withDatabase(cliConfig(cmd), 'existing', async ({ db }) => {
        const { listAllOrgs, toOrganization } = await import('../modules/organizations/index.js');
        const orgs = (await listAllOrgs(db)).map((o) => ({ ...toOrganization(o), archivedAt: o.archived_at }));
        if (opts.json) return printJson(orgs);
        printTable(
          ['SLUG', 'NAME', 'ID', 'CREATED', 'STATUS'],
          orgs.map((o) => [o.slug, o.name, o.id, o.createdAt, o.archivedAt ? 'archived' : 'active']),
          'No organizations yet: run `aims init`.',
        );
      });
    });
}
