import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain 'N passed, N failed' line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-unit.json' },
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    // One Azurite for the whole run; each test file gets its own table prefix.
    globalSetup: ['test/support/azurite-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
