import { defineConfig } from 'vitest/config';

/**
 * Tests in tiers, each a project (`npm test -- --project unit`):
 * - unit: no site is built; fast and in parallel.
 * - site: over the example site, built once (test/global-setup.ts), and the few variant
 *   builds that need other answers.
 * - browser: a real Chromium over the same example site.
 */
export default defineConfig({
  test: {
    // Builds and browsers take seconds, not milliseconds; timeouts are limits, not targets.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'site', include: ['test/site/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
