import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

// CI reads the last line of the run: "N passed, N failed, N skipped".
// Before it, the slowest files: where the suite's time goes, for whoever
// wants it shorter (CONTRIBUTING.md).
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    if (errors.length) failed += errors.length;
    if (testModules.length > 10) process.stdout.write(slowest(testModules, 15));
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

/** The `n` files that took longest: importing (with the app's modules) and running, in seconds. */
function slowest(testModules: ReadonlyArray<TestModule>, n: number): string {
  const rows = testModules.map((m) => {
    const d = m.diagnostic();
    return { file: path.relative(process.cwd(), m.moduleId), collect: d.collectDuration / 1000, run: d.duration / 1000 };
  });
  const total = (r: (typeof rows)[number]) => r.collect + r.run;
  rows.sort((a, b) => total(b) - total(a));
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0).toFixed(0);
  const lines = rows
    .slice(0, n)
    .map((r) => `  ${total(r).toFixed(1).padStart(6)} s  (import ${r.collect.toFixed(1)} s)  ${r.file}`);
  return `\nslowest files (all ${rows.length}: ${sum((r) => r.collect)} s importing, ${sum((r) => r.run)} s running, summed over workers):\n${lines.join('\n')}\n`;
}
