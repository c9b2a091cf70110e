/**
 * A child process of the build: renders the reports it is sent and keeps
 * each in the cache, reporting each as it is done. Forked by
 * `render-pool.ts`, one per core, each with citation-js set up once.
 */
import { setUpCitations, type RenderOptions } from '../citations/render';
import { BuildCache } from './build-cache';
import { buildOne, type QueuedReport } from './render-pool';

/** What the pool sends a worker. */
export interface WorkerTask {
  reports: QueuedReport[];
  options: RenderOptions;
  cacheDir: string;
}

/** What a worker answers: one message per report, or why it failed. */
export type WorkerMessage = { done: string } | { failed: string };

process.on('message', (task: WorkerTask) => {
  try {
    const setup = setUpCitations(task.options);
    const cache = new BuildCache(task.cacheDir);
    for (const item of task.reports) {
      buildOne(item, cache, () => setup);
      process.send!({ done: item.report.id } satisfies WorkerMessage);
    }
    process.exit(0);
  } catch (error) {
    process.send!({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage, () => process.exit(1));
  }
});
