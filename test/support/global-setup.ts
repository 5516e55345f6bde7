import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../scripts/build-server.js';

// Built once per test run, before any worker starts: the CLI bundle every
// test that runs the real `aims` program starts (test/support/aims-cli.ts).
// A start of the bundle costs ~0.4 s where a start through tsx costs ~2 s of
// CPU (it transforms and loads ~590 TypeScript files), and ~200 such starts
// in the suite compete for the same two cores as the tests. It is also what
// production runs: bin/aims.js starts the same bundle through the same loader.

declare module 'vitest' {
  export interface ProvidedContext {
    /** node arguments that run the built `aims` (before its own arguments) */
    aimsCommand: string[];
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles the CLI into dist/<name> (two levels below the repository, as
 * dist/server is: it finds package.json and web/dist as production does) and
 * returns its launcher, which starts it as bin/aims.js does: through the
 * code-cache loader. A bundle that does not build fails the caller rather
 * than falling back to tsx: that would hide a broken production build.
 */
export async function bundleInto(name: string): Promise<string> {
  const dir = path.join(ROOT, 'dist', name);
  const bundle = await buildServer(dir);
  const launcher = path.join(dir, 'aims.mjs');
  fs.writeFileSync(
    launcher,
    `import { runBundle } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'bin/run-bundle.js')).href)};\nrunBundle(${JSON.stringify(bundle)});\n`,
  );
  return launcher;
}

export default async function setup(project: TestProject) {
  const launcher = await bundleInto(`test-cli-${process.pid}`);
  project.provide('aimsCommand', [launcher]);
  return () => fs.rmSync(path.dirname(launcher), { recursive: true, force: true });
}
