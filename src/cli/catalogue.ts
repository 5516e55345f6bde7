import type { Command } from 'commander';
import { CATALOGUE_VERSION, catalogue, type Requirement, requirementsByGroup } from '../catalogue/index.js';
import { printJson, println, printTable } from './context.js';

// `aims catalogue`: the ISO/IEC 42001 catalogue this build ships. Needs no
// database: the catalogue is data compiled into OpenAIMS.

export function registerCatalogue(program: Command): void {
  program
    .command('catalogue')
    .summary('show the ISO/IEC 42001 requirement catalogue')
    .description(
      'Print the ISO/IEC 42001 requirements (clauses 4 to 10) and Annex A controls this version ships, with the module holding their evidence.',
    )
    .option('--json', 'print the catalogue as served by GET /api/v1/catalogue/iso42001')
    .action((opts: { json?: boolean }) => {
      if (opts.json) return printJson(catalogue());
      println(`ISO/IEC 42001 catalogue ${CATALOGUE_VERSION}`);
      for (const g of requirementsByGroup()) {
        println();
        println(`${g.kind === 'clause' ? 'Clause' : 'Annex'} ${g.group} ${g.groupTitle}`);
        // A.6 splits into sub-objectives A.6.1 and A.6.2: one table each.
        const parts = new Map<string | null, Requirement[]>();
        for (const r of g.requirements) parts.set(r.subgroup, [...(parts.get(r.subgroup) ?? []), r]);
        for (const [subgroup, rows] of parts) {
          if (subgroup) println(`  ${subgroup} ${rows[0].subgroupTitle}`);
          printTable(
            ['ID', 'TITLE', 'MODULE'],
            rows.map((r) => [r.id, r.title, r.module]),
            '(none)',
          );
        }
      }
    });
}
