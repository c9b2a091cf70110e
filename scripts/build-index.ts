/**
 * The build: index/sources → index/build, in stages, each timed:
 *
 * 1. read: every report's sources into one neutral document, then a report
 *    (`scripts/sources/`, `assemble-report.ts`); a report whose files and
 *    reader are unchanged is taken from the cache of reads (`read-cache.ts`);
 * 2. reports: each report's file (search index, surface forms, citations),
 *    kept in a per-report cache under a key of everything it is made from,
 *    so only changed reports are built, on every core (`scripts/library/`);
 * 3. library: the shelf list, the word list in shards, the citation styles;
 * 4. scripts: the widget, the page script and the host page's frame script, bundled;
 * 5. write: everything into a fresh folder, swapped in at once, so a failed
 *    build leaves the previous one untouched.
 *
 * Data goes under `assets/` (Workers Static Assets, read by the Worker
 * through its ASSETS binding, never part of the script); the scripts and
 * the build id are bundled into the Worker.
 *
 * With `--watch` it then keeps watching the sources and styles, and builds
 * again on each change, keeping in memory what a one-off build reads from
 * its cache (`scripts/library/build-session.ts`).
 *
 * Usage: tsx scripts/build-index.ts [--sources DIR] [--styles DIR] [--out DIR] [--cache DIR] [--cores N] [--watch]
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dataPaths, shelfEntry, type ShelfList } from '../src/core/library';
import type { Report } from '../src/core/types';
import { buildId } from './build-id';
import { bundleScript } from './bundle-script';
import { checkAccessDates, citationPairs, citationStyles, LOCALES, setUpCitations } from './citations/render';
import { BuildCache, citationsKey, codeKey, relatedWordsKey, reportKey } from './library/build-cache';
import { awaitWatchingBuild, BuildSession, removeWatchingState, watchFolders, writeWatchingState, type KeptWordList } from './library/build-session';
import { ReadCache, readerCodeKey } from './library/read-cache';
import { buildIntoCache, keptCitations } from './library/render-pool';
import { kib } from './library/report-file';
import { WordListBuilder } from './library/word-list';
import { readReports } from './report-sources';
import { formatProblem } from './sources';
import { bytesText, MAX_REPORT_FILE_BYTES } from './sources/limits';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The widget must stay small enough to add to any course page without a thought. */
export const WIDGET_GZIP_BUDGET = 8192;
/** The host page's frame script (/embed/frame.js) only listens for one message: a few hundred bytes. */
export const FRAME_SCRIPT_GZIP_BUDGET = 512;

/** The folder under the build that Workers Static Assets serves to the Worker (wrangler.toml `[assets]`). */
export const ASSETS_FOLDER = 'assets';

export interface BuildOptions {
  /** Where the build goes; replaced whole when it succeeds. */
  out: string;
  /** Dropped-in CSL styles and the list of extra official ones (`official.json`). */
  stylesDir?: string;
  /** The per-report cache; by default `.build-cache` beside `out`. */
  cacheDir?: string;
  /** Processes to build reports on; by default one per core. */
  cores?: number;
  /** A build that watches its sources: what it keeps from one build to the next (its cache must be `cacheDir`'s). */
  session?: BuildSession;
}

/** A stage's time and what it made, for the summary. */
function stage(name: string, started: number, what: string): string {
  return `stage ${name}: ${((performance.now() - started) / 1000).toFixed(2)} s, ${what}`;
}

/** Where a build keeps its cache unless told: beside its output. */
const defaultCacheDir = (out: string) => join(dirname(resolve(out)), '.build-cache');

/**
 * Builds the library of `reports` into `options.out`.
 * @returns summary lines: each report built, then one line per stage with its time and sizes
 */
export async function buildLibrary(reports: Report[], options: BuildOptions): Promise<{ summary: string[] }> {
  const summary: string[] = [];
  const stages: string[] = [];
  const out = resolve(options.out);
  const session = options.session;
  const cache = session?.cache ?? new BuildCache(resolve(options.cacheDir ?? defaultCacheDir(out)));
  const renderOptions = { stylesDir: options.stylesDir };
  const styleDirs = [options.stylesDir].filter((d): d is string => !!d);

  // 2. Reports: only those whose key changed are built.
  let started = performance.now();
  const code = codeKey(projectRoot, styleDirs, LOCALES);
  const keys = new Map(reports.map((report) => [report.id, reportKey(code, report)]));
  const citationKeys = new Map(reports.map((report) => [report.id, citationsKey(code, report)]));
  const relatedWordsKeys = new Map(reports.map((report) => [report.id, relatedWordsKey(code, report)]));
  // The first report's citations also carry the access-date formats; kept ones without them are rendered again.
  const queue = reports
    .map((report, i) => ({ report, key: keys.get(report.id)!, citationsKey: citationKeys.get(report.id)!, relatedWordsKey: relatedWordsKeys.get(report.id)!, accessDates: i === 0 }))
    .filter((item) => !cache.has(item.report.id, item.key) || (item.accessDates && keptCitations(item, cache) === null));
  const running = session?.pool.size ?? 0;
  const done = await buildIntoCache(queue, renderOptions, cache, { cores: options.cores, code, pool: session?.pool });
  const built = new Set(queue.map(({ report }) => report.id));
  // A watching build readies its children for the next change while it waits for one (`RenderPool.warm`).
  const cores = options.cores ?? availableParallelism();
  if (session && !session.warming && cores > 1) session.warming = session.pool.warm(citationPairs(setUpCitations(renderOptions)), cores, renderOptions, cache).catch(() => undefined);
  const kept = session && done.rendered > 0 ? ` (${Math.min(running, done.processes)} kept from the last build)` : '';
  stages.push(stage('reports', started, `${queue.length} built, ${reports.length - queue.length} unchanged and reused; citations rendered for ${done.rendered} on ${done.processes} process(es)${kept}`));

  // 3. Library: shelf list, word list, citation styles, written into a fresh folder.
  const next = `${out}.next-${process.pid}`;
  try {
    return await writeLibrary(reports, { out, next, cache, session, code, keys, citationKeys, relatedWordsKeys, built, renderOptions, summary, stages });
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
}

interface LibraryWrite {
  out: string;
  next: string;
  cache: BuildCache;
  session: BuildSession | undefined;
  code: string;
  keys: Map<string, string>;
  citationKeys: Map<string, string>;
  relatedWordsKeys: Map<string, string>;
  built: Set<string>;
  renderOptions: { stylesDir?: string };
  summary: string[];
  stages: string[];
}

/** Stages 3 to 5: the library's files into `next`, then `next` swapped in for `out`. */
async function writeLibrary(reports: Report[], { out, next, cache, session, code, keys, citationKeys, relatedWordsKeys, built, renderOptions, summary, stages }: LibraryWrite): Promise<{ summary: string[] }> {
  let started = performance.now();
  rmSync(next, { recursive: true, force: true });
  const assets = join(next, ASSETS_FOLDER);
  const place = (path: string) => join(assets, path);
  mkdirSync(dirname(place(dataPaths.report('x'))), { recursive: true });
  mkdirSync(dirname(place(dataPaths.termShard('x'))), { recursive: true });
  // The access-date formats were read off the first report's render (scripts/citations/render.ts).
  const first = cache.readCitations(reports[0].id, citationKeys.get(reports[0].id)!)!;
  const styles = citationStyles(setUpCitations(renderOptions), first.accessDates ?? {});
  const stylesJson = JSON.stringify(styles);
  const places = reports.map((report): [string, string] => [report.id, keys.get(report.id)!]);
  // A session's word list is taken for this build, and given back only if it succeeds (it is patched in place).
  const keptWords = session?.wordList ?? null;
  if (session) session.wordList = null;
  const { words, patched } = gatherWordList(places, cache, keptWords);
  // Unpatched, the kept word list is already this one (about 130 MB of JSON at 10,000 reports): not written again.
  // A session keeps it in memory and writes it when it ends.
  const unsaved = patched !== 0 || (keptWords?.unsaved ?? false);
  if (patched !== 0 && !session) cache.writeWordList(words.gathered(places));
  let reportBytes = 0;
  let checked = 0;
  for (const report of reports) {
    const key = keys.get(report.id)!;
    const entry = cache.read(report.id, key)!;
    checkAccessDates(styles, report.id, entry.dated);
    checked += entry.checked;
    if (built.has(report.id)) summary.push(...entry.summary);
    const target = place(dataPaths.report(report.id));
    const bytes = statSync(cache.filePath(report.id, key)).size;
    if (bytes > MAX_REPORT_FILE_BYTES) {
      throw new Error(`report "${report.id}": its file would be ${bytesText(bytes)}, over the ${bytesText(MAX_REPORT_FILE_BYTES)} a report file may be (Workers Static Assets serves at most 25 MiB a file); shorten its longest metadata fields`);
    }
    linkOrCopy(cache.filePath(report.id, key), target);
    reportBytes += statSync(target).size;
  }
  const shelf: ShelfList = { reports: reports.map(shelfEntry), sections: reports.reduce((n, r) => n + r.sections.length, 0) };
  const shelfJson = JSON.stringify(shelf);
  writeFileSync(place(dataPaths.shelf()), shelfJson);
  writeFileSync(place(dataPaths.citationStyles()), stylesJson);
  let shardCount = 0;
  let shardBytes = 0;
  let largestShard = 0;
  for (const [shard, json] of words.shards()) {
    writeFileSync(place(dataPaths.termShard(shard)), json);
    shardCount++;
    shardBytes += Buffer.byteLength(json);
    largestShard = Math.max(largestShard, Buffer.byteLength(json));
  }
  stages.push(
    stage(
      'library',
      started,
      `${reports.length} report files (${kib(reportBytes)}), shelf list ${kib(shelfJson)}, word list ${shardCount} shards (${kib(shardBytes)}, largest ${kib(largestShard)}; ${patched === null ? 'gathered from every report' : patched === 0 ? "the last build's" : `the last build's patched for ${patched} report(s)`}), citation styles ${kib(stylesJson)} (${styles.styles.length} styles × ${styles.locales.length} locales; ${checked} placeholder fills proven against citation-js)`,
    ),
  );

  // 4. Scripts.
  started = performance.now();
  const page = bundleScript(join(projectRoot, 'src/assets/page-script.ts'));
  const widget = bundleScript(join(projectRoot, 'src/widget/report-search.ts'));
  const frame = bundleScript(join(projectRoot, 'src/frame/host-frames.ts'));
  if (widget.gzipBytes > WIDGET_GZIP_BUDGET) throw new Error(`widget.js is ${widget.gzipBytes} bytes gzip, over the ${WIDGET_GZIP_BUDGET}-byte budget`);
  if (frame.gzipBytes > FRAME_SCRIPT_GZIP_BUDGET) throw new Error(`frame.js is ${frame.gzipBytes} bytes gzip, over the ${FRAME_SCRIPT_GZIP_BUDGET}-byte budget`);
  writeFileSync(join(next, 'page.js'), page.code);
  writeFileSync(join(next, 'widget.js'), widget.code);
  writeFileSync(join(next, 'frame.js'), frame.code);
  const id = buildId({ 'page.js': page.code, 'widget.js': widget.code, 'frame.js': frame.code, 'citation-styles.json': stylesJson, 'library.json': shelfJson }, [...keys].map(([r, k]) => `${r}:${k}`), projectRoot);
  writeFileSync(join(next, 'build-id.json'), JSON.stringify({ id }));
  stages.push(stage('scripts', started, `widget.js ${widget.bytes} bytes, ${widget.gzipBytes} bytes gzip (budget ${WIDGET_GZIP_BUDGET}); page.js ${page.gzipBytes} bytes gzip; frame.js ${frame.gzipBytes} bytes gzip`));

  // 5. Write: swap the new build in, then forget cache entries no build uses.
  started = performance.now();
  swapIn(next, out);
  if (session) session.wordList = { places, words, unsaved };
  cache.keepOnly(keys, citationKeys, relatedWordsKeys, code);
  stages.push(stage('write', started, `${reports.length + shardCount + 2} data files in ${join(out, ASSETS_FOLDER)}`));
  return { summary: [...summary, ...stages] };
}

/**
 * The library's word list for the reports at `places` (id and key, in shelf
 * order). Where the last build's word list had the same reports at the same
 * places, it is patched: each changed report's old term list taken back and
 * its new one filed, the same postings and forms as gathering every report
 * (`test/node/library.test.ts` checks), at a fraction of the cost in a large
 * library. Otherwise (other reports or places, more than an eighth of the
 * reports changed, an old term list gone), every report's list is read.
 * @returns the word list, and how many reports it was patched for (null: gathered whole)
 */
function gatherWordList(places: Array<[id: string, key: string]>, cache: BuildCache, kept: KeptWordList | null): { words: WordListBuilder; patched: number | null } {
  const patched = patchedWordList(places, cache, kept);
  if (patched) return patched;
  const words = new WordListBuilder();
  for (const [i, [id, key]] of places.entries()) words.addTermList(i, cache.readTermList(id, key)!);
  return { words, patched: null };
}

/**
 * The last build's word list patched for the reports whose key changed, or
 * null where it cannot or should not be: a session's (`kept`), patched in
 * place, or else the cache's.
 */
function patchedWordList(places: Array<[id: string, key: string]>, cache: BuildCache, kept: KeptWordList | null): { words: WordListBuilder; patched: number } | null {
  const gathered = kept ? null : cache.readWordList();
  const last = kept ?? gathered;
  if (!last || last.places.length !== places.length || last.places.some(([id], i) => id !== places[i][0])) return null;
  const changed = places.flatMap(([id, key], i) => (last.places[i][1] === key ? [] : [{ place: i, id, key, oldKey: last.places[i][1] }]));
  // A patch reads two term lists a changed report and moves postings about: for more than a few, gathering is cheaper.
  if (changed.length > Math.max(1, places.length / 8)) return null;
  const lists = changed.map(({ place, id, key, oldKey }) => ({ place, old: cache.readTermList(id, oldKey), now: cache.readTermList(id, key)! }));
  if (lists.some(({ old }) => old === null)) return null;
  const words = kept ? kept.words : WordListBuilder.from(gathered!);
  for (const { place, old, now } of lists) {
    words.removeTermList(place, old!);
    words.addTermList(place, now);
  }
  return { words, patched: changed.length };
}

/** A cached file into the build: a hard link where the file system allows, else a copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Replaces `out` with the folder `next` in two renames, so `out` is never half-written. */
function swapIn(next: string, out: string): void {
  const previous = `${out}.previous-${process.pid}`;
  mkdirSync(dirname(out), { recursive: true });
  if (existsSync(out)) renameSync(out, previous);
  renameSync(next, out);
  rmSync(previous, { recursive: true, force: true });
}

interface BuildRun {
  sources: string;
  styles: string;
  out: string;
  cacheDir: string;
  cores: number | undefined;
}

/**
 * One build, printed: what reading found (pages, labels and how, text,
 * time), what was built, each stage, and what a person should look at; or
 * why it failed, leaving `out` as it was. In a session, the reads of
 * unchanged reports are not printed again.
 * @returns the exit code: 0 built, 1 failed
 */
async function buildAndPrint({ sources, styles, out, cacheDir, cores }: BuildRun, session?: BuildSession): Promise<number> {
  let started = performance.now();
  const readCache = session?.reads ?? new ReadCache(cacheDir, readerCodeKey(projectRoot));
  const read = await readReports(sources, { cache: readCache });
  if (!read.ok) {
    for (const problem of read.problems) console.error(formatProblem(problem));
    console.error(`build failed: ${read.problems.length} problem(s); ${out} was left as it was`);
    return 1;
  }
  const readStage = stage('read', started, `${read.reports.length} reports from ${sources}${session ? `, ${read.readAnew} read anew` : ''}`);
  started = performance.now();
  try {
    const { summary } = await buildLibrary(read.reports, { out, stylesDir: styles, cacheDir, cores, session });
    readCache.keepOnly(read.reports.map((report) => report.id));
    const readLines = session && read.readAnew === 0 ? [] : read.summary;
    for (const line of [...readLines, readStage, ...summary, `total: ${((performance.now() - started) / 1000).toFixed(2)} s after reading`, ...read.warnings]) console.log(line);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(`build failed; ${out} was left as it was`);
    return 1;
  }
  return 0;
}

/** A path as a person wrote it: from the working folder when it is under it, else whole. */
function shown(path: string): string {
  const from = relative(process.cwd(), path);
  return from === '' ? '.' : from.startsWith('..') ? path : from;
}

/**
 * Builds, then watches the sources and styles and builds again on each
 * change, until stopped (Ctrl-C): the session's word list is then saved and
 * its children let go. A failed build leaves the last good one in place and
 * keeps watching.
 */
async function buildAndWatch(run: BuildRun): Promise<number> {
  const session = new BuildSession(run.cacheDir, readerCodeKey(projectRoot));
  // What a one-off build of the same output waits for and defers to (`awaitWatchingBuild`).
  const build = async () => {
    const state = { pid: process.pid, out: run.out, started: Date.now() };
    writeWatchingState(run.cacheDir, { ...state, building: true, good: false });
    const code = await buildAndPrint(run, session);
    writeWatchingState(run.cacheDir, { ...state, building: false, good: code === 0 });
    return code;
  };
  await build();
  const folders = [run.sources, run.styles].filter((dir) => existsSync(dir));
  const stop = watchFolders(folders, async (changed) => {
    const started = performance.now();
    // An editor's or sed's temporary file comes and goes: only what is there now is named.
    const there = changed.filter((file) => existsSync(file));
    console.log(`\nchanged: ${there.length > 0 ? there.map(shown).join(', ') : 'files removed'}`);
    const code = await build();
    console.log(code === 0 ? `rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s` : 'not rebuilt: the last good build stays');
  });
  console.log(`watching ${folders.map(shown).join(' and ')} for changes (Ctrl-C to stop)`);
  // Each child building every style's engines takes about as long as a cold one-report build: a change made meanwhile waits for them.
  const warming = performance.now();
  void (session.warming ?? Promise.resolve()).then(() => console.log(`ready: ${session.pool.size} process(es) with every citation engine built, in ${((performance.now() - warming) / 1000).toFixed(1)} s more`));
  return new Promise<number>((resolve) => {
    const end = () => {
      stop();
      removeWatchingState(run.cacheDir);
      session.close();
      resolve(0);
    };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sources: { type: 'string', default: 'index/sources' },
      styles: { type: 'string', default: 'index/styles' },
      out: { type: 'string', default: 'index/build' },
      cache: { type: 'string' },
      cores: { type: 'string' },
      watch: { type: 'boolean', default: false },
    },
  });
  const out = resolve(values.out!);
  const run: BuildRun = {
    sources: resolve(values.sources!),
    styles: resolve(values.styles!),
    out,
    cacheDir: resolve(values.cache ?? defaultCacheDir(out)),
    cores: values.cores ? Number(values.cores) : undefined,
  };
  if (values.watch) return buildAndWatch(run);
  // `wrangler dev` builds on every change to the sources: while a build watches them, it keeps the output current.
  const watching = await awaitWatchingBuild(run.cacheDir, run.out, [run.sources, run.styles]);
  if (watching?.good) {
    console.log(`${shown(run.out)} is kept up to date by a build watching the sources (process ${watching.pid}): not built again`);
    return 0;
  }
  if (watching) {
    console.error(`the build watching the sources (process ${watching.pid}) failed on them: it says what is wrong; ${shown(run.out)} was left as it was`);
    return 1;
  }
  return buildAndPrint(run);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('build-index.ts')) {
  process.exitCode = await main();
}
