import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUE_VERSION, catalogue } from '../catalogue/index.js';
import { buildProgram } from './program.js';

// In process: `aims catalogue` opens no database, so no child process is needed.
async function run(...args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  await buildProgram().parseAsync(['node', 'aims', ...args]);
  return out;
}

describe('aims catalogue', () => {
  afterEach(() => vi.restoreAllMocks());

  it('--json prints the served shape', async () => {
    expect(JSON.parse(await run('catalogue', '--json'))).toEqual(catalogue());
  });

  it('prints a readable table by clause and objective', async () => {
    const out = await run('catalogue');
    expect(out).toContain(`ISO/IEC 42001 catalogue ${CATALOGUE_VERSION}`);
    expect(out).toContain('Clause 4 Context of the organization');
    expect(out).toContain('Annex A.6 AI system life cycle');
    expect(out).toContain('  A.6.1 Management guidance for AI system development');
    expect(out).toMatch(/A\.10\.3 +Suppliers +suppliers/);
    expect(out.match(/^(\d+(\.\d+)+|A\.\d+(\.\d+)+) /gm)).toHaveLength(70);
  });
});
