import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initArgs, runAims } from '../../test/support/aims-cli.js';
import { readCsv } from '../exports/csv.js';
import { validateBom } from '../exports/cyclonedx-schema.js';

// `aims inventory import|export` as a child process against a throwaway
// SQLite data directory, as cli.test.ts runs the other commands.

const aims = (...args: string[]) => runAims(args);

let tmp: string;
let data: string;
const file = (name: string) => path.join(tmp, name);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-inv-'));
  data = file('data');
  const init = await aims('--data', data, ...initArgs());
  expect(init.code).toBe(0);
  fs.writeFileSync(
    file('systems.csv'),
    'Name,Business owner,Risk level,Supplier dependency,External id\n' +
      'ChatGPT Enterprise,ciso@example.com,HIGH,OpenAI (api),IT-1\n' +
      'Fraud scoring,Risk team,low,,IT-2\n',
  );
  fs.writeFileSync(file('bad.csv'), 'Name,Risk level,Deployment date\nA,extreme,2026-02-30\nB,low,\n');
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('aims inventory', { timeout: 60_000 }, () => {
  it('imports a file by org slug, dry run first; a bad file lists every error, exits 1 and writes nothing', async () => {
    const [dry, bad, noOrg] = await Promise.all([
      aims('--data', data, 'inventory', 'import', file('systems.csv'), '--org', 'example-ltd', '--dry-run'),
      aims('--data', data, 'inventory', 'import', file('bad.csv'), '--org', 'example-ltd'),
      aims('--data', data, 'inventory', 'import', file('systems.csv'), '--org', 'nope'),
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      'systems.csv -> example-ltd: 2 created, 0 updated, 0 unchanged, 0 rejected (dry run, nothing written)\nnew suppliers: OpenAI\n',
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout.split('\n')).toEqual([
      `row 2, Risk level: "extreme" is not on the organization's risk scale; use one of: low, medium, high`,
      'row 2, Deployment date: 2026-02-30 is not a real calendar date',
      'bad.csv -> example-ltd: 0 created, 0 updated, 0 unchanged, 1 rejected',
      'Nothing was imported: 1 of 2 rows has errors (2 errors).',
      '',
    ]);
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toMatch(/No organization has the id or slug "nope"/);

    const real = await aims('--data', data, 'inventory', 'import', file('systems.csv'), '--org', 'example-ltd', '--json');
    expect(real.code).toBe(0);
    expect(real.stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(JSON.parse(real.stdout)).toMatchObject({ created: 2, rejected: 0, errors: [], newSuppliers: ['OpenAI'] });
  });

  it('exports CSV, XLSX and CycloneDX, and an exported file imports back as unchanged', async () => {
    const [csv, xlsx, bom, badFormat] = await Promise.all([
      aims('--data', data, 'inventory', 'export', '--org', 'example-ltd', '--format', 'csv', '--out', file('out.csv')),
      aims('--data', data, 'inventory', 'export', '--org', 'example-ltd', '--format', 'xlsx', '--out', file('out.xlsx')),
      aims('--data', data, 'inventory', 'export', '--org', 'example-ltd', '--format', 'cyclonedx', '--out', '-'),
      aims('--data', data, 'inventory', 'export', '--org', 'example-ltd', '--format', 'pdf', '--out', file('x')),
    ]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(`Exported 2 AI systems of example-ltd to ${file('out.csv')}\n`);
    const rows = readCsv(fs.readFileSync(file('out.csv'))).map((r) => r.cells.slice(0, 10));
    expect(rows).toEqual([
      [
        'Name',
        'Business owner',
        'Technical owner',
        'Purpose',
        'User impact',
        'Data used',
        'Supplier dependency',
        'Risk level',
        'Monitoring method',
        'External id',
      ],
      ['ChatGPT Enterprise', 'ciso@example.com', '', '', '', '', 'OpenAI (api)', 'high', '', 'IT-1'],
      ['Fraud scoring', 'Risk team', '', '', '', '', '', 'low', '', 'IT-2'],
    ]);
    expect(xlsx.code).toBe(0);
    expect(fs.readFileSync(file('out.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(await validateBom(JSON.parse(bom.stdout))).toBe('1.6');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--format: must be one of: csv, xlsx, cyclonedx/);

    const again = await aims('--data', data, 'inventory', 'import', file('out.xlsx'), '--org', 'example-ltd', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ format: 'xlsx', created: 0, updated: 0, unchanged: 2 });
  });
});
