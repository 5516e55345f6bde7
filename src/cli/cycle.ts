import type { Command } from 'commander';
import { initialCycle, renewCycle } from '../modules/certificates/index.js';
import { isCalendarDate } from '../platform/dates.js';
import { printJson, println, printTable, usageError } from './context.js';

// `aims cycle`: the certification cycle's dates by the same rules the web app
// and the API use (modules/certificates/certificates.cycle.ts). Needs no
// database: it is date arithmetic a person can check by hand.

function date(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw usageError(`${flag} must be a calendar date written YYYY-MM-DD (got "${value}")`);
  return value;
}

export function registerCycle(program: Command): void {
  const cycle = program
    .command('cycle')
    .summary('compute certification cycle dates (surveillance, expiry, renewal)')
    .description(
      'Certification cycle dates as most certification bodies apply ISO/IEC 17021-1: three years from the decision, two surveillance audits, renewal rules.',
    );

  cycle
    .command('initial')
    .description('Expiry, surveillance due dates and the recertification deadline of an initial certification.')
    .requiredOption('--decision <date>', 'date of the certification decision (YYYY-MM-DD)')
    .option('--stage2-end <date>', 'last day of Stage 2: adds the date a major nonconformity must be verified by')
    .option('--json', 'print JSON')
    .action((opts: { decision: string; stage2End?: string; json?: boolean }) => {
      const decision = date('--decision', opts.decision)!;
      const stage2End = date('--stage2-end', opts.stage2End);
      const c = initialCycle(decision, stage2End);
      if (opts.json) return printJson(c);
      printTable(
        ['EVENT', 'DATE'],
        [
          ['Certification decision', decision],
          ...c.surveillance.map((s) => [`Surveillance ${s.number} due by`, s.dueBy]),
          ['Recertification decision by', c.recertificationDecisionBy],
          ['Expiry', c.expiry],
          ...(c.majorNonconformityVerifyBy ? [['Major nonconformity verified by', c.majorNonconformityVerifyBy]] : []),
        ],
        '(none)',
      );
    });

  cycle
    .command('renew')
    .description('Outcome and dates of a recertification decision taken before, on or after the previous expiry.')
    .requiredOption('--previous-expiry <date>', 'expiry date of the previous certificate (YYYY-MM-DD)')
    .requiredOption('--decision <date>', 'date of the recertification decision (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action((opts: { previousExpiry: string; decision: string; json?: boolean }) => {
      const previousExpiry = date('--previous-expiry', opts.previousExpiry)!;
      const decision = date('--decision', opts.decision)!;
      const r = renewCycle(previousExpiry, decision);
      if (opts.json) return printJson({ outcome: r.outcome, validFrom: r.validFrom, expiry: r.expiry });
      println(`Outcome: ${r.outcome}`);
      println(`Valid from: ${r.validFrom}`);
      println(`Expiry: ${r.expiry}`);
      if (r.uncertified) println(`Uncertified: ${r.uncertified.from} to ${r.uncertified.to}`);
      if (r.requiresStage2)
        println('More than six months after expiry: a new initial certification, with at least a Stage 2 audit.');
    });
}
