import type { Command } from 'commander';
import { cliConfig, printJson, println, usageError, withDatabase } from './context.js';

/**
 * `aims dev …`: tools for developers and benchmarks (issue 17), never needed
 * to run OpenAIMS. `aims dev seed` fills an organization with realistic,
 * deterministic data at a chosen size.
 */

const SIZES = ['small', 'medium', 'large'] as const;

function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff)
    throw usageError(`invalid --seed: must be a whole number from 0 to 4294967295 (got "${value}")`);
  return Number(value);
}

function parseAnchor(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw usageError(`invalid --anchor: must be a date YYYY-MM-DD (got "${value}")`);
  return value;
}

/** Progress on stderr, one line a step, only when a person watches a terminal. */
function progressLine() {
  if (!process.stderr.isTTY) return undefined;
  return (step: string, done: number, total: number) =>
    process.stderr.write(`\r\u001b[2K${step} ${done}/${total}${step === 'audit-log' && done === total ? '\n' : ''}`);
}

export function registerDev(program: Command): void {
  const dev = program.command('dev').description('Developer tools: generate realistic data for trials and benchmarks.');

  dev
    .command('seed')
    .description(
      'Fill an empty organization with realistic data: AI systems (a few near-duplicates), suppliers, risks, ' +
        'evidence and their audit log. The same --seed and --size give the same records. ' +
        'Sizes: small (100 AI systems, 20 suppliers, 200 risks, 1,000 evidence items, 10,000 audit rows), ' +
        'medium (10x small), large (100x small: 10,000 AI systems ... 1,000,000 audit rows). ' +
        'Refuses an organization that already holds AI systems, suppliers, risks or evidence: it never touches real records.',
    )
    .requiredOption('--org <org>', 'organization id or slug (an existing, empty organization)')
    .requiredOption('--size <size>', `one of: ${SIZES.join(', ')}`)
    .option('--seed <n>', 'seed of the generator (default 42)')
    .option('--anchor <date>', 'the data covers the two years before this day (default 2026-11-30)')
    .option('--json', 'print the counts and the time taken as JSON')
    .action(async (opts: { org: string; size: string; seed?: string; anchor?: string; json?: boolean }, cmd: Command) => {
      if (!(SIZES as readonly string[]).includes(opts.size))
        throw usageError(`invalid --size: must be one of: ${SIZES.join(', ')} (got "${opts.size}")`);
      const seed = parseSeed(opts.seed);
      const anchor = parseAnchor(opts.anchor);
      const config = cliConfig(cmd);
      await withDatabase(config, 'migrate', async ({ db }) => {
        const { findOrgByIdOrSlug } = await import('../modules/organizations/index.js');
        const { seedOrganization, SeedRefused, DEFAULT_SEED } = await import('./dev-seed/index.js');
        const org = await findOrgByIdOrSlug(db, opts.org);
        if (!org) throw usageError(`No organization has the id or slug "${opts.org}"; \`aims org list\` shows them.`);
        if (org.archived_at) throw usageError(`The organization "${org.name}" is archived.`);
        const started = performance.now();
        // Seconds per step, for benchmark notes: a step ends when the next one starts.
        const steps: Record<string, number> = {};
        let step: { name: string; at: number } | undefined;
        const endStep = () => {
          if (step) steps[step.name] = Math.round(performance.now() - step.at) / 1000;
        };
        const show = progressLine();
        const counts = await seedOrganization(db, {
          orgId: org.id,
          size: opts.size as (typeof SIZES)[number],
          seed,
          anchor,
          onProgress: (name, done, total) => {
            if (step?.name !== name) {
              endStep();
              step = { name, at: performance.now() };
            }
            show?.(name, done, total);
          },
        }).catch((e: unknown) => {
          throw e instanceof SeedRefused ? usageError(`cannot seed "${org.slug}": ${e.message}`) : e;
        });
        endStep();
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        const used = seed ?? DEFAULT_SEED;
        if (opts.json) return printJson({ org: org.slug, size: opts.size, seed: used, ...counts, seconds, steps });
        println(
          `Seeded ${org.slug} (${opts.size}, seed ${used}) in ${seconds} s: ${counts.aiSystems} AI systems, ` +
            `${counts.suppliers} suppliers, ${counts.risks} risks, ${counts.evidence} evidence items, ${counts.auditRows} audit rows`,
        );
      });
    });
}
