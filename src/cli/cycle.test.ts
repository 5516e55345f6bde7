import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './program.js';

// In process: `aims cycle` is date arithmetic and opens no database.
async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  process.exitCode = 0;
  await runCli(['node', 'aims', ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

describe('aims cycle', () => {
  afterEach(() => vi.restoreAllMocks());

  it('initial --json prints the contract shape', async () => {
    const r = await run('cycle', 'initial', '--decision', '2026-08-31', '--stage2-end', '2026-08-31', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      expiry: '2029-08-30',
      surveillance: [
        { number: 1, dueBy: '2027-08-31' },
        { number: 2, dueBy: '2028-08-31' },
      ],
      recertificationDecisionBy: '2029-08-30',
      majorNonconformityVerifyBy: '2027-02-28',
    });
  });

  it('initial without --stage2-end gives no verification date', async () => {
    const r = await run('cycle', 'initial', '--decision', '2026-06-15', '--json');
    expect(JSON.parse(r.out).majorNonconformityVerifyBy).toBeNull();
  });

  it('renew --json prints exactly outcome, validFrom and expiry', async () => {
    const r = await run('cycle', 'renew', '--previous-expiry', '2029-06-14', '--decision', '2029-09-01', '--json');
    expect(JSON.parse(r.out)).toEqual({ outcome: 'restored', validFrom: '2029-09-01', expiry: '2032-06-14' });
  });

  it('prints a readable table without --json', async () => {
    const r = await run('cycle', 'initial', '--decision', '2026-06-15');
    expect(r.out).toMatch(/Surveillance 1 due by +2027-06-15/);
    expect(r.out).toMatch(/Expiry +2029-06-14/);
  });

  it.each([
    [['cycle', 'initial', '--decision', '2026-02-30', '--json'], '--decision'],
    [['cycle', 'initial', '--decision', 'next week', '--json'], '--decision'],
    [['cycle', 'initial', '--decision', '2026-06-15', '--stage2-end', '2026-13-01', '--json'], '--stage2-end'],
    [['cycle', 'renew', '--previous-expiry', '2029-02-29', '--decision', '2029-03-01', '--json'], '--previous-expiry'],
    [['cycle', 'renew', '--previous-expiry', '2029-06-14', '--decision', '14/06/2029', '--json'], '--decision'],
  ])('an invalid date exits 2 naming the flag (%j)', async (args, flag) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(flag);
    expect(r.out).toBe('');
  });
});
