import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file has its own databases; files run in parallel on the two cores.
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
