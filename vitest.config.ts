import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { findChromium, NO_CHROMIUM } from './test/browser/find-chromium';
import { FULLTEXT_BUILD } from './test/worker-fulltext/paths';

// The browser project needs a Chromium or Chrome on this machine. Without one it is skipped,
// saying so in one line, except under CI=true, where its global setup fails the run.
const browserFound = findChromium() !== null;
const skipBrowser = !browserFound && process.env.CI !== 'true';
if (skipBrowser && process.argv.includes('browser')) console.warn(`${NO_CHROMIUM}: skipped`);

// Three projects: HTTP behaviour inside workerd, pure code and the build in
// Node, and the pages and widget in a real browser.
export default defineConfig({
  test: {
    passWithNoTests: skipBrowser,
    projects: [
      {
        // LTI_REGISTRATIONS: the KV namespace the LTI tool keeps dynamic registrations in
        // (wrangler.toml leaves it out until an operator enables it; see README).
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' }, miniflare: { kvNamespaces: ['LTI_REGISTRATIONS'] } })],
        // A cold isolate's first request can take seconds on a busy 2-core machine.
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], testTimeout: 20_000 },
      },
      // The same Worker serving a build made from a PDF (test/worker-fulltext/build-fixture.ts):
      // whole text by printed page, search hits on a page, page look-up with text. Its
      // wrangler.toml points the assets at that build; the alias its bundled scripts.
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './test/worker-fulltext/wrangler.toml' } })],
        resolve: { alias: [{ find: /^(.*)\/index\/build\/(.*)$/, replacement: `${FULLTEXT_BUILD}/$2` }] },
        test: { name: 'worker-fulltext', include: ['test/worker-fulltext/**/*.test.ts'], globalSetup: ['test/worker-fulltext/build-fixture.ts'], testTimeout: 20_000 },
      },
      { test: { name: 'node', environment: 'node', include: ['test/node/**/*.test.ts'] } },
      // Real Chromium against wrangler dev: one server and one browser, files in turn.
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: skipBrowser ? [] : ['test/browser/**/*.test.ts'],
          globalSetup: skipBrowser ? [] : ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
