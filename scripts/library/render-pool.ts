/**
 * Builds reports on every core: the reports whose citations must be
 * rendered are dealt out to one child process per core (largest first, each
 * to the least loaded), each keeping what it builds in the cache. Rendering
 * citations is nearly all of a report's build time and runs alone on a core,
 * so two cores halve it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Report } from '../../src/core/types';
import { citationPairs, setUpCitations, type CitationPart, type CitationSetup, type RenderOptions } from '../citations/render';
import { BuildCache } from './build-cache';
import type { WorkerMessage, WorkerTask } from './build-worker';
import { buildReport, findRelatedWords, mergeRendered, renderCitationsOf, type FoundRelatedWords, type RenderedCitations } from './report-file';
import { workerEntry, type WorkerEntry } from './worker-bundle';

/** A report to build, with the key of its file and of its citations. */
export interface QueuedReport {
  report: Report;
  key: string;
  citationsKey: string;
  relatedWordsKey: string;
  /** The library's first report: its render also reads the access-date formats (`citationStyles`). */
  accessDates: boolean;
}

/** Whether a report's kept citations serve: there are some, with the access-date formats when it must give them. */
export function keptCitations(item: QueuedReport, cache: BuildCache): RenderedCitations | null {
  const kept = cache.readCitations(item.report.id, item.citationsKey);
  return kept && (!item.accessDates || kept.accessDates) ? kept : null;
}

/**
 * Builds one report into the cache: its citations kept from an earlier
 * build when their key is there, otherwise rendered (with citation-js set
 * up on first need) and kept.
 */
export function buildOne(item: QueuedReport, cache: BuildCache, setup: () => CitationSetup): void {
  const { report, key, citationsKey } = item;
  let citations = keptCitations(item, cache);
  if (citations) {
    citations = { ...citations, summary: `citations: ${report.id}: inputs unchanged, reused` };
  } else {
    citations = renderCitationsOf(report, setup(), undefined, item.accessDates);
    cache.writeCitations(report.id, citationsKey, citations);
  }
  cache.write(buildReport(report, citations, relatedWordsFor(item, cache)), key);
}

/** A report's related words: kept from an earlier build when its sections are unchanged, otherwise found (and kept). */
export function relatedWordsFor(item: QueuedReport, cache: BuildCache): FoundRelatedWords {
  const kept = cache.readRelatedWords(item.report.id, item.relatedWordsKey);
  if (kept) return { words: kept, ms: null };
  const found = findRelatedWords(item.report);
  cache.writeRelatedWords(item.report.id, item.relatedWordsKey, found.words);
  return found;
}

/** Deals reports to `count` workers by their number of sections, largest first, each to the least loaded. */
export function deal<T extends { report: Report }>(queue: T[], count: number): T[][] {
  const hands = Array.from({ length: count }, () => ({ load: 0, items: [] as T[] }));
  for (const item of [...queue].sort((a, b) => b.report.sections.length - a.report.sections.length || (a.report.id < b.report.id ? -1 : 1))) {
    const hand = hands.reduce((least, h) => (h.load < least.load ? h : least));
    hand.items.push(item);
    hand.load += item.report.sections.length + 1;
  }
  return hands.map((h) => h.items).filter((items) => items.length > 0);
}

/** What a child process is given: whole reports, or parts of one (some of its style/locale pairs). */
export type WorkUnit = { item: QueuedReport; only: null } | { item: QueuedReport; only: CitationPart; part: number };

/**
 * The work for `cores` processes: with at least as many reports to render
 * as cores, whole reports dealt out; with fewer (one report changed), each
 * report's style/locale pairs dealt across the cores in turn. In turn, not
 * style by style: most of one report's time is building each pair's citeproc
 * engine, and one style's engines can cost thirty times another's (APA's
 * take about 3 s each, Harvard's 0.1 s), so each part gets some of every
 * style's locales.
 */
function workUnits(toRender: QueuedReport[], pairs: string[], cores: number): WorkUnit[][] {
  if (toRender.length >= cores) return deal(toRender, cores).map((items) => items.map((item) => ({ item, only: null })));
  const parts = Math.min(Math.floor(cores / toRender.length), pairs.length);
  const hands: WorkUnit[][] = [];
  for (const item of toRender) {
    for (let part = 0; part < parts; part++) {
      hands.push([{ item, only: { pairs: pairs.filter((_, i) => i % parts === part), items: part === 0 }, part }]);
    }
  }
  return hands;
}

/**
 * The build's child processes, one per hand of work, started on first need
 * and kept for the pool's life: a one-off build lets them go once its
 * reports are built (`close`); a build that watches its sources
 * (`build-session.ts`) keeps them, their citeproc engines built and their
 * proofs made, for the next change. A child that fails is let go, and a new
 * one started in its place next time.
 */
export class RenderPool {
  readonly #children: Array<ChildProcess | undefined> = [];
  /** Each child's last task: a child answers its tasks in turn, so each waits for the one before. */
  readonly #last: Array<Promise<unknown>> = [];
  #entry: WorkerEntry | null = null;

  /**
   * Runs each hand of units on a child of its own, telling it what is proven already.
   * @returns what each child has proven once it has kept all its units in the cache: the proofs it was given and made
   */
  run(hands: WorkUnit[][], options: RenderOptions, cache: BuildCache, proven: string[]): Promise<string[][]> {
    return Promise.all(hands.map((units, i) => this.#queued(i, { units, options, cacheDir: cache.dir, proven })));
  }

  /**
   * Starts `cores` children, each building the citeproc engines of every
   * pair (its own share of a one-report render first: `workUnits` deals
   * pair i to part i mod cores), so that the next render finds them built.
   * Not awaited by a build: a render sent meanwhile waits its turn.
   */
  warm(pairs: string[], cores: number, options: RenderOptions, cache: BuildCache): Promise<unknown> {
    return Promise.all(
      Array.from({ length: cores }, (_, i) => {
        const first = pairs.filter((_, j) => j % cores === i);
        return this.#queued(i, { units: [], options, cacheDir: cache.dir, proven: [], warm: [...first, ...pairs.filter((pair) => !first.includes(pair))] });
      }),
    );
  }

  #queued(i: number, task: WorkerTask): Promise<string[]> {
    const turn = (this.#last[i] ?? Promise.resolve()).catch(() => undefined).then(() => this.#task(i, task));
    this.#last[i] = turn;
    return turn;
  }

  /** How many children are running. */
  get size(): number {
    return this.#children.filter((child) => child?.connected).length;
  }

  #child(i: number): ChildProcess {
    const running = this.#children[i];
    if (running?.connected) return running;
    this.#entry ??= workerEntry();
    const child = fork(this.#entry.path, [], { execArgv: this.#entry.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#children[i] = child;
    return child;
  }

  #task(i: number, task: WorkerTask): Promise<string[]> {
    const child = this.#child(i);
    return new Promise<string[]>((resolve, reject) => {
      const settle = (failure: Error | null, proofs: string[] = []) => {
        child.off('message', onMessage).off('exit', onExit).off('error', onError);
        if (failure === null) return resolve(proofs);
        // A child that failed may hold half a task's state: the next task gets a new one.
        if (this.#children[i] === child) this.#children[i] = undefined;
        child.kill();
        reject(failure);
      };
      const onMessage = (message: WorkerMessage) => ('failed' in message ? settle(new Error(message.failed)) : settle(null, message.proven));
      const onExit = (code: number | null) => settle(new Error(`a build worker stopped with exit code ${code}`));
      const onError = (error: Error) => settle(error);
      child.on('message', onMessage).on('exit', onExit).on('error', onError);
      child.send(task);
    });
  }

  /** Lets every child go: each exits once its channel is closed. */
  close(): void {
    for (const child of this.#children) if (child?.connected) child.disconnect();
    this.#children.length = 0;
    this.#last.length = 0;
  }
}

/**
 * Builds every report of the queue into the cache. Reports whose citations
 * are kept are built here (a few milliseconds each); those whose citations
 * must be rendered go to up to `cores` child processes (`workUnits`), or
 * stay here on one core. What the renders prove is kept under the code's
 * key, so a later build with the same code does not prove it again.
 * @returns how many reports had their citations rendered, and on how many processes
 */
export async function buildIntoCache(
  queue: QueuedReport[],
  options: RenderOptions,
  cache: BuildCache,
  { cores = availableParallelism(), code, pool }: { cores?: number; code: string; pool?: RenderPool },
): Promise<{ rendered: number; processes: number }> {
  const known = cache.readProofs(code);
  let setup: CitationSetup | null = null;
  const setUp = () => {
    if (setup) return setup;
    setup = setUpCitations(options);
    for (const proof of known) setup.memory.proven.add(proof);
    return setup;
  };
  const toRender = queue.filter((item) => keptCitations(item, cache) === null);
  const rendering = new Set(toRender);
  const inChildren = toRender.length > 0 && cores > 1;
  for (const item of queue) if (!inChildren || !rendering.has(item)) buildOne(item, cache, setUp);
  const keepProofs = (proofs: Iterable<string>) => {
    const all = new Set([...known, ...proofs]);
    if (all.size > known.length) cache.writeProofs(code, all);
  };
  if (!inChildren) {
    if (setup) keepProofs((setup as CitationSetup).memory.proven);
    return { rendered: toRender.length, processes: 1 };
  }
  const started = performance.now();
  const hands = workUnits(toRender, citationPairs(setUp()), cores);
  // A build of its own lets its children go when they are done; a watching build's pool keeps them.
  const children = pool ?? new RenderPool();
  try {
    keepProofs((await children.run(hands, options, cache, known)).flat());
  } finally {
    if (!pool) children.close();
  }
  // Reports rendered in parts: join the parts, keep the citations, build the file.
  for (const item of toRender) {
    const parts = hands.flat().filter((unit) => unit.item === item && unit.only !== null);
    if (parts.length === 0) continue;
    const { report, citationsKey } = item;
    const joined = mergeRendered(report, parts.map((unit) => cache.takeCitationPart(report.id, citationsKey, 'part' in unit ? unit.part : 0)), setUp(), performance.now() - started);
    cache.writeCitations(report.id, citationsKey, joined);
    cache.write(buildReport(report, joined, relatedWordsFor(item, cache)), item.key);
  }
  return { rendered: toRender.length, processes: hands.length };
}
