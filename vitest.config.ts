import os from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file has its own databases, so files run side by side. Vitest's
    // default is one worker fewer than the cores: a single worker on a 2-core
    // machine (CI's), where much of a file's time is spent waiting on
    // PostgreSQL, Chromium or a child server. One more worker than the cores
    // keeps both cores busy: 1,142 s instead of 1,461 s for the whole suite on
    // a 2-core machine. (Sharing modules between files, --no-isolate, saved
    // another 120 s but leaks module state from file to file: not taken.)
    pool: 'forks',
    maxWorkers: os.availableParallelism() + 1,
    reporters: ['default', './test/support/summary-reporter.ts'],
    // builds the `aims` bundle once, for every test that runs the real program
    globalSetup: ['./test/support/global-setup.ts'],
    sequence: { sequencer: SlowFirstSequencer },
  },
});
