import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatheredWordList } from '../../scripts/library/word-list';
import { readSeedMetadata, REPO_ROOT, SEED_ID, SEED_METADATA_FILE, SEED_PAGE_FILE } from './seed-fixture';
import { runBuild } from './build-process';
import { snapshot } from './folder-snapshot';

// The first build renders two reports' citations, and a child builds every style's engines after it.
const BUILD_TIMEOUT = 300_000;

/** A running `build-index.ts --watch`, its output kept line by line. */
class WatchingBuild {
  readonly stdout: string[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  readonly #child: ChildProcess;

  constructor(args: string[]) {
    this.#child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts', ...args, '--watch'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    this.#child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      this.stdout.push(...lines);
    });
    this.#child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.#child.once('exit', (code) => resolve(code)));
  }

  /** The lines printed from `from` on, once one of them matches (or the build stops). */
  async until(test: RegExp, from = 0): Promise<string[]> {
    for (;;) {
      const lines = this.stdout.slice(from);
      if (lines.some((line) => test.test(line))) return lines;
      if (this.#child.exitCode !== null) throw new Error(`the build stopped (${this.#child.exitCode}) before ${test}:\n${this.stdout.join('\n')}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stop(): Promise<number | null> {
    this.#child.kill('SIGTERM');
    return this.exited;
  }
}

/** A one-off build (`npm run build`, as `wrangler dev` runs it on each change). */
const buildOnce = runBuild;

describe('a build that watches its sources (build-index.ts --watch)', () => {
  let work: string;
  let sources: string;
  let out: string;
  let cache: string;
  let build: WatchingBuild;
  const secondMetadata = () => path.join(sources, 'second-copy.json');

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-watch-'));
    sources = path.join(work, 'sources');
    out = path.join(work, 'out');
    cache = path.join(work, 'cache');
    mkdirSync(sources);
    for (const id of [SEED_ID, 'second-copy']) {
      copyFileSync(SEED_PAGE_FILE, path.join(sources, `${id}.txt`));
      copyFileSync(SEED_METADATA_FILE, path.join(sources, `${id}.json`));
    }
    build = new WatchingBuild(['--sources', sources, '--out', out, '--cache', cache, '--cores', '2']);
    await build.until(/^ready: /);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await build?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('builds first, then watches, its two children readied with every citation engine', () => {
    expect(build.stdout).toContainEqual(expect.stringMatching(/^stage reports: [\d.]+ s, 2 built, 0 unchanged and reused; citations rendered for 2 on 2 process\(es\)/));
    expect(build.stdout).toContainEqual(expect.stringMatching(/^watching \/.*\/sources and index\/styles for changes \(Ctrl-C to stop\)$/));
    expect(build.stdout).toContainEqual(expect.stringMatching(/^ready: 2 process\(es\) with every citation engine built/));
    expect(JSON.parse(readFileSync(path.join(out, 'assets/data/library.json'), 'utf8')).reports.map((r: { id: string }) => r.id)).toEqual([SEED_ID, 'second-copy']);
  });

  it('rebuilds the changed report alone, on the children it kept, into what a one-off build makes of the same sources', async () => {
    const from = build.stdout.length;
    writeFileSync(secondMetadata(), readSeedMetadata().replace('"publisher-place": "', '"publisher-place": "Greater '));
    const lines = await build.until(/^(rebuilt in [\d.]+ s|not rebuilt)/, from);
    expect(lines).toContainEqual(expect.stringMatching(/^rebuilt in [\d.]+ s$/));
    expect(lines).toContainEqual(expect.stringMatching(/^changed: .*second-copy\.json$/));
    expect(lines).toContainEqual(expect.stringMatching(/^stage read: [\d.]+ s, 2 reports from .*, 1 read anew$/));
    expect(lines).toContainEqual(expect.stringMatching(/^stage reports: [\d.]+ s, 1 built, 1 unchanged and reused; citations rendered for 1 on 2 process\(es\) \(2 kept from the last build\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/word list \d+ shards .*the last build's patched for 1 report\(s\)/));
    // The changed report's citations name the new place; the other report's do not.
    const reportFile = (id: string) => readFileSync(path.join(out, `assets/data/reports/${id}.ndjson`), 'utf8');
    expect(reportFile('second-copy')).toContain('Greater ');
    expect(reportFile(SEED_ID)).not.toContain('Greater ');

    // A one-off build of the same sources, on a cache of its own: the word list gathered, not patched in memory.
    const oneOff = path.join(work, 'one-off');
    const result = buildOnce(['--sources', sources, '--out', oneOff, '--cache', path.join(work, 'one-off-cache')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(snapshot(path.join(out, 'assets'))).toEqual(snapshot(path.join(oneOff, 'assets')));
  }, BUILD_TIMEOUT);

  it('keeps the last good build and goes on watching when a change breaks a source, naming its file and line', async () => {
    const before = snapshot(out);
    const good = readFileSync(secondMetadata(), 'utf8');
    let from = build.stdout.length;
    writeFileSync(secondMetadata(), '{\n  "title": \n');
    await build.until(/^not rebuilt: the last good build stays$/, from);
    expect(build.stderr).toMatch(new RegExp(`${secondMetadata().replaceAll('.', '\\.')}:\\d+: invalid JSON`));
    expect(snapshot(out)).toEqual(before);
    // A one-off build of the same output (a deploy's) fails too, rather than build what the watching one would not.
    const oneOff = buildOnce(['--sources', sources, '--out', out, '--cache', cache]);
    expect(oneOff.status).toBe(1);
    expect(oneOff.stderr).toMatch(/^the build watching the sources \(process \d+\) failed on them: it says what is wrong; .* was left as it was$/m);
    expect(snapshot(out)).toEqual(before);

    from = build.stdout.length;
    writeFileSync(secondMetadata(), good);
    const lines = await build.until(/^(rebuilt in [\d.]+ s|not rebuilt)/, from);
    expect(lines).toContainEqual(expect.stringMatching(/^rebuilt in [\d.]+ s$/));
    expect(snapshot(out)).toEqual(before);
  }, BUILD_TIMEOUT);

  it('is deferred to by a one-off build of the same output (wrangler dev runs one on each change), which would race it', () => {
    const before = snapshot(out);
    const result = buildOnce(['--sources', sources, '--out', out, '--cache', cache]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^.*\/out is kept up to date by a build watching the sources \(process \d+\): not built again$/m);
    expect(result.stdout).not.toMatch(/^stage /m);
    expect(snapshot(out)).toEqual(before);
  }, BUILD_TIMEOUT);

  it('saves its word list when stopped, for the next one-off build to use as it is', async () => {
    expect(await build.stop()).toBe(0);
    const saved = JSON.parse(readFileSync(path.join(cache, 'word-list.json'), 'utf8')) as GatheredWordList;
    expect(saved.places.map(([id]) => id)).toEqual([SEED_ID, 'second-copy']);
    expect(existsSync(path.join(cache, 'watching.json'))).toBe(false);
    const result = buildOnce(['--sources', sources, '--out', out, '--cache', cache]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^stage reports: [\d.]+ s, 0 built, 2 unchanged and reused/m);
    expect(result.stdout).toMatch(/word list \d+ shards \([^)]*; the last build's\)/);
    expect(existsSync(path.join(out, 'assets/data/reports/second-copy.ndjson'))).toBe(true);
  }, BUILD_TIMEOUT);
});
