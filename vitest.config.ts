import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Site builds and browser tests take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
