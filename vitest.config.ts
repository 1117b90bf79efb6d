import { defineConfig } from 'vitest/config';

const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts'];

/**
 * Tests that drive a real outside component (a server with its databases, chromium, the packed package, the
 * documentation's examples run in a shell): `npm test` runs them, `npm run test:core` leaves them out, so the
 * figure the suite's time target was set on (the engine, CLI, interop, simulation, hostile inputs) stays
 * measurable on its own.
 */
const INTEGRATION = [
  'test/server/**/*.test.ts',
  'test/cli/users-and-db.test.ts',
  'test/report/browser/**/*.test.ts',
  'test/web/**/*.test.ts',
  'test/docs/**/*.test.ts',
  'test/package/**/*.test.ts',
];

export default defineConfig({
  test: {
    // Worker threads start faster than forked processes (about 14% less CPU for the same files); no test
    // changes the working directory or exits the process, which threads would not allow.
    pool: 'threads',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // One module graph per worker instead of one per file: on 57 files of test/core, versions, load,
        // schema and app this took 41% less CPU (79 s → 47 s, measured under load), most of it importing
        // the same sources again. These tests keep no global state between files (no mocks, no stubs, no
        // environment changes); the integration tests, which start servers and browsers, stay isolated.
        test: { name: 'core', include: ALL, exclude: INTEGRATION, isolate: false },
      },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
    ],
  },
});
