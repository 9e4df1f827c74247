import { defineConfig } from 'vitest/config';

/**
 * The browser suite (tests/browser/): each kind of report opened in Debian's Chromium through
 * playwright-core. Apart from the unit suite so that it can be run alone (npm run test:browser);
 * `npm test` runs both. One worker: one browser is enough, and it shares the machine with nothing.
 */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
