import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests in tiers, each a project (`npm test -- --project unit`):
 * - unit: pure — no process, no build, no browser (`npm run test:unit`, the edit loop).
 * - cli: the real `bcp` command and git runs, as users run them.
 * - site: over the sites built once per change of the sources (test/global-setup.ts: the
 *   example and the variants that need other answers), and the few builds under test.
 * - browser: a real Chromium over the same sites, one for the tier (test/setup-browser.ts).
 * The cli, site and browser tiers run the bundled `bcp` as users do (test/setup-cli.ts).
 */
export default defineConfig({
  test: {
    // Builds and browsers take seconds, not milliseconds; timeouts are limits, not targets.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Builds and browsers wait on other processes much of the time: one file per core.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'cli', include: ['test/cli/**/*.test.ts'], globalSetup: ['test/setup-cli.ts'] } },
      { extends: true, test: { name: 'site', include: ['test/site/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: ['test/global-setup.ts', 'test/setup-browser.ts'] } },
    ],
  },
});
