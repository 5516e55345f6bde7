import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Executor } from '../platform/db/db.js';
import { AppError } from '../platform/http/errors.js';
import { isoDate } from '../platform/http/fields.js';
import { CLI_ACTOR, CliError, cliConfig, printJson, println, withDatabase } from './context.js';

// `aims evidence add FILE --org ORG --control A.6.2.6`: files evidence from a
// script or a CI job without a running server. The file is streamed into the
// evidence store and the item created through the same register the API uses,
// audited as the CLI; every failure is a sentence and exit code 1.

async function findOrg(db: Executor, idOrSlug: string) {
  const { findOrgByIdOrSlug } = await import('../modules/organizations/index.js');
  const org = await findOrgByIdOrSlug(db, idOrSlug);
  if (!org) throw new CliError(`No organization has the id or slug "${idOrSlug}"; \`aims org list\` shows them.`);
  if (org.archived_at) throw new CliError(`The organization "${org.name}" is archived.`);
  return org;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The API's field errors in words: "--control A.9.9: is not an Annex A control of the catalogue". */
function explain(e: unknown, given: { controls: string[]; requirements: string[] }): never {
  if (!(e instanceof AppError)) throw e;
  const lines = e.errors.map((f) => {
    const m = /^body\.(controlIds|requirementIds)\.(\d+)$/.exec(f.field);
    if (m) {
      const list = m[1] === 'controlIds' ? given.controls : given.requirements;
      return `${m[1] === 'controlIds' ? '--control' : '--requirement'} ${list[Number(m[2])]}: ${f.message}`;
    }
    return `${f.field.replace(/^body\./, '')}: ${f.message}`;
  });
  throw new CliError(lines.length ? lines.join('; ') : e.message);
}

export function registerEvidence(program: Command): void {
  const evidence = program.command('evidence').summary('file evidence').description('File evidence into the evidence store.');

  evidence
    .command('add')
    .description(
      'Store a file as evidence linked to Annex A controls (or own controls) and clauses. Prints the EV number and the coverage of each control.',
    )
    .argument('<file>', 'the file to store')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--control <id>', 'an Annex A control (A.6.2.6) or own control id; repeat for several', collect, [])
    .option('--requirement <id>', 'a clause (9.1); repeat for several', collect, [])
    .option('--title <title>', 'the title (default: the file name)')
    .option('--valid-until <date>', 'last day the evidence is valid (YYYY-MM-DD)')
    .option('--json', 'print the created item and coverage as JSON')
    .action(
      async (
        file: string,
        opts: { org: string; control: string[]; requirement: string[]; title?: string; validUntil?: string; json?: boolean },
        cmd: Command,
      ) => {
        const config = cliConfig(cmd);
        let stat: fs.Stats;
        try {
          stat = fs.statSync(file);
        } catch {
          throw new CliError(`The file ${file} does not exist or cannot be read.`);
        }
        if (!stat.isFile()) throw new CliError(`${file} is not a file.`);
        if (opts.validUntil && !isoDate().safeParse(opts.validUntil).success)
          throw new CliError(`--valid-until ${opts.validUntil}: must be a real date as YYYY-MM-DD.`);
        const maxBytes = Math.floor(config.uploadMaxMb * 1024 * 1024);
        if (stat.size > maxBytes)
          throw new CliError(
            `${path.basename(file)} is too large: ${stat.size} bytes, the upload limit is ${config.uploadMaxMb} MB.`,
          );
        await withDatabase(config, 'migrate', async ({ db }) => {
          const { createBlobStore, storeFile } = await import('../platform/storage/index.js');
          const { createRecord } = await import('../platform/register/index.js');
          const { evidenceCoverage, evidenceRegister } = await import('../modules/evidence/index.js');
          // own controls are the SoA's: its link kind checks them
          await import('../modules/soa/index.js');
          const org = await findOrg(db, opts.org);
          const given = { controls: opts.control, requirements: opts.requirement };
          // Every link is checked before the upload, so a wrong control or clause stores no file:
          // Annex A ids and clauses against the catalogue, the rest as own controls of the SoA.
          const { ANNEX_A, CLAUSES } = await import('../catalogue/index.js');
          const { checkLinks } = await import('../platform/refs/index.js');
          const annexIds = new Set(ANNEX_A.map((a) => a.id));
          const clauseIds = new Set(CLAUSES.map((c) => c.id));
          const problems = opts.requirement
            .filter((r) => !clauseIds.has(r))
            .map((r) => `--requirement ${r}: is not a management-system clause (4.1 … 10.2)`);
          const own = opts.control.filter((c) => !/^A\.\d/.test(c));
          for (const c of opts.control)
            if (/^A\.\d/.test(c) && !annexIds.has(c)) problems.push(`--control ${c}: is not an Annex A control of the catalogue`);
          const ownErrors = await checkLinks(
            db,
            org.id,
            own.map((id) => ({ type: 'control', id })),
            'own',
          );
          for (const e of ownErrors) problems.push(`--control ${own[Number(e.field.split('.')[1])]}: ${e.message}`);
          if (problems.length) throw new CliError(problems.join('; '));
          let created: Awaited<ReturnType<typeof createRecord>>;
          try {
            const stored = await storeFile(db, createBlobStore(config), CLI_ACTOR, org.id, {
              name: path.basename(file),
              stream: fs.createReadStream(file),
              maxBytes,
            });
            created = await createRecord(db, CLI_ACTOR, evidenceRegister, org.id, {
              title: opts.title ?? path.basename(file),
              kind: 'file',
              fileId: stored.id,
              description: '',
              url: null,
              record: null,
              periodFrom: null,
              periodTo: null,
              owner: null,
              controlIds: opts.control,
              requirementIds: opts.requirement,
              aiSystemIds: [],
              riskIds: [],
              validUntil: opts.validUntil ?? null,
            } as never);
          } catch (e) {
            explain(e, given);
          }
          const item = created.item as { id: string; number: string; title: string };
          const coverage = await evidenceCoverage(db, org.id);
          const rows = coverage.controls.filter((c) => opts.control.includes(c.controlId));
          if (opts.json) return printJson({ item, coverage: rows });
          println(`${item.number} ${item.title} stored in ${org.slug}`);
          for (const c of rows)
            println(
              `${c.controlId} ${c.title}: ${c.valid} valid, ${c.expiring} expiring, ${c.expired} expired (${c.total} in all)`,
            );
        });
      },
    );
}
