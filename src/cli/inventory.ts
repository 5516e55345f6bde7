import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Executor } from '../platform/db/db.js';
import {
  CLI_ACTOR,
  CliError,
  cliConfig,
  EXIT_FAILURE,
  parseFields,
  printJson,
  println,
  usageError,
  withDatabase,
} from './context.js';

// `aims inventory import|export`: the inventory's CSV, XLSX and CycloneDX
// files without a running server, through the same service the API uses.

const FORMATS = ['csv', 'xlsx', 'cyclonedx'] as const;
const fields = { format: { flag: '--format', schema: z.enum(FORMATS, { error: `must be one of: ${FORMATS.join(', ')}` }) } };

async function findOrg(db: Executor, idOrSlug: string) {
  const { findOrgByIdOrSlug } = await import('../modules/organizations/index.js');
  const org = await findOrgByIdOrSlug(db, idOrSlug);
  if (!org) throw new CliError(`No organization has the id or slug "${idOrSlug}"; \`aims org list\` shows them.`);
  if (org.archived_at) throw new CliError(`The organization "${org.name}" is archived.`);
  return org;
}

function formatOfName(file: string): (typeof FORMATS)[number] | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.json') || name.endsWith('.cdx')) return 'cyclonedx';
  return undefined;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw usageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A one-line bar redrawn in place; only for a person watching a terminal. */
function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: () => {}, done: () => {} };
  let shown = false;
  return {
    update(done: number, total: number) {
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\u001b[2K');
    },
  };
}

export function registerInventory(program: Command): void {
  const inventory = program
    .command('inventory')
    .summary('import and export the AI system inventory')
    .description('Import AI systems from CSV, XLSX or a CycloneDX BOM, and export the inventory.');

  inventory
    .command('import')
    .description(
      'Import AI systems from a CSV, XLSX or CycloneDX 1.5/1.6 JSON file (format from the extension, else the content). ' +
        'All rows or none: with any error nothing is written, every bad row and column is listed, and the exit code is 1. ' +
        'Rows whose external id is already in the inventory update that system.',
    )
    .argument('<file>', 'the file to import')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .option('--json', 'print the import report as JSON')
    .action(async (file: string, opts: { org: string; dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const data = await readInput(file);
      await withDatabase(config, 'migrate', async ({ db }) => {
        const { detectFormat, importInventory } = await import('../modules/inventory/index.js');
        const org = await findOrg(db, opts.org);
        const format = formatOfName(file) ?? detectFormat(data);
        const bar = progressBar('writing');
        const report = await importInventory(db, CLI_ACTOR, org.id, format, data, {
          dryRun: !!opts.dryRun,
          onProgress: bar.update,
        });
        bar.done();
        if (report.errors.length) process.exitCode = EXIT_FAILURE;
        if (opts.json) return printJson(report);
        for (const e of report.errors) println(`${e.row === null ? '' : `row ${e.row}, `}${e.field}: ${e.message}`);
        println(
          `${path.basename(file)} -> ${org.slug}: ${report.created} created, ${report.updated} updated, ` +
            `${report.unchanged} unchanged, ${report.rejected} rejected${report.dryRun ? ' (dry run, nothing written)' : ''}`,
        );
        if (report.newSuppliers.length) println(`new suppliers: ${report.newSuppliers.join(', ')}`);
        if (report.errors.length) println(report.detail);
      });
    });

  inventory
    .command('export')
    .description('Export the active AI systems as CSV or XLSX (the import template’s columns) or a CycloneDX 1.6 BOM.')
    .requiredOption('--org <org>', 'organization id or slug')
    .requiredOption('--format <format>', `one of: ${FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write the file ("-" for stdout)')
    .action(async (opts: { org: string; format: string; out: string }, cmd: Command) => {
      const config = cliConfig(cmd);
      const given = parseFields(fields, opts);
      await withDatabase(config, 'existing', async ({ db }) => {
        const { exportInventory } = await import('../modules/inventory/index.js');
        const org = await findOrg(db, opts.org);
        const file = await exportInventory(db, org.id, given.format ?? 'csv');
        if (opts.out === '-') {
          process.stdout.write(file.body);
          return;
        }
        await fs.writeFile(opts.out, file.body);
        println(`Exported ${file.count} AI systems of ${org.slug} to ${opts.out}`);
      });
    });
}
