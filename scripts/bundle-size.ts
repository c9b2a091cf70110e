/**
 * The size of what `wrangler deploy` uploads as the Worker: the script and
 * the text modules beside it (the build id, the widget, the page script, the
 * stylesheet), raw and gzip; the library's data goes up as static assets and
 * is not in it. Reads a dry run's output folder, and fails when the upload
 * is over `SCRIPT_GZIP_BUDGET`.
 *
 * Usage: tsx scripts/bundle-size.ts [DIR]   (default dist, from `wrangler deploy --dry-run --outdir dist`)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Most the Worker upload may weigh, gzip: 1 MiB, a third of the free plan's
 * 3 MB, whatever the library's size, since no data is in it.
 */
export const SCRIPT_GZIP_BUDGET = 2 ** 20;

export interface ModuleSize {
  name: string;
  bytes: number;
  gzipBytes: number;
}

/** Every uploaded module of a dry run, largest first (source maps and the README are not uploaded). */
export function bundleSizes(dir: string): ModuleSize[] {
  return readdirSync(dir)
    .filter((name) => !name.endsWith('.map') && name !== 'README.md')
    .map((name) => {
      const content = readFileSync(join(dir, name));
      // Content-addressed names ("4b9f…-citations.json") read better without the hash.
      return { name: name.replace(/^[0-9a-f]{40}-/, ''), bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** The sizes added up. */
export function totalSize(sizes: ModuleSize[]): { bytes: number; gzipBytes: number } {
  return sizes.reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, gzipBytes: sum.gzipBytes + s.gzipBytes }), { bytes: 0, gzipBytes: 0 });
}

export function formatSize(size: { bytes: number; gzipBytes: number }): string {
  return `${(size.bytes / 1024).toFixed(1)} KiB raw, ${(size.gzipBytes / 1024).toFixed(1)} KiB gzip`;
}

if (process.argv[1]?.endsWith('bundle-size.ts')) {
  const sizes = bundleSizes(process.argv[2] ?? 'dist');
  const total = totalSize(sizes);
  for (const size of sizes) console.log(`  ${size.name.padEnd(20)} ${formatSize(size)}`);
  console.log(`bundle (all uploaded modules): ${formatSize(total)}; budget ${SCRIPT_GZIP_BUDGET / 1024} KiB gzip`);
  if (total.gzipBytes > SCRIPT_GZIP_BUDGET) {
    console.error(`the Worker upload is ${formatSize(total)}: over its ${SCRIPT_GZIP_BUDGET / 1024} KiB gzip budget`);
    process.exitCode = 1;
  }
}
