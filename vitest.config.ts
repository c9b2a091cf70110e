import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Two projects: HTTP behaviour inside workerd, and pure code and the build in Node.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'] },
      },
      { test: { name: 'node', environment: 'node', include: ['test/node/**/*.test.ts'] } },
    ],
  },
});
