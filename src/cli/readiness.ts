import type { Command } from 'commander';
import type { Executor } from '../platform/db/db.js';
import { CliError, cliConfig, printJson, println, withDatabase } from './context.js';

// `aims readiness --org ORG [--json] [--seed SEED]`: the Stage 1 and Stage 2
// rehearsal without a running server, computed by the same service the API
// uses (GET /api/v1/orgs/{orgId}/readiness), so --json prints the same
// document. Like the API, it records the day's snapshot.

async function findOrg(db: Executor, idOrSlug: string) {
  const { findOrgByIdOrSlug } = await import('../modules/organizations/index.js');
  const org = await findOrgByIdOrSlug(db, idOrSlug);
  if (!org) throw new CliError(`No organization has the id or slug "${idOrSlug}"; \`aims org list\` shows them.`);
  if (org.archived_at) throw new CliError(`The organization "${org.name}" is archived.`);
  return org;
}

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', 'not-available': 'N/A ' } as const;

export function registerReadiness(program: Command): void {
  program
    .command('readiness')
    .summary('rehearse Stage 1 and Stage 2')
    .description(
      "Rehearse the Stage 1 and Stage 2 audits from the organization's data: each check's verdict, why, and what to fix. Exits 0 whatever the verdicts.",
    )
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--seed <seed>', 'redraw the evidence sample with another seed (default: today)')
    .option('--json', 'print the same JSON as GET /api/v1/orgs/{orgId}/readiness')
    .action(async (opts: { org: string; seed?: string; json?: boolean }, cmd: Command) => {
      if (opts.seed !== undefined && (opts.seed.trim() === '' || opts.seed.length > 40))
        throw new CliError(`--seed ${opts.seed}: must be 1 to 40 characters.`);
      await withDatabase(cliConfig(cmd), 'existing', async ({ db }) => {
        const { evaluateReadiness } = await import('../modules/readiness/index.js');
        const org = await findOrg(db, opts.org);
        const r = await evaluateReadiness(db, org.id, { seed: opts.seed?.trim() });
        if (opts.json) return printJson(r);
        const done = r.steps.filter((s) => s.status === 'done').length;
        println(`Readiness of ${org.name}: ${done} of ${r.steps.length} journey steps done`);
        for (const [name, stage] of [
          ['Stage 1', r.stage1],
          ['Stage 2', r.stage2],
        ] as const) {
          println();
          println(name);
          for (const c of stage.checks) {
            println(`  ${MARK[c.status]} ${c.title}: ${c.detail}`);
            if (c.fix) println(`       fix: ${c.fix} (${c.link})`);
          }
        }
      });
    });
}
