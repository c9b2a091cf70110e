/**
 * The size of what `wrangler deploy` uploads: the Worker script and the text
 * modules beside it (the build's JSON, the widget, the stylesheet), raw and
 * gzip. Reads a dry run's output folder.
 *
 * Usage: tsx scripts/bundle-size.ts [DIR]   (default dist, from `wrangler deploy --dry-run --outdir dist`)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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
  console.log(`bundle (all uploaded modules): ${formatSize(total)}`);
}
