import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Three projects: HTTP behaviour inside workerd, pure code and the build in
// Node, and the pages and widget in a real browser.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        // A cold isolate's first request can take seconds on a busy 2-core machine.
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], testTimeout: 20_000 },
      },
      { test: { name: 'node', environment: 'node', include: ['test/node/**/*.test.ts'] } },
      // Real Chromium against wrangler dev: one server and one browser, files in turn.
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
