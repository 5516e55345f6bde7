import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initArgs, runAims } from '../../test/support/aims-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `aims evidence add` as a child process against a throwaway SQLite data
// directory, as inventory.test.ts runs its commands.

const aims = (...args: string[]) => runAims(args, { OPENAIMS_UPLOAD_MAX_MB: '0.01' });

let tmp: string;
let data: string;
const file = (name: string) => path.join(tmp, name);
/** Files in the data directory other than the database's: the stored blobs. */
const blobs = () =>
  (fs.readdirSync(data, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile() && !/\.(db|sqlite)(-wal|-shm|-journal)?$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-ev-'));
  data = file('data');
  const init = await aims('--data', data, ...initArgs());
  expect(init.code).toBe(0);
  fs.writeFileSync(file('model-card.txt'), 'Model card of the support assistant, reviewed.\n');
  fs.writeFileSync(file('big.bin'), Buffer.alloc(20_000, 1));
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('aims evidence add', { timeout: 60_000 }, () => {
  it('stores a file against a control, prints the EV number and the control’s coverage', async () => {
    const add = await aims(
      '--data',
      data,
      'evidence',
      'add',
      file('model-card.txt'),
      '--org',
      'example-ltd',
      '--control',
      'A.6.2.6',
      '--valid-until',
      '2099-01-01',
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^EV-0001 model-card\.txt stored in example-ltd\n/);
    expect(add.stdout).toMatch(/A\.6\.2\.6 .*: 1 valid, 0 expiring, 0 expired \(1 in all\)/);
    const again = await aims(
      '--data',
      data,
      'evidence',
      'add',
      file('model-card.txt'),
      '--org',
      'example-ltd',
      '--control',
      'A.6.2.6',
      '--control',
      'A.2.2',
      '--title',
      'Model card v2',
      '--json',
    );
    expect(again.code).toBe(0);
    const out = JSON.parse(again.stdout);
    expect(out.item).toMatchObject({ number: 'EV-0002', title: 'Model card v2', kind: 'file', file: { name: 'model-card.txt' } });
    expect(out.coverage.find((c: { controlId: string }) => c.controlId === 'A.6.2.6').total).toBe(2);
  });

  it('explains an unknown control, a missing file and a file over the limit, with exit code 1', async () => {
    const stored = blobs();
    const [unknown, own, missing, big] = await Promise.all([
      aims('--data', data, 'evidence', 'add', file('model-card.txt'), '--org', 'example-ltd', '--control', 'A.99.1'),
      // an own control the SoA does not have, and a clause that does not exist
      aims(
        '--data',
        data,
        'evidence',
        'add',
        file('model-card.txt'),
        '--org',
        'example-ltd',
        '--control',
        'OC-404',
        '--requirement',
        '11.1',
      ),
      aims('--data', data, 'evidence', 'add', file('nope.pdf'), '--org', 'example-ltd', '--control', 'A.6.2.6'),
      aims('--data', data, 'evidence', 'add', file('big.bin'), '--org', 'example-ltd', '--control', 'A.6.2.6'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--control A\.99\.1: is not an Annex A control/);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/--requirement 11\.1: is not a management-system clause/);
    expect(own.stderr).toMatch(/--control OC-404: is not/);
    // checked before the upload: no file was stored for any of them
    expect(blobs()).toEqual(stored);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.pdf does not exist/);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/too large.*upload limit/);
  });
});
