import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // 2-core machines: keep heavy suites (servers, browsers, child processes) from starving each other.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
