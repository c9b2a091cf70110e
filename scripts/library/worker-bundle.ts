/**
 * The build's child process (`build-worker.ts`) as one JavaScript file,
 * bundled by esbuild with the packages left for Node to load: started by
 * plain Node it is running in about 0.35 s, where starting it through tsx's
 * loader takes about 1.2 s, and a one-report rebuild waits for its children
 * to start. Written once per content under `node_modules/.cache/` (the
 * conventional place for a tool's cache, and where Node finds the packages
 * the bundle imports); where that cannot be written, the children run the
 * TypeScript through tsx as before.
 *
 * Build-only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** What to fork a child with: the file, and Node's options. */
export interface WorkerEntry {
  path: string;
  execArgv: string[];
}

/** The child's bundle, written if it is new, or its TypeScript source to run through tsx. */
export function workerEntry(): WorkerEntry {
  const source = fileURLToPath(new URL('./build-worker.ts', import.meta.url));
  try {
    const bundle = buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', write: false, logLevel: 'silent' });
    const code = bundle.outputFiles[0].text;
    const dir = fileURLToPath(new URL('../../node_modules/.cache/report-edge/', import.meta.url));
    const name = `build-worker.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
    const path = join(dir, name);
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true });
      // Older bundles are of code that no longer exists.
      for (const old of readdirSync(dir).filter((f) => f.startsWith('build-worker.') && f !== name)) rmSync(join(dir, old), { force: true });
      writeFileSync(`${path}.${process.pid}.tmp`, code);
      renameSync(`${path}.${process.pid}.tmp`, path);
    }
    return { path, execArgv: [] };
  } catch {
    return { path: source, execArgv: ['--import', 'tsx'] };
  }
}
