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
 */
import { watch, type FSWatcher } from 'node:fs';
import { BuildCache } from './build-cache';
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
