/**
 * The build's identity: one hash of everything an answer's bytes can depend
 * on apart from the request — the files the build writes (data, citations,
 * scripts), the Worker's source and the locked dependencies. The Worker
 * derives its ETags from it (src/entity-tags.ts), so a deploy that changes any
 * of them changes every ETag, and one that changes none keeps them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file under `dir` of the project, sorted, as paths relative to `root`
 * (none where `dir` does not exist): what the build hashes into its keys.
 * @example filesUnder(projectRoot, 'src/core/library') // ['src/core/library/index.ts', …]
 */
export function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Hashes the build's small files, the keys of its report files (each a hash
 * of everything the file is made from: `scripts/library/build-cache.ts`),
 * and the code that serves them.
 * @example buildId({ 'widget.js': code }, ['driving-the-system-apart:9c1e…'], projectRoot) // '3f9a0c…' (16 hex digits)
 */
export function buildId(files: Record<string, string>, reportKeys: string[], projectRoot: string): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) hash.update(`${name}\0`).update(files[name]).update('\0');
  for (const key of reportKeys) hash.update(`${key}\0`);
  for (const path of [...filesUnder(projectRoot, 'src'), 'package-lock.json', 'wrangler.toml']) {
    hash.update(`${path}\0`).update(readFileSync(join(projectRoot, path))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
