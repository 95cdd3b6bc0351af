import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real databases (PGlite and PostgreSQL): a test that compares every month end of every area
    // takes seconds on a quiet 2-core machine and several times that beside another test suite.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
