import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './seed-fixture';

/** A good build renders every citation style and takes tens of seconds on a busy 2-core machine. */
export const BUILD_TIMEOUT = 240_000;

/**
 * One one-off build as `npm run build` runs it (`scripts/build-index.ts`
 * with these arguments), in its own process, for the tests that check its
 * exit, its output and the files it leaves.
 */
export function runBuild(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: BUILD_TIMEOUT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
