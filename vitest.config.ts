import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Site builds and browser tests take seconds, not milliseconds.
    testTimeout: 300_000,
    // Builds share Astro's prerender folder in the project (.astro/.prerender): one file at a time.
    fileParallelism: false,
    hookTimeout: 180_000,
  },
});
