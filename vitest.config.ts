import { defineConfig } from 'vitest/config';

// Two tiers. `unit`: plain functions and lint rules, no services, seconds (`npm run test:unit`).
// `integration`: the real hub (PostgreSQL, Temporal, subgraphs, gateway) that the global set-up
// starts once for the run, plus the workflow tests on the time-skipping server and the replays.
const INTEGRATION_IN_WORKFLOWS = [
  'workflows/**/workflow.test.ts',
  'workflows/**/replay.test.ts',
  'workflows/**/campaign.test.ts',
];

export default defineConfig({
  resolve: {
    // type-graphql and the tests must share one copy of graphql (the ESM and CJS entry points
    // would otherwise load twice and graphql refuses schemas from "another realm").
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    setupFiles: ['reflect-metadata'],
    // The hub's log in the test processes (time-skipping workers, hubs a test starts) reads as
    // short lines; test/metrics.test.ts reads the global hub's JSON log from its file.
    env: { LOG_FORMAT: process.env.LOG_FORMAT || 'pretty' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['services/**/*.test.ts', 'workflows/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: INTEGRATION_IN_WORKFLOWS,
        },
      },
      {
        extends: true,
        test: {
          // The npm scripts' --help and bad flags: child processes with no database and no Temporal,
          // so `npm test` runs them beside the hub's tier, after the browser tests.
          name: 'scripts',
          include: ['test/cli-scripts.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/*.test.ts', 'test/faults/*.test.ts', 'test/fuzz/*.test.ts', ...INTEGRATION_IN_WORKFLOWS],
          exclude: ['test/cli-scripts.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          // One hub for the run: files take turns so they do not race for its seats and ports.
          fileParallelism: false,
        },
      },
    ],
  },
});
