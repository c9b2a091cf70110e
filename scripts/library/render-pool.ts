/**
 * Builds reports on every core: the reports to build are dealt out to one
 * child process per core (largest first, each to the least loaded), each
 * keeps what it builds in the cache. Rendering citations is nearly all of a
 * report's build time and runs alone on a core, so two cores halve it.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/core/types';
import { setUpCitations, type RenderOptions } from '../citations/render';
import { BuildCache } from './build-cache';
import type { WorkerMessage, WorkerTask } from './build-worker';
import { buildReport } from './report-file';

const WORKER = fileURLToPath(new URL('./build-worker.ts', import.meta.url));

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
 * Builds every report of the queue into the cache, on up to `cores`
 * processes (one report, or one core: in this process, which saves a child's
 * start-up). Calls `onDone` with each report's id as it is finished.
 */
export async function buildIntoCache(
  queue: Array<{ report: Report; key: string }>,
  options: RenderOptions,
  cache: BuildCache,
  onDone: (id: string) => void,
  cores = availableParallelism(),
): Promise<void> {
  if (queue.length === 0) return;
  if (queue.length === 1 || cores < 2) {
    const setup = setUpCitations(options);
    for (const { report, key } of queue) {
      cache.write(buildReport(report, setup), key);
      onDone(report.id);
    }
    return;
  }
  await Promise.all(
    deal(queue, Math.min(cores, queue.length)).map(
      (reports) =>
        new Promise<void>((resolve, reject) => {
          const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          let failure: string | null = null;
          child.on('message', (message: WorkerMessage) => {
            if ('done' in message) onDone(message.done);
            else failure = message.failed;
          });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 && failure === null ? resolve() : reject(new Error(failure ?? `a build worker stopped with exit code ${code}`))));
          child.send({ reports, options, cacheDir: cache.dir } satisfies WorkerTask);
        }),
    ),
  );
}
