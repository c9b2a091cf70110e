/**
 * Builds reports on every core: the reports whose citations must be
 * rendered are dealt out to one child process per core (largest first, each
 * to the least loaded), each keeping what it builds in the cache. Rendering
 * citations is nearly all of a report's build time and runs alone on a core,
 * so two cores halve it.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/core/types';
import { setUpCitations, type CitationSetup, type RenderOptions } from '../citations/render';
import { BuildCache } from './build-cache';
import type { WorkerMessage, WorkerTask } from './build-worker';
import { buildReport, renderCitationsOf } from './report-file';

const WORKER = fileURLToPath(new URL('./build-worker.ts', import.meta.url));

/** A report to build, with the key of its file and of its citations. */
export interface QueuedReport {
  report: Report;
  key: string;
  citationsKey: string;
}

/**
 * Builds one report into the cache: its citations kept from an earlier
 * build when their key is there, otherwise rendered (with citation-js set
 * up on first need) and kept.
 */
export function buildOne(item: QueuedReport, cache: BuildCache, setup: () => CitationSetup): void {
  const { report, key, citationsKey } = item;
  let citations = cache.readCitations(report.id, citationsKey);
  if (citations) {
    citations = { ...citations, summary: `citations: ${report.id}: inputs unchanged, reused` };
  } else {
    citations = renderCitationsOf(report, setup());
    cache.writeCitations(report.id, citationsKey, citations);
  }
  cache.write(buildReport(report, citations), key);
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

/**
 * Builds every report of the queue into the cache. Reports whose citations
 * are kept are built here (a few milliseconds each); those whose citations
 * must be rendered go to up to `cores` child processes, or stay here when
 * there is one of them or one core (a child's start-up would cost more).
 * @returns how many reports had their citations rendered, and on how many processes
 */
export async function buildIntoCache(queue: QueuedReport[], options: RenderOptions, cache: BuildCache, cores = availableParallelism()): Promise<{ rendered: number; processes: number }> {
  let setup: CitationSetup | null = null;
  const setUp = () => (setup ??= setUpCitations(options));
  const toRender = queue.filter((item) => cache.readCitations(item.report.id, item.citationsKey) === null);
  const rendering = new Set(toRender);
  const inChildren = toRender.length > 1 && cores > 1;
  for (const item of queue) if (!inChildren || !rendering.has(item)) buildOne(item, cache, setUp);
  if (!inChildren) return { rendered: toRender.length, processes: 1 };
  const hands = deal(toRender, Math.min(cores, toRender.length));
  await Promise.all(
    hands.map(
      (reports) =>
        new Promise<void>((resolve, reject) => {
          const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          let failure: string | null = null;
          child.on('message', (message: WorkerMessage) => {
            if ('failed' in message) failure = message.failed;
          });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 && failure === null ? resolve() : reject(new Error(failure ?? `a build worker stopped with exit code ${code}`))));
          child.send({ reports, options, cacheDir: cache.dir } satisfies WorkerTask);
        }),
    ),
  );
  return { rendered: toRender.length, processes: hands.length };
}
