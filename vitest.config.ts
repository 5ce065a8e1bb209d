import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // type-graphql and the tests must share one copy of graphql (the ESM and CJS entry points
    // would otherwise load twice and graphql refuses schemas from "another realm").
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts', 'services/**/*.test.ts', 'workflows/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
