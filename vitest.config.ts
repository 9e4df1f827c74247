import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    // The browser suite has its own configuration (vitest.browser.config.ts).
    exclude: ['tests/browser/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every core: left to itself, vitest ran the files on one worker on a 2-core machine (152 s
    // against 95 s with two; README, The two commands).
    maxWorkers: availableParallelism(),
  },
});
