/**
 * A build that watches its sources (`npm run build -- --watch`): what it
 * keeps in memory from one build to the next, so that a change to one
 * report costs about what that report costs, not what the library does.
 *
 * - the child processes, with their citeproc engines built and their
 *   proofs made (`RenderPool`): a cold build spends most of a one-report
 *   rebuild starting children and building APA's engines;
 * - every report as read, and every cached report's entry (`ReadCache`,
 *   `BuildCache` remembering them): a cold build parses them all again;
 * - the library's word list, patched in place (`KeptWordList`): a cold
 *   build reads it whole (about 130 MB of JSON at 10,000 reports), copies
 *   it and writes it back. Kept in memory, it is written to the cache once,
 *   when the session ends (`close`), for the next cold build to patch.
 *
 * Each build is still the one-off build's code path, files and output: only
 * where things are kept differs.
 *
 * While it runs, a one-off build of the same output defers to it
 * (`awaitWatchingBuild`): `wrangler dev` runs `npm run build` on every
 * change to the sources too, and two builds swapping in one folder would
 * race, the slower one's older output left last.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { BuildCache, writeWhole } from './build-cache';
import { ReadCache } from './read-cache';
import { RenderPool } from './render-pool';
import type { WordListBuilder } from './word-list';

/** The word list of the last good build, with the report (id and key) at each place. */
export interface KeptWordList {
  places: Array<[id: string, key: string]>;
  words: WordListBuilder;
  /** Whether it differs from the one in the cache's folder. */
  unsaved: boolean;
}

export class BuildSession {
  readonly pool = new RenderPool();
  readonly cache: BuildCache;
  readonly reads: ReadCache;
  /**
   * The last good build's word list. A build takes it (leaving null) before
   * patching it, and gives it back when it succeeds: a build that fails half
   * way leaves none, and the next one reads the cache's.
   */
  wordList: KeptWordList | null = null;
  /** The children's engines being built after the first build (`RenderPool.warm`), once a session. */
  warming: Promise<unknown> | null = null;

  constructor(cacheDir: string, readerCode: string) {
    this.cache = new BuildCache(cacheDir, { remember: true });
    this.reads = new ReadCache(cacheDir, readerCode, { remember: true });
  }

  /** Ends the session: the word list saved for the next build, the children let go. */
  close(): void {
    if (this.wordList?.unsaved) this.cache.writeWordList(this.wordList.words.gathered(this.wordList.places));
    this.wordList = null;
    this.pool.close();
  }
}

/** How long a burst of file events (an editor's save is several) is waited out before building. */
export const SETTLE_MS = 100;

/**
 * Calls `build` after each change to the folders (waited out for
 * `SETTLE_MS`), one build at a time: a change during a build starts one more
 * after it, with every file changed meanwhile.
 * @returns a function that stops watching
 */
export function watchFolders(dirs: string[], build: (changed: string[]) => Promise<void>): () => void {
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const run = () => {
    timer = null;
    if (running) return;
    const files = [...changed].sort();
    changed = new Set();
    running = build(files).finally(() => {
      running = null;
      if (changed.size > 0 && !timer) timer = setTimeout(run, SETTLE_MS);
    });
  };
  const watchers: FSWatcher[] = dirs.map((dir) =>
    watch(dir, (_event, name) => {
      changed.add(name ? `${dir}/${name}` : dir);
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, SETTLE_MS);
    }),
  );
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

/** What a watching build says of itself in its cache folder, for a one-off build of the same output (`awaitWatchingBuild`). */
export interface WatchingState {
  pid: number;
  out: string;
  /** A build is under way. */
  building: boolean;
  /** When the last build began (ms since the epoch): a source changed since is not in it yet. */
  started: number;
  /** Whether the last build succeeded. */
  good: boolean;
}

const stateFile = (cacheDir: string) => join(cacheDir, 'watching.json');

export function writeWatchingState(cacheDir: string, state: WatchingState): void {
  writeWhole(stateFile(cacheDir), JSON.stringify(state));
}

export function removeWatchingState(cacheDir: string): void {
  rmSync(stateFile(cacheDir), { force: true });
}

/** The state of a watching build of `out` that is still running, or null. */
function watchingState(cacheDir: string, out: string): WatchingState | null {
  let state: WatchingState;
  try {
    state = JSON.parse(readFileSync(stateFile(cacheDir), 'utf8')) as WatchingState;
  } catch {
    return null;
  }
  if (state.out !== out || state.pid === process.pid) return null;
  try {
    process.kill(state.pid, 0);
  } catch {
    return null; // It stopped without saying so.
  }
  return state;
}

/** The last time a file directly in one of the folders changed. */
function newestChange(dirs: string[]): number {
  let newest = 0;
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir)) newest = Math.max(newest, statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  }
  return newest;
}

/** How long a one-off build waits for a watching build to finish building before building itself. */
export const WATCHING_WAIT_MS = 30 * 60_000;
/** How long a watching build is given to start building a change it has not taken in yet (it waits out `SETTLE_MS` first). */
export const NOTICE_MS = 5_000;

/**
 * When a watching build of `out` is running: waits until it has built every
 * change made to the folders so far (or, for a change it does not take up
 * within `NOTICE_MS`, what it has), and says whether that build succeeded;
 * null when there is none (or it builds for longer than `WATCHING_WAIT_MS`),
 * and the caller builds.
 */
export async function awaitWatchingBuild(cacheDir: string, out: string, dirs: string[]): Promise<WatchingState | null> {
  const until = Date.now() + WATCHING_WAIT_MS;
  let patience = Date.now() + NOTICE_MS;
  for (let state = watchingState(cacheDir, out); state; state = watchingState(cacheDir, out)) {
    if (state.building) patience = Date.now() + NOTICE_MS;
    else if (state.started >= newestChange(dirs) || Date.now() > patience) return state;
    if (Date.now() > until) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
